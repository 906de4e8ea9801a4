package org.meridian.insight.web;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.insight.change.ChangeBasis;
import org.meridian.insight.change.ChangeExplainer;
import org.meridian.insight.change.ChangeMeasure;
import org.meridian.insight.change.ChangeMonth;
import org.meridian.insight.change.ChangeNotFoundException;
import org.meridian.insight.change.Comparison;
import org.meridian.insight.change.Contribution;
import org.meridian.insight.change.Explanation;
import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The explained changes of a month (变动解读): a month picker (whole months only), per measure the sentences against
 * the month before and the same month last year, and for the hospital the channels' contributions to one measure and
 * basis, {@value #PAGE_SIZE} a page, largest first; with {@code channel=CODE} that channel's total split into its
 * indicators. A channel's own user sees its channel's sentences and its total's indicators only.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
class ChangePages {

    static final int PAGE_SIZE = 10;

    private final ChangeExplainer explainer;
    private final MessageSource messages;
    private final ProblemTexts texts;

    ChangePages(ChangeExplainer explainer, MessageSource messages, ProblemTexts texts) {
        this.explainer = explainer;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping("/insight/changes")
    String page(Actor actor, @RequestParam(required = false) String month,
                @RequestParam(required = false) String measure, @RequestParam(required = false) String basis,
                @RequestParam(required = false) String channel, @RequestParam(defaultValue = "0") int page,
                Model model, Locale locale) {
        YearMonth latest = explainer.latestMonth(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth chosen = texts.readOr(() -> ChangeMonth.parse(month, latest), () -> latest, errors);
        ChangeMeasure m = ChangeMeasure.REFERRALS;
        ChangeBasis b = ChangeBasis.MONTH_BEFORE;
        try {
            m = measure == null || measure.isBlank() ? m : ChangeMeasure.valueOf(measure.strip());
        } catch (IllegalArgumentException e) {
            errors.put("measure", messages.getMessage("insight.change.problem.measure", new Object[] {measure}, locale));
        }
        try {
            b = basis == null || basis.isBlank() ? b : ChangeBasis.valueOf(basis.strip());
        } catch (IllegalArgumentException e) {
            errors.put("basis", messages.getMessage("insight.change.problem.basis", new Object[] {basis}, locale));
        }
        Explanation explanation = explainer.explain(actor, chosen);
        Comparison selected = explanation.get(m, b);
        List<Contribution> all = selected.contributors();
        int p = Math.max(0, Math.min(page, Math.max(0, (all.size() - 1) / PAGE_SIZE)));
        Paged<Contribution> contributors = new Paged<>(
                all.subList(Math.min(all.size(), p * PAGE_SIZE), Math.min(all.size(), (p + 1) * PAGE_SIZE)),
                p, PAGE_SIZE, all.size());
        model.addAttribute("activeNav", "changes");
        model.addAttribute("errors", errors);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("latest", latest.toString());
        model.addAttribute("explanation", explanation);
        model.addAttribute("measures", ChangeMeasure.values());
        model.addAttribute("averageTotal", ChangeMeasure.AVERAGE_TOTAL);
        model.addAttribute("bases", ChangeBasis.values());
        model.addAttribute("measure", m.name());
        model.addAttribute("basis", b.name());
        model.addAttribute("selected", selected);
        model.addAttribute("contributors", contributors);
        String totalOf = explanation.ofChannel() ? explanation.channelCode()
                : channel == null || channel.isBlank() ? null : channel.strip();
        model.addAttribute("channel", totalOf == null ? "" : totalOf);
        if (totalOf != null) {
            try {
                model.addAttribute("total", explainer.explainTotal(actor, chosen, totalOf));
            } catch (ChangeNotFoundException e) {
                errors.put("channel", messages.getMessage(e.messageKey(), e.args().toArray(), locale));
            }
        }
        return "insight/changes";
    }
}
