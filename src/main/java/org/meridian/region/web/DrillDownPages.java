package org.meridian.region.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.meridian.region.DataCompleteness;
import org.meridian.region.DistrictFigures;
import org.meridian.region.HospitalFigures;
import org.meridian.region.InstitutionFigures;
import org.meridian.region.InstitutionRanking;
import org.meridian.region.RegionAdministration;
import org.meridian.region.RegionOverview;
import org.meridian.region.RegionPeriods;
import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.NamedValues;
import org.meridian.shared.Period;
import org.meridian.shared.Rate;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regulator's drill-down (区域 → 区县 → 机构) and the region's data completeness (上报完整性): the districts with
 * their hospitals' figures added up, one district's hospitals (the workbench's rows), one hospital with its figures
 * per catalogue item and its last twelve months, and the grid of who has reported what month by month (cards on a
 * phone). Read only, aggregates only; a regulator or the region administrator.
 */
@Controller
@RequestMapping("/region")
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN')")
class DrillDownPages {

    static final int PAGE_SIZE = 20;

    /** A district as the page shows it: the repeat rate in per cent with one decimal (null when suppressed). */
    record DistrictRow(DistrictFigures figures, String ratePercent) {
    }

    private final RegionOverview overview;
    private final DataCompleteness completeness;
    private final RegionAdministration administration;
    private final RegionPeriods periods;
    private final MessageSource messages;
    private final InstitutionRanking ranking;
    private final JsonMapper json;

    DrillDownPages(RegionOverview overview, DataCompleteness completeness, RegionAdministration administration,
                   RegionPeriods periods, MessageSource messages, InstitutionRanking ranking, JsonMapper json) {
        this.ranking = ranking;
        this.json = json;
        this.overview = overview;
        this.completeness = completeness;
        this.administration = administration;
        this.periods = periods;
        this.messages = messages;
    }

    @GetMapping("/districts")
    String districts(Actor actor, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String district, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        common(actor, model, "districts");
        Period p = periods.of(actor, period, model);
        model.addAttribute("period", p.toString());
        model.addAttribute("minRecords", overview.minRecords());
        String d = RegionPages.blank(district);
        if (d == null) {
            model.addAttribute("districtRows", overview.districts(actor, p).stream()
                    .map(f -> new DistrictRow(f, percent(f.repeats()))).toList());
            return "region/districts";
        }
        var result = overview.hospitals(actor, new RegionOverview.Query(p, null, null, d), Math.max(page, 0),
                PAGE_SIZE);
        model.addAttribute("district", d);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream()
                .map(f -> new WorkbenchPages.Row(f, percent(f.repeats()))).toList());
        return "region/district";
    }

    /**
     * The districts as a workbook (a row per district), or with {@code district} that district's hospitals as the
     * workbench's workbook lists them.
     */
    @GetMapping("/districts.xlsx")
    void districtsWorkbook(Actor actor, @RequestParam(required = false) String period,
                           @RequestParam(required = false) String district, HttpServletResponse response,
                           Locale locale) throws IOException {
        Period p = periods.orReportingYear(actor, period);
        String d = RegionPages.blank(district);
        java.util.function.BiFunction<String, Object[], String> text = (key, args) -> messages.getMessage(key, args,
                locale);
        if (d == null) {
            List<DistrictFigures> rows = overview.districts(actor, p);
            WorkbenchPages.sendWorkbook(response, "districts-" + p,
                    out -> RegionWorkbook.districts(out, p, rows, overview.minRecords(), text));
            return;
        }
        var rows = overview.allHospitals(actor, new RegionOverview.Query(p, null, null, d));
        WorkbenchPages.sendWorkbook(response, "district-" + p, out -> RegionWorkbook.workbench(out, d, p, rows,
                overview.minRecords(), text));
    }

    /**
     * One institution, under the tab it was opened from ({@code from}: the workbench's, a district's or the
     * completeness grid's rows say theirs), else under the rankings: the region's list of institutions.
     */
    @GetMapping("/institutions/{code}")
    String institution(Actor actor, @PathVariable String code, @RequestParam(required = false) String period,
                       @RequestParam(required = false) String from, Model model, Locale locale) {
        String tab = from == null ? null : switch (from.strip()) {
            case "workbench" -> actor.roles().contains(Role.REGULATOR) ? "workbench" : null;
            case "districts", "completeness", "rankings" -> from.strip();
            default -> null;
        };
        common(actor, model, tab == null ? "rankings" : tab);
        model.addAttribute("cameFrom", tab);
        Period p = periods.of(actor, period, model);
        InstitutionFigures figures = overview.institution(actor, code, p);
        model.addAttribute("period", p.toString());
        model.addAttribute("minRecords", overview.minRecords());
        model.addAttribute("institution", figures);
        model.addAttribute("ratePercent", percent(figures.figures().repeats()));
        model.addAttribute("minPatients", completeness.minPatients());
        List<InstitutionRanking.TrendPoint> trend = ranking.trend(actor, code, YearMonth.from(p.lastDay()));
        model.addAttribute("trend", trend);
        model.addAttribute("trendChart", json.writeValueAsString(trendChart(trend, locale)));
        return "region/institution";
    }

    @GetMapping("/completeness")
    String completeness(Actor actor, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String type, @RequestParam(required = false) String district,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        common(actor, model, "completeness");
        UnitType t = RegionPages.institutionType(type);
        String text = RegionPages.blank(q);
        String d = RegionPages.blank(district);
        model.addAttribute("grid", completeness.grid(actor, text, t, d, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("minPatients", completeness.minPatients());
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("q", text == null ? "" : text);
        filter.put("type", t == null ? "" : t.name());
        filter.put("district", d == null ? "" : d);
        model.addAttribute("filter", filter);
        model.addAttribute("types", UnitType.of(UnitKind.INSTITUTION).stream().map(UnitType::name).toList());
        model.addAttribute("districts", administration.districts(actor));
        return htmx != null ? "region/completeness :: results" : "region/completeness";
    }

    @GetMapping("/completeness.xlsx")
    void completenessWorkbook(Actor actor, @RequestParam(required = false) String q,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) String district, HttpServletResponse response,
                              Locale locale) throws IOException {
        var rows = completeness.all(actor, RegionPages.blank(q), RegionPages.institutionType(type),
                RegionPages.blank(district));
        var months = completeness.window(actor);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"completeness-"
                + months.get(months.size() - 1) + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            RegionWorkbook.completeness(out, months, rows, completeness.minPatients(),
                    (key, args) -> messages.getMessage(key, args, locale));
        }
    }

    static void common(Actor actor, Model model, String tab) {
        model.addAttribute("activeNav", actor.has(Role.REGULATOR) ? "home" : RegionNavigation.NAV_ID);
        model.addAttribute("regulatorTab", tab);
        model.addAttribute("regulator", actor.roles().contains(Role.REGULATOR));
    }

    /**
     * The trend chart: the institution's monthly repeat rate and that of the region's ranked hospitals together, in
     * per cent with one decimal; a month without a figure is a gap ("-"), never a zero.
     */
    private Map<String, Object> trendChart(List<InstitutionRanking.TrendPoint> trend, Locale locale) {
        Map<String, Object> o = NamedValues.of("animation", false, "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0), "grid", Map.of("left", 40, "right", 12, "top", 32, "bottom", 30));
        o.put("xAxis", Map.of("type", "category", "data", trend.stream().map(t -> t.month().toString()).toList()));
        o.put("yAxis", Map.of("type", "value", "min", 0, "name", "%"));
        o.put("series", List.of(
                Map.of("type", "line", "name", messages.getMessage("region.trend.own", null, locale),
                        "symbolSize", 7, "connectNulls", false,
                        "data", trend.stream().map(t -> percentValue(t.rate())).toList()),
                Map.of("type", "line", "name", messages.getMessage("region.trend.region", null, locale),
                        "symbolSize", 5, "lineStyle", Map.of("type", "dashed"),
                        "data", trend.stream().map(t -> percentValue(t.regionRate())).toList())));
        return o;
    }

    private static Object percentValue(Rate rate) {
        return rate == null ? "-" : rate.percent();
    }

    /**
     * A repeat rate in per cent with one decimal, rounded once from the records and repeats, or null when the
     * figures are suppressed.
     */
    static String percent(HospitalFigures.Repeats r) {
        return r == null ? null : Figures.percent(r.repeats(), r.records());
    }
}
