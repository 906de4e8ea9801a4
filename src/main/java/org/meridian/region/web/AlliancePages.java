package org.meridian.region.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.meridian.region.AllianceFigures;
import org.meridian.region.AllianceReporting;
import org.meridian.region.RegionPeriods;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alliances (医联体) and an alliance's report of a period, with its XLSX: for the region's regulator and
 * administrator, and for the staff of the alliance's hospitals (an alliance the caller may not read is not found).
 */
@Controller
@RequestMapping("/region/alliances")
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN', 'ANALYST')")
class AlliancePages {

    private final AllianceReporting reporting;
    private final RegionPeriods periods;
    private final MessageSource messages;

    AlliancePages(AllianceReporting reporting, RegionPeriods periods, MessageSource messages) {
        this.reporting = reporting;
        this.periods = periods;
        this.messages = messages;
    }

    @GetMapping
    String alliances(Actor actor, @RequestParam(required = false) String period, Model model) {
        common(actor, model);
        Period p = periods.of(actor, period, model);
        model.addAttribute("period", p.toString());
        model.addAttribute("alliances", reporting.visible(actor));
        return "region/alliances";
    }

    @GetMapping("/{code}")
    String alliance(Actor actor, @PathVariable String code, @RequestParam(required = false) String period,
                    Model model, Locale locale) {
        common(actor, model);
        Period p = periods.of(actor, period, model);
        AllianceFigures report = reporting.report(actor, code, p);
        model.addAttribute("period", p.toString());
        model.addAttribute("report", report);
        model.addAttribute("ratePercent", DrillDownPages.percent(report.repeats()));
        Map<String, String> memberRates = new HashMap<>();
        report.members().forEach(m -> memberRates.put(m.institution().reference(),
                DrillDownPages.percent(m.repeats())));
        model.addAttribute("memberRates", memberRates);
        model.addAttribute("minRecords", reporting.minRecords());
        model.addAttribute("primaryCareGap", report.primaryCare().share() == null
                ? primaryCareGap(report, reporting.minRecords(), (key, args) -> messages.getMessage(key, args, locale))
                : null);
        return "region/alliance";
    }

    @GetMapping("/{code}/report.xlsx")
    void export(Actor actor, @PathVariable String code, @RequestParam(required = false) String period,
                HttpServletResponse response, Locale locale) throws IOException {
        Period p = periods.orReportingYear(actor, period);
        AllianceFigures report = reporting.report(actor, code, p);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"alliance-"
                + report.alliance().code() + "-" + p + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            RegionWorkbook.alliance(out, report, reporting.minRecords(),
                    (key, args) -> messages.getMessage(key, args, locale));
        }
    }

    /**
     * Why the alliance's primary-care visit share is not given, in words: which members reported no visits in the
     * period, or that a member's visits are hidden, or that the members' visits add up to 0.
     */
    static String primaryCareGap(AllianceFigures report, int minRecords,
                                 java.util.function.BiFunction<String, Object[], String> text) {
        AllianceFigures.PrimaryCare pc = report.primaryCare();
        if (!pc.unreported().isEmpty()) {
            String names = report.members().stream()
                    .filter(m -> pc.unreported().contains(m.institution().reference()))
                    .map(m -> m.institution().name()).collect(java.util.stream.Collectors.joining("、"));
            return text.apply("region.alliance.visitsUnreported", new Object[] {names});
        }
        if (pc.hidden()) {
            return text.apply("region.alliance.visitsHidden", new Object[] {minRecords});
        }
        return text.apply("region.alliance.visitsZero", new Object[0]);
    }

    private static void common(Actor actor, Model model) {
        boolean region = actor.has(Role.REGULATOR) || actor.has(Role.REGION_ADMIN);
        model.addAttribute("activeNav", actor.has(Role.REGULATOR) ? "home"
                : actor.has(Role.REGION_ADMIN) ? RegionNavigation.NAV_ID : "exams");
        model.addAttribute("regulatorTab", "alliances");
        model.addAttribute("regulator", actor.roles().contains(Role.REGULATOR));
        model.addAttribute("regionReader", region);
    }
}
