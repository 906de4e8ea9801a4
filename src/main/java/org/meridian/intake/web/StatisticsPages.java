package org.meridian.intake.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.files.FileLimits;
import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.StatisticMeasure;
import org.meridian.intake.Restatement;
import org.meridian.intake.StatisticValue;
import org.meridian.intake.StatisticsFile;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.StatisticsReport;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.meridian.unit.Unit;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.meridian.unit.UnitVisibility;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The statistics pages: a unit's values of the last twelve months and its restatements (on the unit's page, or a
 * page of their own), and the upload of a statistics CSV with its report, the template and the hospital's rule on
 * restatement reasons. Reading from ANALYST, uploading and settings from CHANNEL_MANAGER.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class StatisticsPages {

    static final int MONTHS = 12;
    static final int RESTATEMENTS_PER_PAGE = 20;

    private final StatisticsIntake intake;
    private final UnitRegistry units;
    private final MeasureCatalogue measures;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final FileLimits limits;

    StatisticsPages(StatisticsIntake intake, UnitRegistry units, MeasureCatalogue measures,
                    HospitalCalendar calendar, MessageSource messages, ProblemTexts texts, FileLimits limits) {
        this.limits = limits;
        this.intake = intake;
        this.units = units;
        this.measures = measures;
        this.calendar = calendar;
        this.messages = messages;
        this.texts = texts;
    }

    /** One measure's row of the month grid: its name and unit, and the value of each month (null when missing). */
    record MeasureRow(String code, String name, String unit, List<String> values) {
    }

    /** A restatement as the page shows it. */
    record RestatementLine(String month, String measure, String oldValue, String newValue, String reason, String by,
                           OffsetDateTime at) {
    }

    /** A rejected row as the page shows it: its row number and each problem as "field: reason". */
    record RejectedLine(int index, List<String> errors) {
    }

    @GetMapping("/units/{code}/statistics")
    String unit(Actor actor, @PathVariable String code, @RequestParam(defaultValue = "0") int rpage,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Unit unit = units.get(actor, code);
        UnitRef ref = unit.ref();
        YearMonth last = YearMonth.from(calendar.today(actor.hospitalId()));
        YearMonth first = last.minusMonths(MONTHS - 1);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<String, Map<YearMonth, BigDecimal>> byMeasure = new LinkedHashMap<>();
        for (StatisticValue v : intake.ofUnit(actor, ref, first, last)) {
            byMeasure.computeIfAbsent(v.measure(), k -> new LinkedHashMap<>()).put(v.month(), v.value());
        }
        Map<String, StatisticMeasure> catalogue = measures.statistics(actor.hospitalId());
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        List<MeasureRow> rows = new ArrayList<>();
        byMeasure.forEach((measure, values) -> {
            StatisticMeasure m = catalogue.get(measure);
            String name = m == null ? measure : english && m.nameEn() != null ? m.nameEn() : m.nameZh();
            rows.add(new MeasureRow(measure, name, m == null ? "" : m.unit(),
                    months.stream().map(mo -> show(values.get(mo))).toList()));
        });
        Paged<Restatement> restatements = intake.restatements(actor, ref, Math.max(rpage, 0), RESTATEMENTS_PER_PAGE);
        model.addAttribute("unit", unit);
        model.addAttribute("months", months.stream().map(YearMonth::toString).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("restatements", restatements.map(r -> line(r, catalogue, english)));
        model.addAttribute("activeNav", "units");
        return htmx != null ? "statistics/unit :: panel" : "statistics/unit";
    }

    @GetMapping("/units/statistics")
    String upload(Actor actor, Model model) {
        return uploadPage(actor, model);
    }

    @PostMapping("/units/statistics")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String upload(Actor actor, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", message("intake.statistic.error.fileRequired"));
            return uploadPage(actor, model);
        }
        try {
            StatisticsFile.Read read = StatisticsFile.read(file, file.getOriginalFilename(), limits);
            StatisticsReport report = intake.record(actor, read.rows(), 1);
            model.addAttribute("fileEncoding", read.encoding() == null ? null : read.encoding().label());
            model.addAttribute("report", report);
            model.addAttribute("rejectedLines", report.rejected().stream().map(r -> new RejectedLine(r.index(),
                    r.errors().stream().map(this::describe).toList())).toList());
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", String.join(" ", e.problems().stream().map(this::describe).toList()));
        }
        return uploadPage(actor, model);
    }

    @PostMapping("/units/statistics/settings")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String settings(Actor actor, @RequestParam(defaultValue = "false") boolean restatementNeedsReason) {
        intake.requireRestatementReason(actor, restatementNeedsReason);
        return "redirect:/units/statistics";
    }

    private String uploadPage(Actor actor, Model model) {
        model.addAttribute("activeNav", "units");
        model.addAttribute("canEdit", UnitVisibility.changesUnits(actor));
        model.addAttribute("needsReason", intake.restatementNeedsReason(actor));
        model.addAttribute("measures", measures.statistics(actor.hospitalId()).values());
        return "statistics/upload";
    }

    private RestatementLine line(Restatement r, Map<String, StatisticMeasure> catalogue, boolean english) {
        StatisticMeasure m = catalogue.get(r.measure());
        String name = m == null ? r.measure() : english && m.nameEn() != null ? m.nameEn() : m.nameZh();
        return new RestatementLine(r.month().toString(), name, show(r.oldValue()), show(r.newValue()),
                r.reason() == null ? "—" : r.reason(), r.restatedBy(), r.restatedAt().atOffset(ZoneOffset.UTC));
    }

    private String describe(Problem p) {
        String field = messages.getMessage("intake.statistic.field." + p.path(), null, p.path(),
                LocaleContextHolder.getLocale());
        return messages.getMessage("intake.statistic.fieldReason", new Object[] {field, texts.text(p)},
                LocaleContextHolder.getLocale());
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A value as people read it: grouped thousands, at most 2 decimals (half-up); null as —. */
    static String show(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        BigDecimal r = v.setScale(Math.min(Math.max(v.stripTrailingZeros().scale(), 0), 2), RoundingMode.HALF_UP);
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.##");
        return f.format(r);
    }
}
