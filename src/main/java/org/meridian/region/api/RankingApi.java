package org.meridian.region.api;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.meridian.region.InstitutionRanking;
import org.meridian.region.RegionPeriods;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.Period;
import org.meridian.shared.Rate;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regulator's institution rankings by API (docs/region.md, "Institution rankings"): the same ranking as the page
 * {@code /region/rankings}, and one institution's monthly trend. Read only, aggregates only (no record, no patient);
 * a regulator or the region administrator. Unlike the page, a filter that cannot be read is a 400 naming every
 * parameter, never quietly replaced.
 */
@RestController
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN')")
class RankingApi {

    private final InstitutionRanking ranking;
    private final RegionPeriods periods;

    RankingApi(InstitutionRanking ranking, RegionPeriods periods) {
        this.ranking = ranking;
        this.periods = periods;
    }

    /**
     * {@code {period, by, minPatients, ranked, group, items:[{hospital, name, type, district, standing, rank,
     * previousRank, change, records, patients, repeats, rate, avoidableCost}], page, size, total}}.
     */
    @GetMapping("/api/v1/region/rankings")
    Rankings rankings(Actor actor, @RequestParam(required = false) String period,
                      @RequestParam(required = false) String by, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String type, @RequestParam(required = false) String district,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<Problem> problems = new ArrayList<>();
        Period p = periods.of(actor, period, problems);
        InstitutionRanking.Measure measure = measure(by, problems);
        UnitType t = type(type, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("region", problems);
        }
        InstitutionRanking.Query query = new InstitutionRanking.Query(p, measure, blank(q), t, blank(district));
        Paged.check(page, size);
        InstitutionRanking.Ranking whole = ranking.rank(actor, query);
        return new Rankings(p.toString(), measure.name(), ranking.minPatients(), whole.ranked(), whole.group(),
                Paged.slice(whole.entries(), page, size).map(RankingApi::json));
    }

    /** What was ranked and how many, then one page of the entries, answered as every list is. */
    record Rankings(String period, String by, int minPatients, int ranked, int group,
                    @JsonUnwrapped Paged<Map<String, Object>> entries) {
    }

    /**
     * {@code {hospital, items:[{month, rate, rank, ranked, regionRate}]}}: the twelve months up to {@code month} (this
     * month unless given), each ranked by repeat rate among the region's hospitals. 404 for a hospital of another
     * region.
     */
    @GetMapping("/api/v1/region/rankings/{code}/trend")
    Map<String, Object> trend(Actor actor, @PathVariable String code, @RequestParam(required = false) String month) {
        YearMonth last = periods.month(actor, month);
        List<Map<String, Object>> items = ranking.trend(actor, code, last).stream().map(point -> {
            Map<String, Object> m = NamedValues.of("month", point.month().toString(), "rate", Rate.fraction(point.rate()),
                    "rank", point.rank(), "ranked", point.ranked(), "regionRate", Rate.fraction(point.regionRate()));
            return m;
        }).toList();
        Map<String, Object> answer = NamedValues.of("hospital", code.strip(), "items", items);
        return answer;
    }

    private static Map<String, Object> json(InstitutionRanking.Entry e) {
        Map<String, Object> m = NamedValues.of("hospital", e.hospital().code(), "name", e.hospital().name(),
                "type", e.hospital().type() == null ? null : e.hospital().type().name(),
                "district", e.hospital().district(), "standing", e.standing().name(), "rank", e.rank(),
                "previousRank", e.previousRank(), "change", e.change(),
                "records", e.repeats() == null ? null : e.repeats().records(), "patients", e.patients(),
                "repeats", e.repeats() == null ? null : e.repeats().repeats(),
                "rate", e.repeats() == null ? null : e.repeats().rate(),
                "avoidableCost", e.repeats() == null ? null : e.repeats().avoidableCost());
        return m;
    }

    private static InstitutionRanking.Measure measure(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return InstitutionRanking.Measure.RATE;
        }
        try {
            return InstitutionRanking.Measure.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("by", "region.error.by", text.strip()));
            return null;
        }
    }

    private static UnitType type(String text, List<Problem> problems) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            UnitType u = UnitType.valueOf(t);
            if (u.kind() == UnitKind.INSTITUTION) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        problems.add(Problem.of("type", "region.error.type", t));
        return null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
