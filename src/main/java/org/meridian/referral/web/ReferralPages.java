package org.meridian.referral.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.meridian.referral.NewReferral;
import org.meridian.referral.Referral;
import org.meridian.referral.ReferralDesk;
import org.meridian.referral.ReferralStatus;
import org.meridian.referral.Urgency;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The channel's referral pages in the portal, drawn for a phone first: its own referrals with their progress
 * ({@code /referrals}, paged, filtered by status) and the form to refer a patient ({@code /referrals/new}, 发起转诊).
 * The form carries an idempotency key of its own in a hidden field, so a double tap or a resent form makes one
 * referral; a form with problems comes back with everything typed and each problem beside its field.
 */
@Controller
@RequestMapping("/referrals")
@PreAuthorize("hasRole('CHANNEL_USER')")
class ReferralPages {

    private final ReferralDesk desk;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final int retentionDays;

    ReferralPages(ReferralDesk desk, MessageSource messages, ProblemTexts texts,
                  @Value("${meridian.referral.retention-days:90}") int retentionDays) {
        this.desk = desk;
        this.messages = messages;
        this.texts = texts;
        this.retentionDays = retentionDays;
    }

    /** What the referral form holds, as typed. */
    record Form(String patientName, String patientPhone, String department, String urgency, String note,
                boolean consent, String idempotencyKey) {

        static Form blank() {
            return new Form("", "", "", Urgency.ROUTINE.name(), "", false, UUID.randomUUID().toString());
        }
    }

    /** A referral as the channel's list shows it: no note, the phone masked, no raw status. */
    record Row(Referral referral, String patient, List<Progress.Step> steps) {
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        ReferralStatus s = Progress.filtered(status);
        Paged<Referral> found = desk.search(actor, s, Math.max(page, 0), Paged.DEFAULT_SIZE);
        model.addAttribute("activeNav", "portal");
        model.addAttribute("referrals", found);
        model.addAttribute("rows", found.items().stream().map(r -> row(r, locale)).toList());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("retentionDays", retentionDays);
        return "referrals/list";
    }

    /** One of the channel's referrals with its progress (a notification of a step opens it). */
    @GetMapping("/{id}")
    String referral(Actor actor, @PathVariable long id, Model model, Locale locale) {
        model.addAttribute("activeNav", "portal");
        model.addAttribute("row", row(desk.get(actor, id), locale));
        return "referrals/referral";
    }

    private Row row(Referral r, Locale locale) {
        String patient = r.patient() == null ? messages.getMessage("referral.patient.purged", null, locale)
                : r.patient().name() + " · " + r.patient().phone().masked();
        return new Row(r, patient, Progress.steps(r, messages, locale));
    }

    // ---- referring a patient --------------------------------------------------------------------------

    @GetMapping("/new")
    String newReferral(Actor actor, Model model) {
        return form(actor, Form.blank(), Map.of(), null, model);
    }

    private String form(Actor actor, Form form, Map<String, String> errors, String refusal, Model model) {
        model.addAttribute("activeNav", "portal");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("departments", desk.departments(actor));
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("retentionDays", retentionDays);
        return "referrals/new";
    }

    @PostMapping
    String submit(Actor actor, @RequestParam(defaultValue = "") String patientName,
                  @RequestParam(defaultValue = "") String patientPhone,
                  @RequestParam(defaultValue = "") String department,
                  @RequestParam(defaultValue = "") String urgency, @RequestParam(defaultValue = "") String note,
                  @RequestParam(defaultValue = "false") boolean consent,
                  @RequestParam(defaultValue = "") String idempotencyKey, Model model, Locale locale,
                  RedirectAttributes redirect) {
        // a form that lost its key (typed by hand) gets a fresh one, so that the next try can still succeed
        Form form = new Form(patientName, patientPhone, department, urgency, note, consent,
                idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey);
        try {
            NewReferral draft;
            try {
                draft = NewReferral.parse(patientName, patientPhone, department, urgency, note, consent, null);
            } catch (InvalidInputException e) {
                List<Problem> all = new ArrayList<>(e.problems());
                all.addAll(desk.submissionProblems(actor, idempotencyKey, department));
                throw new InvalidInputException("referral", all);
            }
            ReferralDesk.Submission s = desk.submit(actor, idempotencyKey, draft);
            redirect.addFlashAttribute("flash", messages.getMessage(s.created() ? "referral.flash.submitted"
                    : "referral.flash.again", new Object[] {s.referral().id()}, locale));
            return "redirect:/referrals";
        } catch (InvalidInputException e) {
            return form(actor, form, messagesOf(e.problems(), locale), null, model);
        } catch (RefusedException | ConflictException e) {
            return form(actor, form, Map.of(), refusal(e, locale), model);
        }
    }

    private String refusal(MeridianException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.getMessage(), locale);
    }

    /** Field → message; the request header's key is the form's hidden field. */
    private Map<String, String> messagesOf(List<Problem> problems, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Problem p : problems) {
            boolean key = p.path().equals("Idempotency-Key");
            String text = key ? messages.getMessage("referral.error.formKey", null, locale)
                    : texts.text(p);
            m.merge(key ? "idempotencyKey" : p.path(), text, (a, b) -> a + " " + b);
        }
        return m;
    }
}
