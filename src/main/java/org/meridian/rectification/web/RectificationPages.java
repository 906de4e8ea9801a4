package org.meridian.rectification.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.rectification.Plan;
import org.meridian.rectification.PlanStatus;
import org.meridian.rectification.RectificationRefusedException;
import org.meridian.rectification.RectificationService;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rectification pages: the plans (a channel user sees its own channel's), the overdue actions, the channels of
 * a published evaluation that qualify for a plan with a button to open one; a plan with its actions (add, mark
 * done), follow-up notes (append) and status.
 */
@Controller
@RequestMapping("/rectification")
@PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
class RectificationPages {

    private final RectificationService rectification;
    private final EvaluationResults evaluations;
    private final MessageSource messages;

    RectificationPages(RectificationService rectification, EvaluationResults evaluations, MessageSource messages) {
        this.rectification = rectification;
        this.evaluations = evaluations;
        this.messages = messages;
    }

    /** What the add-action form holds. */
    record ActionForm(String description, String owner, String dueDate) {
    }

    private static String nav(MeridianUser user) {
        return EvaluationVisibility.seesAll(user.actor()) ? "rectification" : "rectification-channel";
    }

    @GetMapping
    String list(@AuthenticationPrincipal MeridianUser user, @RequestParam(required = false) String status,
                @RequestParam(required = false) Long evaluation, @RequestParam(defaultValue = "0") int page,
                Model model, Locale locale) {
        PlanStatus s = status == null ? null : Arrays.stream(PlanStatus.values())
                .filter(x -> x.name().equals(status)).findFirst().orElse(null);
        Paged<Plan> found = rectification.search(user, s, Math.max(page, 0), Paged.DEFAULT_SIZE);
        model.addAttribute("activeNav", nav(user));
        model.addAttribute("plans", found);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("overdue", rectification.overdue(user, 50));
        model.addAttribute("isOffice", RectificationService.office(user));
        model.addAttribute("failingScore", rectification.failingScore().toPlainString());
        if (RectificationService.office(user)) {
            List<Evaluation> published = evaluations.search(user.actor(), null, null, 0, 200).items().stream()
                    .filter(Evaluation::published).toList();
            model.addAttribute("published", published);
            Long chosen = evaluation != null ? evaluation : published.isEmpty() ? null : published.get(0).id();
            model.addAttribute("evaluation", chosen);
            model.addAttribute("candidates", chosen == null ? List.of() : rectification.candidates(user, chosen));
            Evaluation e = chosen == null ? null : evaluations.get(user.actor(), chosen);
            model.addAttribute("chosen", e);
        }
        return "rectification/list";
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String open(@AuthenticationPrincipal MeridianUser user, @RequestParam long evaluationId,
                @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String title,
                Locale locale, RedirectAttributes redirect) {
        try {
            Plan p = rectification.open(user, evaluationId, channel, title);
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.opened", null, locale));
            return "redirect:/rectification/" + p.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", text(e, locale));
        } catch (RectificationRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/rectification?evaluation=" + evaluationId;
    }

    @GetMapping("/{id}")
    String plan(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, Model model) {
        return planPage(user, id, new ActionForm("", "", ""), Map.of(), model);
    }

    private String planPage(MeridianUser user, long id, ActionForm form, Map<String, String> errors, Model model) {
        Plan p = rectification.get(user, id);
        model.addAttribute("activeNav", nav(user));
        model.addAttribute("plan", p);
        model.addAttribute("actions", rectification.actions(user, id));
        model.addAttribute("notes", rectification.notes(user, id));
        model.addAttribute("today", rectification.today(user.hospitalId()));
        model.addAttribute("isOffice", RectificationService.office(user));
        model.addAttribute("next", p.status().next());
        model.addAttribute("canWork", RectificationService.office(user)
                || user.hasRole(org.meridian.shared.security.Role.CHANNEL_USER));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "rectification/plan";
    }

    @PostMapping("/{id}/actions")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String addAction(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, ActionForm form, Model model,
                     Locale locale, RedirectAttributes redirect) {
        try {
            rectification.addAction(user, id, form.description(), form.owner(), form.dueDate());
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.action", null, locale));
            return "redirect:/rectification/" + id;
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (InputProblem p : e.problems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.args().toArray(), locale));
            }
            return planPage(user, id, form, errors, model);
        } catch (RectificationRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
            return "redirect:/rectification/" + id;
        }
    }

    @PostMapping("/{id}/actions/{actionId}/done")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String done(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, @PathVariable long actionId,
                Locale locale, RedirectAttributes redirect) {
        try {
            rectification.completeAction(user, id, actionId);
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.done", null, locale));
        } catch (RectificationRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/rectification/" + id;
    }

    @PostMapping("/{id}/notes")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String note(@AuthenticationPrincipal MeridianUser user, @PathVariable long id,
                @RequestParam(defaultValue = "") String body, Locale locale, RedirectAttributes redirect) {
        try {
            rectification.addNote(user, id, body);
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.note", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", text(e, locale));
        } catch (RectificationRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/rectification/" + id;
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String status(@AuthenticationPrincipal MeridianUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String reason,
                  Locale locale, RedirectAttributes redirect) {
        try {
            Plan p = rectification.changeStatus(user, id, status, reason);
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.status",
                    new Object[] {messages.getMessage("rectification.status." + p.status().name(), null, locale)},
                    locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", text(e, locale));
        } catch (RectificationRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/rectification/" + id;
    }

    private String text(InvalidInputException e, Locale locale) {
        return String.join(" ", e.problems().stream().map(p -> messages.getMessage("rectification.field." + p.field(),
                null, p.field(), locale) + ": " + messages.getMessage(p.messageKey(), p.args().toArray(), locale))
                .toList());
    }

    private String refusal(RectificationRefusedException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.getBody().getDetail(), locale);
    }
}
