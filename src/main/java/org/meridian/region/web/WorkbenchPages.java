package org.meridian.region.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.meridian.region.HospitalFigures;
import org.meridian.region.RegionAdministration;
import org.meridian.region.RegionOverview;
import org.meridian.region.RegionPeriods;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.RoleHome;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regulator's workbench (监管工作台), the home page of a REGULATOR: the region's hospitals with their latest
 * published evaluation and the repeat-examination figures of a period (this year unless asked), filtered by text,
 * type and district, paged; a table on a desktop, cards on a phone. Aggregates only: no patient-level row, and a
 * hospital's repeat figures over too few records are suppressed.
 */
@Controller
class WorkbenchPages implements RoleHome {

    static final int PAGE_SIZE = 20;

    /** A row as the page shows it: the repeat rate in per cent with one decimal. */
    record Row(HospitalFigures figures, String ratePercent) {
    }

    private final RegionOverview overview;
    private final RegionAdministration administration;
    private final RegionPeriods periods;
    private final MessageSource messages;

    WorkbenchPages(RegionOverview overview, RegionAdministration administration, RegionPeriods periods,
                   MessageSource messages) {
        this.overview = overview;
        this.administration = administration;
        this.periods = periods;
        this.messages = messages;
    }

    /** A regulator (who holds no hospital role) has this page as its home. */
    @Override
    public boolean serves(Actor actor) {
        return RegionOverview.sees(actor) && !actor.has(Role.ANALYST) && !actor.isSystem();
    }

    @Override
    public String render(Actor actor, Map<String, String> params, boolean htmx, Model model) {
        int page;
        try {
            page = Integer.parseInt(params.getOrDefault("page", "0").strip());
        } catch (NumberFormatException e) {
            page = 0;
        }
        return workbench(actor, params.get("period"), params.get("q"), params.get("type"), params.get("district"),
                page, htmx ? "true" : null, model);
    }

    @GetMapping("/region/workbench")
    @PreAuthorize("hasRole('REGULATOR')")
    String workbench(Actor actor, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String q, @RequestParam(required = false) String type,
                     @RequestParam(required = false) String district, @RequestParam(defaultValue = "0") int page,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("activeNav", "home");
        model.addAttribute("regulatorTab", "workbench");
        model.addAttribute("regulator", true);
        Period p = periods.of(actor, period, model);
        UnitType t = RegionPages.institutionType(type);
        String text = RegionPages.blank(q);
        String d = RegionPages.blank(district);
        Paged<HospitalFigures> result = overview.hospitals(actor, new RegionOverview.Query(p, text, t, d),
                Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(f -> new Row(f, DrillDownPages.percent(f.repeats())))
                .toList());
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("period", p.toString());
        filter.put("q", text == null ? "" : text);
        filter.put("type", t == null ? "" : t.name());
        filter.put("district", d == null ? "" : d);
        model.addAttribute("filter", filter);
        model.addAttribute("types", UnitType.of(UnitKind.INSTITUTION).stream().map(UnitType::name).toList());
        model.addAttribute("districts", administration.districts(actor));
        model.addAttribute("minRecords", overview.minRecords());
        return htmx != null ? "region/workbench :: results" : "region/workbench";
    }

    /** The workbench as a workbook: every hospital the filters keep (not only a page), the figures as on the page. */
    @GetMapping("/region/workbench.xlsx")
    @PreAuthorize("hasRole('REGULATOR')")
    void workbook(Actor actor, @RequestParam(required = false) String period, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String district,
                  HttpServletResponse response, Locale locale) throws IOException {
        Period p = periods.orReportingYear(actor, period);
        List<HospitalFigures> rows = overview.allHospitals(actor, new RegionOverview.Query(p, RegionPages.blank(q),
                RegionPages.institutionType(type), RegionPages.blank(district)));
        sendWorkbook(response, "workbench-" + p, out -> RegionWorkbook.workbench(out,
                messages.getMessage("region.workbench.title", null, locale), p, rows, overview.minRecords(),
                (key, args) -> messages.getMessage(key, args, locale)));
    }

    /** Something that writes a workbook. */
    interface WorkbookWriter {
        void write(OutputStream out) throws IOException;
    }

    static void sendWorkbook(HttpServletResponse response, String name, WorkbookWriter writer) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            writer.write(out);
        }
    }

    static String decimal(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }
}
