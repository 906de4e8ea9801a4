package org.meridian.referral.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.meridian.referral.GreenChannelRequest;
import org.meridian.referral.ReferralDesk;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
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
 * Over-quota green-channel bookings (绿色通道超额审批): the list for the desk and the hospital managers, waiting ones
 * first and filtered by status; a hospital manager approves or refuses (with a reason) each booking someone else
 * asked for. Each waiting booking is also in the workbench's to-do inbox of every hospital manager who may decide it
 * ({@link GreenChannelWork}).
 */
@Controller
@RequestMapping("/referrals/green-channel")
@PreAuthorize("hasAnyRole('REFERRAL_DESK', 'CHANNEL_MANAGER')")
class GreenChannelPages {

    private final ReferralDesk desk;
    private final MessageSource messages;
    private final ProblemTexts texts;

    GreenChannelPages(ReferralDesk desk, MessageSource messages, ProblemTexts texts) {
        this.desk = desk;
        this.messages = messages;
        this.texts = texts;
    }

    /** A request as the list shows it, with whether the reader may decide it. */
    record Row(GreenChannelRequest request, boolean decides, boolean own) {
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        GreenChannelRequest.Status s = status == null ? GreenChannelRequest.Status.PENDING
                : Arrays.stream(GreenChannelRequest.Status.values()).filter(x -> x.name().equals(status))
                .findFirst().orElse(null);
        Paged<GreenChannelRequest> found = desk.greenChannelRequests(actor, s, Math.max(page, 0), Paged.DEFAULT_SIZE);
        model.addAttribute("activeNav", "referral-desk");
        model.addAttribute("requests", found);
        model.addAttribute("rows", found.items().stream().map(q -> new Row(q, decides(actor, q),
                q.requestedBy().equals(actor.username()))).toList());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", GreenChannelRequest.Status.values());
        return "referrals/green-channel";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String approve(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String note, Locale locale,
                   RedirectAttributes redirect) {
        return decide(actor, id, true, note, locale, redirect);
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String refuse(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String note, Locale locale,
                  RedirectAttributes redirect) {
        return decide(actor, id, false, note, locale, redirect);
    }

    private String decide(Actor actor, long id, boolean approve, String note, Locale locale,
                          RedirectAttributes redirect) {
        try {
            GreenChannelRequest q = desk.decideGreenChannel(actor, id, approve, note);
            redirect.addFlashAttribute("flash", messages.getMessage("referral.approvals.done." + q.status(),
                    new Object[] {id}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("referral.approvals.note", null, locale) + "："
                    + texts.text(e.problems().get(0)));
            redirect.addFlashAttribute("failed", id);
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/referrals/green-channel";
    }

    private String refusal(MeridianException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.getMessage(), locale);
    }

    private static boolean decides(Actor actor, GreenChannelRequest q) {
        return q.status() == GreenChannelRequest.Status.PENDING && actor.has(Role.HOSPITAL_MANAGER)
                && FourEyes.allows(q.requestedBy(), actor);
    }
}
