package org.meridian.referral.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.meridian.referral.Appointment;
import org.meridian.referral.Referral;
import org.meridian.referral.ReferralDesk;
import org.meridian.referral.ReferralStatus;
import org.meridian.referral.ReferralStep;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.problem.RefusedException;
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
 * The referral desk's pages (转诊服务中心), for the role REFERRAL_DESK and the channel office: the queue of the
 * hospital's referrals (open ones first, urgent before routine, the longest waiting first) with the response-time
 * clock, and one referral with the patient's contact and the forms of the steps its status allows — accept, schedule
 * (date, department, doctor), record the arrival, record the conversion with a message back to the channel, decline
 * with a reason. A step the status no longer allows (another clerk was quicker) says so and changes nothing.
 */
@Controller
@RequestMapping("/referrals/desk")
@PreAuthorize("hasAnyRole('REFERRAL_DESK', 'CHANNEL_MANAGER')")
class DeskPages {

    private final ReferralDesk desk;
    private final MessageSource messages;
    private final ProblemTexts texts;

    DeskPages(ReferralDesk desk, MessageSource messages, ProblemTexts texts) {
        this.desk = desk;
        this.messages = messages;
        this.texts = texts;
    }

    /** A referral in the queue: its response-time clock in words. */
    record QueueRow(Referral referral, String clock) {
    }

    /** What the desk typed into the step forms, kept when one comes back with problems. */
    record Typed(String date, String department, String doctor, String booking, String feedback, String reason) {
    }

    /** How the desk books an appointment: ordinary, on a green-channel slot, or over the quota for approval. */
    enum Booking { REGULAR, GREEN, OVER_QUOTA }

    private static final String DONE = "referral.desk.done.";

    @GetMapping
    String queue(Actor actor, @RequestParam(required = false) String status,
                 @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        ReferralStatus s = Progress.filtered(status);
        Paged<Referral> found = desk.search(actor, s, Math.max(page, 0), Paged.DEFAULT_SIZE);
        Instant now = desk.now();
        model.addAttribute("activeNav", "referral-desk");
        model.addAttribute("referrals", found);
        model.addAttribute("rows", found.items().stream()
                .map(r -> new QueueRow(r, Progress.clock(r, now, messages, locale))).toList());
        model.addAttribute("waiting", desk.counts(actor).getOrDefault(ReferralStatus.SUBMITTED, 0L));
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", ReferralStatus.values());
        return "referrals/desk";
    }

    @GetMapping("/{id}")
    String referral(Actor actor, @PathVariable long id, Model model, Locale locale) {
        return page(actor, id, null, Map.of(), model, locale);
    }

    private String page(Actor actor, long id, Typed typed, Map<String, String> errors, Model model, Locale locale) {
        Referral r = desk.get(actor, id);
        Set<ReferralStep> allowed = EnumSet.noneOf(ReferralStep.class);
        for (ReferralStep step : ReferralStep.values()) {
            if (step.allowedFrom(r.status())) {
                allowed.add(step);
            }
        }
        model.addAttribute("activeNav", "referral-desk");
        model.addAttribute("r", r);
        model.addAttribute("clock", Progress.clock(r, desk.now(), messages, locale));
        model.addAttribute("steps", Progress.steps(r, messages, locale));
        model.addAttribute("allowed", allowed.stream().map(Enum::name).toList());
        model.addAttribute("departments", desk.departments(actor));
        model.addAttribute("typed", typed != null ? typed : new Typed(desk.today(actor).plusDays(1).toString(),
                r.department() == null ? "" : r.department(), "", Booking.REGULAR.name(), "", ""));
        model.addAttribute("bookings", Booking.values());
        model.addAttribute("quota", desk.greenChannelQuota(actor, r, YearMonth.from(desk.today(actor))));
        model.addAttribute("held", desk.heldBooking(actor, id).orElse(null));
        model.addAttribute("minDate", desk.today(actor).toString());
        model.addAttribute("errors", errors);
        return "referrals/desk-referral";
    }

    @PostMapping("/{id}/accept")
    String accept(Actor actor, @PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
        return step(actor, id, ReferralStep.ACCEPT, null, model, locale, redirect, () -> desk.accept(actor, id));
    }

    @PostMapping("/{id}/schedule")
    String schedule(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String date,
                    @RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String doctor,
                    @RequestParam(defaultValue = "REGULAR") String booking,
                    Model model, Locale locale, RedirectAttributes redirect) {
        Booking how = Arrays.stream(Booking.values()).filter(b -> b.name().equals(booking)).findFirst()
                .orElse(Booking.REGULAR);
        Typed typed = new Typed(date, department, doctor, how.name(), "", "");
        return step(actor, id, ReferralStep.SCHEDULE, typed, model, locale, redirect, () -> {
            Appointment appointment = Appointment.parse(date, department, doctor);
            if (how == Booking.REGULAR) {
                desk.schedule(actor, id, appointment);
                return DONE + ReferralStep.SCHEDULE;
            }
            boolean held = desk.bookGreenChannel(actor, id, appointment, how == Booking.OVER_QUOTA).held() != null;
            return DONE + (held ? "HELD" : ReferralStep.SCHEDULE.name());
        });
    }

    @PostMapping("/{id}/arrive")
    String arrive(Actor actor, @PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
        return step(actor, id, ReferralStep.ARRIVE, null, model, locale, redirect, () -> desk.arrive(actor, id));
    }

    @PostMapping("/{id}/convert")
    String convert(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String feedback,
                   Model model, Locale locale, RedirectAttributes redirect) {
        return step(actor, id, ReferralStep.CONVERT, new Typed("", "", "", "", feedback, ""), model, locale, redirect,
                () -> desk.convert(actor, id, feedback));
    }

    @PostMapping("/{id}/decline")
    String decline(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                   Model model, Locale locale, RedirectAttributes redirect) {
        return step(actor, id, ReferralStep.DECLINE, new Typed("", "", "", "", "", reason), model, locale, redirect,
                () -> desk.decline(actor, id, reason));
    }

    /**
     * Takes the step: done, back to the referral with what was done; a form with problems, the page again with each
     * beside its field and what was typed; a step its status no longer allows, back with the reason.
     */
    private String step(Actor actor, long id, ReferralStep step, Typed typed, Model model, Locale locale,
                        RedirectAttributes redirect, Runnable action) {
        return step(actor, id, step, typed, model, locale, redirect, () -> {
            action.run();
            return DONE + step.name();
        });
    }

    /** The same, the action answering the message key of what was done. */
    private String step(Actor actor, long id, ReferralStep step, Typed typed, Model model, Locale locale,
                        RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            String done = action.get();
            redirect.addFlashAttribute("flash", messages.getMessage(done, new Object[] {id}, locale));
        } catch (InvalidInputException e) {
            Referral r = desk.get(actor, id); // another hospital's id answers 404 here, showing nothing
            Typed kept = typed == null ? null : withDefaults(typed, actor, r);
            return page(actor, id, kept, texts.byField(e.problems(), " "), model, locale);
        } catch (ConflictException e) {
            if (e.kind().equals("green-channel-quota-used-up")) { // beside the booking choice, what was typed kept
                return page(actor, id, withDefaults(typed, actor, desk.get(actor, id)),
                        Map.of("booking", refusal(e, locale)), model, locale);
            }
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        } catch (RefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/referrals/desk/" + id;
    }

    /** The typed values, a day and department the desk left empty (or did not send) filled as at first. */
    private Typed withDefaults(Typed t, Actor actor, Referral r) {
        return new Typed(t.date().isBlank() ? desk.today(actor).plusDays(1).toString() : t.date(),
                t.department().isBlank() && r.department() != null ? r.department() : t.department(), t.doctor(),
                t.booking().isBlank() ? Booking.REGULAR.name() : t.booking(), t.feedback(), t.reason());
    }

    private String refusal(MeridianException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.getMessage(), locale);
    }

}
