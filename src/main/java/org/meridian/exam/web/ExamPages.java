package org.meridian.exam.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.exam.AllianceRegistry;
import org.meridian.exam.ExamCatalogue;
import org.meridian.exam.ExamVisibility;
import org.meridian.exam.Outcome;
import org.meridian.exam.RepeatFigure;
import org.meridian.exam.RepeatFigures;
import org.meridian.exam.RepeatRecord;
import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.Period;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The repeat-examination pages (检查检验结果互认): the figures per institution, item and month with the totals of the
 * period (a hospital's staff: their own institutions; a regulator: the region), the list of a hospital's repeats
 * (never for a regulator), and the region's catalogue and exception reasons. Filters by period, institution, item
 * and alliance (or outcome); tables become cards on a phone.
 */
@Controller
@RequestMapping("/exams")
@PreAuthorize("hasAnyRole('ANALYST', 'REGULATOR')")
class ExamPages {

    static final int PAGE_SIZE = 25;

    /**
     * A figure row as the page shows it: the month as words and the rate in per cent with one decimal (null when
     * the row is suppressed).
     */
    record Row(RepeatFigure figure, String month, String ratePercent) {
    }

    /** The period's totals over every row of the filters, or suppressed (all null but {@code suppressed}). */
    record Totals(Long records, Long repeats, Long same, String ratePercent, BigDecimal avoidableCost,
                  boolean suppressed) {
    }

    private final RepeatFigures figures;
    private final ExamCatalogue catalogue;
    private final AllianceRegistry alliances;
    private final HospitalCalendar calendar;
    private final ProblemTexts texts;

    ExamPages(RepeatFigures figures, ExamCatalogue catalogue, AllianceRegistry alliances, HospitalCalendar calendar,
              ProblemTexts texts) {
        this.figures = figures;
        this.catalogue = catalogue;
        this.alliances = alliances;
        this.calendar = calendar;
        this.texts = texts;
    }

    @GetMapping
    String figures(Actor actor, @RequestParam(required = false) String period,
                   @RequestParam(required = false) String institution, @RequestParam(required = false) String item,
                   @RequestParam(required = false) String alliance, @RequestParam(defaultValue = "0") int page,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        common(actor, model);
        Period p = period(actor, period, model);
        RepeatFigures.FigurePage figurePage;
        try {
            figurePage = figures.page(actor, new RepeatFigures.Query(p, institution, item, alliance, null),
                    Math.max(page, 0), PAGE_SIZE);
        } catch (InvalidInputException e) {
            model.addAttribute("filterErrors", texts.texts(e.problems()));
            institution = null;
            item = null;
            alliance = null;
            figurePage = figures.page(actor, new RepeatFigures.Query(p, null, null, null, null), Math.max(page, 0),
                    PAGE_SIZE);
        }
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter month = DateTimeFormatter.ofPattern(locale.getLanguage().equals("zh") ? "yyyy年M月"
                : "MMM yyyy", locale);
        // the totals are the period's, added up by the database; the table is one page of its rows (a regulator's
        // year is 500 hospitals × items × months: tens of thousands of rows, which no one reads on one page)
        RepeatFigures.Totals t = figurePage.totals();
        model.addAttribute("result", figurePage.rows().map(f -> new Row(f,
                f.month() == null ? "" : f.month().format(month),
                f.suppressed() ? null : Figures.percent(f.repeats(), f.records()))));
        model.addAttribute("totals", new Totals(t.records(), t.repeats(), t.sameInstitutionRepeats(),
                t.suppressed() ? null : Figures.percent(t.repeats(), t.records()), t.avoidableCost(), t.suppressed()));
        model.addAttribute("minPatients", figures.minPatients());
        model.addAttribute("filter", filter(p, institution, item, alliance, null));
        Map<String, String> allianceNames = new LinkedHashMap<>();
        alliances.all(actor).forEach(a -> allianceNames.put(a.code(), a.name()));
        model.addAttribute("alliances", List.copyOf(allianceNames.keySet()));
        model.addAttribute("allianceNames", allianceNames);
        model.addAttribute("reasons", catalogue.reasons(actor));
        return htmx != null ? "exams/figures :: results" : "exams/figures";
    }

    @GetMapping("/repeats")
    @PreAuthorize("hasRole('ANALYST')")
    String repeats(Actor actor, @RequestParam(required = false) String period,
                   @RequestParam(required = false) String institution, @RequestParam(required = false) String item,
                   @RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        common(actor, model);
        Period p = period(actor, period, model);
        Outcome o = outcome == null || outcome.isBlank() ? null : switch (outcome.strip()) {
            case "REPEAT" -> Outcome.REPEAT;
            case "SAME_INSTITUTION" -> Outcome.SAME_INSTITUTION;
            default -> null;
        };
        Paged<RepeatRecord> result;
        try {
            result = figures.repeats(actor, new RepeatFigures.Query(p, institution, item, null, o), Math.max(page, 0),
                    PAGE_SIZE);
        } catch (InvalidInputException e) {
            model.addAttribute("filterErrors", texts.texts(e.problems()));
            institution = null;
            item = null;
            result = figures.repeats(actor, new RepeatFigures.Query(p, null, null, null, o), 0, PAGE_SIZE);
        }
        model.addAttribute("result", result);
        model.addAttribute("filter", filter(p, institution, item, null, o));
        model.addAttribute("outcomes", List.of(Outcome.REPEAT.name(), Outcome.SAME_INSTITUTION.name()));
        return htmx != null ? "exams/repeats :: results" : "exams/repeats";
    }

    private void common(Actor actor, Model model) {
        model.addAttribute("activeNav", "exams");
        model.addAttribute("seesRecords", ExamVisibility.seesRecords(actor));
        model.addAttribute("seesRegion", ExamVisibility.seesRegion(actor));
        model.addAttribute("items", catalogue.items(actor));
        model.addAttribute("institutions", figures.institutions(actor));
    }

    /** The period asked for, or this year in the hospital's calendar when none (or an unreadable one) is given. */
    private Period period(Actor actor, String text, Model model) {
        if (text != null && !text.isBlank()) {
            java.util.Optional<Period> p = Period.parse(text.strip());
            if (p.isPresent()) {
                return p.get();
            }
            model.addAttribute("filterErrors", texts.texts(List.of(Problem.of("period", "exam.error.period", text))));
        }
        return Period.year(calendar.today(actor.hospitalId()).getYear());
    }

    private static Map<String, String> filter(Period p, String institution, String item, String alliance, Outcome o) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("period", p.toString());
        f.put("institution", institution == null ? "" : institution.strip());
        f.put("item", item == null ? "" : item.strip());
        f.put("alliance", alliance == null ? "" : alliance.strip());
        f.put("outcome", o == null ? "" : o.name());
        return f;
    }

}
