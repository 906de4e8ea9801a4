package org.meridian.region.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.region.RegionVisibility;
import org.meridian.region.RepeatAlert;
import org.meridian.region.RepeatAlertWatch;
import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The region's repeat-rate alerts (重复检查预警): a list for the regulator and the region administrator, the latest
 * month first, 20 a page, filtered by month, kind of subject and name or code, as cards on a phone; with the threshold
 * in force, which only the region administrator changes (a regulator reads).
 */
@Controller
@RequestMapping("/region/repeat-alerts")
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN')")
class RepeatAlertPages {

    static final int PAGE_SIZE = 20;

    /** An alert as the page shows it: the rate in per cent, rounded once from the counts. */
    record Row(RepeatAlert alert, String ratePercent) {
    }

    private final RepeatAlertWatch watch;
    private final MessageSource messages;
    private final ProblemTexts texts;

    RepeatAlertPages(RepeatAlertWatch watch, MessageSource messages, ProblemTexts texts) {
        this.watch = watch;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String month,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        DrillDownPages.common(actor, model, "repeatAlerts");
        YearMonth m = null;
        String monthText = month == null ? "" : month.strip();
        if (!monthText.isEmpty()) {
            try {
                m = YearMonth.parse(monthText);
            } catch (DateTimeParseException e) {
                model.addAttribute("filterErrors",
                        List.of(messages.getMessage("region.alerts.monthError", new Object[] {monthText}, locale)));
                monthText = "";
            }
        }
        RepeatAlert.Kind k = null;
        for (RepeatAlert.Kind each : RepeatAlert.Kind.values()) {
            if (each.name().equals(kind == null ? null : kind.strip())) {
                k = each;
            }
        }
        Paged<RepeatAlert> result = watch.page(actor, m, k, q, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream()
                .map(a -> new Row(a, Figures.percent(a.rate()))).toList());
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("month", monthText);
        filter.put("kind", k == null ? "" : k.name());
        filter.put("q", q == null ? "" : q.strip());
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", List.of(RepeatAlert.Kind.values()).stream().map(Enum::name).toList());
        if (!model.containsAttribute("threshold")) {
            model.addAttribute("threshold", "");
        }
        common(actor, model);
        return htmx != null ? "region/repeat-alerts :: results" : "region/repeat-alerts";
    }

    /** The region administrator sets the threshold; a bad one is said beside the field and nothing is saved. */
    @PostMapping("/threshold")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    String threshold(Actor actor, @RequestParam(required = false) String threshold, Model model, Locale locale,
                     RedirectAttributes redirect) {
        try {
            RepeatAlertWatch.Threshold t = watch.setThreshold(actor, threshold);
            redirect.addFlashAttribute("saved", t.percent().toPlainString());
            return "redirect:/region/repeat-alerts";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", texts.byField(e.problems()));
            model.addAttribute("threshold", threshold == null ? "" : threshold);
            return list(actor, null, null, null, 0, null, model, locale);
        }
    }

    private void common(Actor actor, Model model) {
        model.addAttribute("current", watch.threshold(actor));
        model.addAttribute("administers", RegionVisibility.administers(actor));
        model.addAttribute("minRecords", watch.minRecords());
    }
}
