package org.meridian.region.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.meridian.region.InstitutionRanking;
import org.meridian.region.RegionAdministration;
import org.meridian.region.RegionPeriods;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ranking of the region's institutions (机构排名) by repeat rate or avoidable cost in a period, with each one's
 * move since the period before, filtered by type and district (the group ranked together) and by code or name (the
 * rows shown), 20 a page, as cards on a phone, and as a workbook of every row. Read only, aggregates only.
 */
@Controller
@RequestMapping("/region")
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN')")
class RankingPages {

    static final int PAGE_SIZE = 20;

    /** A row as the page shows it: the repeat rate in per cent with one decimal (null when not shown). */
    record Row(InstitutionRanking.Entry entry, String ratePercent) {
    }

    private final InstitutionRanking ranking;
    private final RegionAdministration administration;
    private final RegionPeriods periods;
    private final MessageSource messages;

    RankingPages(InstitutionRanking ranking, RegionAdministration administration, RegionPeriods periods,
                 MessageSource messages) {
        this.ranking = ranking;
        this.administration = administration;
        this.periods = periods;
        this.messages = messages;
    }

    @GetMapping("/rankings")
    String rankings(Actor actor, @RequestParam(required = false) String period,
                    @RequestParam(required = false) String by, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String type, @RequestParam(required = false) String district,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        DrillDownPages.common(actor, model, "rankings");
        InstitutionRanking.Query query = query(actor, period, by, q, type, district, model);
        Paged<InstitutionRanking.Entry> result = ranking.page(actor, query, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(e -> new Row(e, DrillDownPages.percent(e.repeats())))
                .toList());
        model.addAttribute("measures", List.of(InstitutionRanking.Measure.values()).stream().map(Enum::name).toList());
        model.addAttribute("types", UnitType.of(UnitKind.INSTITUTION).stream().map(UnitType::name).toList());
        model.addAttribute("districts", administration.districts(actor));
        model.addAttribute("minPatients", ranking.minPatients());
        model.addAttribute("previousPeriod", query.period().previous().toString());
        return htmx != null ? "region/rankings :: results" : "region/rankings";
    }

    @GetMapping("/rankings.xlsx")
    void workbook(Actor actor, @RequestParam(required = false) String period,
                  @RequestParam(required = false) String by, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String district,
                  HttpServletResponse response, Locale locale, Model model) throws IOException {
        InstitutionRanking.Query query = query(actor, period, by, q, type, district, model);
        InstitutionRanking.Ranking r = ranking.rank(actor, query);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rankings-" + r.period() + "-"
                + r.measure().name().toLowerCase(Locale.ROOT) + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            RegionWorkbook.ranking(out, r, ranking.minPatients(), (key, args) -> messages.getMessage(key, args, locale));
        }
    }

    private InstitutionRanking.Query query(Actor actor, String period, String by, String q, String type,
                                           String district, Model model) {
        Period p = periods.of(actor, period, model);
        InstitutionRanking.Measure measure = InstitutionRanking.Measure.RATE;
        if (by != null && !by.isBlank()) {
            try {
                measure = InstitutionRanking.Measure.valueOf(by.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                measure = InstitutionRanking.Measure.RATE;
            }
        }
        UnitType t = RegionPages.institutionType(type);
        String text = RegionPages.blank(q);
        String d = RegionPages.blank(district);
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("period", p.toString());
        filter.put("by", measure.name());
        filter.put("q", text == null ? "" : text);
        filter.put("type", t == null ? "" : t.name());
        filter.put("district", d == null ? "" : d);
        model.addAttribute("filter", filter);
        model.addAttribute("period", p.toString());
        return new InstitutionRanking.Query(p, measure, text, t, d);
    }
}
