package org.meridian.rectification.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.rectification.Plan;
import org.meridian.rectification.PlanStatus;
import org.meridian.rectification.NewAction;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.rectification.RectificationVisibility;
import org.meridian.shared.Enums;
import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.problem.Problem;
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
 * The rectification pages: the plans (a channel actor sees its own channel's), the overdue actions, the channels of
 * a published evaluation that qualify for a plan with a button to open one; a plan with its actions (add, mark
 * done), follow-up notes (append) and status.
 */
@Controller
@RequestMapping("/rectification")
@PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
class RectificationPages {

    private final RectificationWorkflow rectification;
    private final EvaluationResults evaluations;
    private final MessageSource messages;
    private final ProblemTexts texts;

    RectificationPages(RectificationWorkflow rectification, EvaluationResults evaluations, MessageSource messages,
                       ProblemTexts texts) {
        this.rectification = rectification;
        this.evaluations = evaluations;
        this.messages = messages;
        this.texts = texts;
    }

    /** What the add-action form holds. */
    record ActionForm(String description, String owner, String dueDate) {
    }

    private static String nav(Actor actor) {
        return EvaluationVisibility.seesAll(actor) ? "rectification" : "rectification-channel";
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String status,
                @RequestParam(required = false) Long evaluation, @RequestParam(defaultValue = "0") int page,
                Model model, Locale locale) {
        PlanStatus s = status == null ? null : Arrays.stream(PlanStatus.values())
                .filter(x -> x.name().equals(status)).findFirst().orElse(null);
        Paged<Plan> found = rectification.search(actor, s, Math.max(page, 0), Paged.DEFAULT_SIZE);
        model.addAttribute("activeNav", nav(actor));
        model.addAttribute("plans", found);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("overdue", rectification.overdue(actor, 50));
        model.addAttribute("isOffice", RectificationVisibility.office(actor));
        model.addAttribute("failingScore", rectification.failingScore().toPlainString());
        if (RectificationVisibility.office(actor)) {
            List<Evaluation> published = evaluations.search(actor, null, null, 0, 200).items().stream()
                    .filter(Evaluation::published).toList();
            model.addAttribute("published", published);
            Long chosen = evaluation != null ? evaluation : published.isEmpty() ? null : published.get(0).id();
            model.addAttribute("evaluation", chosen);
            model.addAttribute("candidates", chosen == null ? List.of() : rectification.candidates(actor, chosen));
            Evaluation e = chosen == null ? null : evaluations.get(actor, chosen);
            model.addAttribute("chosen", e);
            model.addAttribute("names", chosen == null ? Map.of() : indicatorNames(actor, chosen, locale));
        }
        return "rectification/list";
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String open(Actor actor, @RequestParam long evaluationId,
                @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String title,
                Locale locale, RedirectAttributes redirect) {
        try {
            Plan p = rectification.open(actor, evaluationId, channel, title);
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.opened", null, locale));
            return "redirect:/rectification/" + p.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", text(e, locale));
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/rectification?evaluation=" + evaluationId;
    }

    @GetMapping("/{id}")
    String plan(Actor actor, @PathVariable long id, Model model, Locale locale) {
        return planPage(actor, id, new ActionForm("", "", ""), Map.of(), model, locale);
    }

    private String planPage(Actor actor, long id, ActionForm form, Map<String, String> errors, Model model,
                            Locale locale) {
        Plan p = rectification.get(actor, id);
        model.addAttribute("activeNav", nav(actor));
        model.addAttribute("plan", p);
        Map<String, String> names = indicatorNames(actor, p.evaluationId(), locale);
        model.addAttribute("failing", String.join(locale.getLanguage().equals("en") ? ", " : "，",
                p.groundsFailing().stream().map(f -> names.getOrDefault(f.indicator(), f.indicator()) + " "
                        + Figures.score(f.score())).toList()));
        model.addAttribute("actions", rectification.actions(actor, id));
        model.addAttribute("notes", rectification.notes(actor, id));
        model.addAttribute("today", rectification.today(actor));
        model.addAttribute("isOffice", RectificationVisibility.office(actor));
        model.addAttribute("next", p.status().next());
        model.addAttribute("canWork", RectificationVisibility.works(actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "rectification/plan";
    }

    /** Code → name of the evaluation's indicators in the reader's language; empty when the reader may not see it. */
    private Map<String, String> indicatorNames(Actor actor, long evaluationId, Locale locale) {
        try {
            return evaluations.indicatorNames(actor, evaluationId, locale.getLanguage().equals("en"));
        } catch (MeridianException e) {
            return Map.of();
        }
    }

    @PostMapping("/{id}/actions")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String addAction(Actor actor, @PathVariable long id, ActionForm form, Model model,
                     Locale locale, RedirectAttributes redirect) {
        List<Problem> problems = new ArrayList<>();
        LocalDate due = date(form.dueDate(), problems);
        NewAction action = new NewAction(form.description(), form.owner(), due);
        try {
            if (!problems.isEmpty()) {
                problems.addAll(action.problems());
                throw new InvalidInputException("rectification", problems);
            }
            rectification.addAction(actor, id, action);
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.action", null, locale));
            return "redirect:/rectification/" + id;
        } catch (InvalidInputException e) {
            return planPage(actor, id, form, texts.byField(e.problems()), model, locale);
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
            return "redirect:/rectification/" + id;
        }
    }

    @PostMapping("/{id}/actions/{actionId}/done")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String done(Actor actor, @PathVariable long id, @PathVariable long actionId,
                Locale locale, RedirectAttributes redirect) {
        try {
            rectification.completeAction(actor, id, actionId);
            redirect.addFlashAttribute("flash", messages.getMessage("rectification.flash.done", null, locale));
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/rectification/" + id;
    }

    @PostMapping("/{id}/notes")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String note(Actor actor, @PathVariable long id,
                @RequestParam(defaultValue = "") String body, Locale locale, RedirectAttributes redirect) {
        flash(redirect, locale, () -> {
            rectification.addNote(actor, id, body);
            return messages.getMessage("rectification.flash.note", null, locale);
        });
        return "redirect:/rectification/" + id;
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String status(Actor actor, @PathVariable long id,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String reason,
                  Locale locale, RedirectAttributes redirect) {
        flash(redirect, locale, () -> {
            Plan p = rectification.changeStatus(actor, id, planStatus(status), reason);
            return messages.getMessage("rectification.flash.status",
                    new Object[] {messages.getMessage("rectification.status." + p.status().name(), null, locale)},
                    locale);
        });
        return "redirect:/rectification/" + id;
    }

    /** A due date as {@code yyyy-MM-dd}: blank is none (the facade says it is required), anything else must be one. */
    static LocalDate date(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("dueDate", "rectification.error.date", text));
            return null;
        }
    }

    /** The status a plan is to move to, by its name. */
    static PlanStatus planStatus(String text) {
        return Enums.required(PlanStatus.class, text, () -> new InvalidInputException("rectification",
                Problem.of("status", "rectification.error.status", String.valueOf(text))));
    }

    private String text(InvalidInputException e, Locale locale) {
        return String.join(" ", e.problems().stream().map(p -> messages.getMessage("rectification.field." + p.path(),
                null, p.path(), locale) + ": " + texts.text(p))
                .toList());
    }

    private String refusal(MeridianException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.getMessage(), locale);
    }

    /** Runs a step of a plan and flashes its outcome: its success text, or the problem or refusal in words. */
    private void flash(RedirectAttributes redirect, Locale locale, Supplier<String> step) {
        try {
            redirect.addFlashAttribute("flash", step.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", text(e, locale));
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
    }
}
