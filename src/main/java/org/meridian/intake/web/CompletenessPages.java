package org.meridian.intake.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.StatisticMeasure;
import org.meridian.intake.Completeness;
import org.meridian.intake.CompletenessQuery;
import org.meridian.intake.StatisticsIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly completeness page of statistics (统计数据完整性): per department or institution type, which expected
 * measures each evaluable unit has not reported for each month of a window; filterable by type, months, measure,
 * text and "only units with gaps", paged by 20 units, one card per unit on a phone. ANALYST and above.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class CompletenessPages {

    private final StatisticsIntake intake;
    private final MeasureCatalogue measures;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final ProblemTexts texts;

    CompletenessPages(StatisticsIntake intake, MeasureCatalogue measures, HospitalCalendar calendar,
                      MessageSource messages, ProblemTexts texts) {
        this.intake = intake;
        this.measures = measures;
        this.calendar = calendar;
        this.messages = messages;
        this.texts = texts;
    }

    /** The filter as typed (kept when it has problems). */
    record Form(String type, String from, String to, String measure, String q, boolean gaps) {
    }

    record MeasureOption(String code, String name) {
    }

    /** One month of a unit: complete, or the names of the measures missing. */
    record Cell(boolean complete, String text) {
    }

    record Row(String code, String name, String summary, List<Cell> cells) {
    }

    @GetMapping("/units/statistics/completeness")
    String completeness(Actor actor, @RequestParam(required = false) String type,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String measure, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "false") boolean gaps, @RequestParam(defaultValue = "0") int page,
                        @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                        Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Map<String, StatisticMeasure> catalogue = measures.statistics(actor.hospitalId());
        List<MeasureOption> options = catalogue.values().stream()
                .map(m -> new MeasureOption(m.code(), name(m, english))).toList();
        model.addAttribute("catalogue", options);
        model.addAttribute("departmentTypes", UnitType.of(UnitKind.DEPARTMENT));
        model.addAttribute("institutionTypes", UnitType.of(UnitKind.INSTITUTION));
        model.addAttribute("activeNav", "units");
        YearMonth current = YearMonth.from(calendar.today(actor.hospitalId()));
        try {
            CompletenessQuery query = CompletenessQuery.parse(type, from, to, measure, q, gaps, page, current);
            Completeness c = intake.completeness(actor, query);
            model.addAttribute("form", new Form(query.type().name(), query.from().toString(), query.to().toString(),
                    query.measure(), query.text(), query.onlyGaps()));
            show(c, catalogue, english, locale, model);
        } catch (InvalidInputException e) {
            model.addAttribute("form", new Form(type, from, to, measure, q, gaps));
            model.addAttribute("filterErrors", texts.texts(e.problems()));
        }
        return htmx != null ? "statistics/completeness :: results" : "statistics/completeness";
    }

    private void show(Completeness c, Map<String, StatisticMeasure> catalogue, boolean english, Locale locale,
                      Model model) {
        String separator = english ? ", " : "、";
        List<Row> rows = new ArrayList<>();
        for (Completeness.UnitRow r : c.units().items()) {
            List<Cell> cells = r.months().stream().map(g -> g.complete()
                    ? new Cell(true, messages.getMessage("intake.completeness.complete", null, locale))
                    : new Cell(false, messages.getMessage("intake.completeness.missing", new Object[] {
                            String.join(separator, g.missing().stream().map(code -> name(catalogue, code, english))
                                    .toList())}, locale))).toList();
            String summary = r.missing() == 0 ? messages.getMessage("intake.completeness.complete", null, locale)
                    : messages.getMessage("intake.completeness.missingCount", new Object[] {r.missing()}, locale);
            rows.add(new Row(r.unit().code(), r.unit().name(), summary, cells));
        }
        model.addAttribute("result", c);
        model.addAttribute("rows", rows);
        model.addAttribute("months", c.months().stream().map(YearMonth::toString).toList());
        model.addAttribute("typeLabel", messages.getMessage("unitType." + c.type().name(), null, locale));
        model.addAttribute("expectedNames", String.join(separator, c.expected().stream()
                .map(code -> name(catalogue, code, english)).toList()));
        BigDecimal share = c.share();
        model.addAttribute("share", share == null ? null
                : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%");
        model.addAttribute("reported", String.format(locale, "%,d", c.reported()));
        model.addAttribute("cells", String.format(locale, "%,d", c.cells()));
    }

    private static String name(Map<String, StatisticMeasure> catalogue, String code, boolean english) {
        StatisticMeasure m = catalogue.get(code);
        return m == null ? code : name(m, english);
    }

    private static String name(StatisticMeasure m, boolean english) {
        return english && m.nameEn() != null ? m.nameEn() : m.nameZh();
    }
}
