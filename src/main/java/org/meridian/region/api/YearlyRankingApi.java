package org.meridian.region.api;

import java.net.URI;
import java.util.Map;

import org.meridian.region.YearlyCombination;
import org.meridian.region.YearlyRanking;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region's yearly ranking of performance and brand by API (docs/region.md, "The yearly ranking"): the newest
 * published version of a year for the regulator, the region administrator and the evaluation centre's staff; the
 * centre's preview of what it would publish; the centre publishing it.
 */
@RestController
class YearlyRankingApi {

    private final YearlyRanking ranking;
    private final HospitalCalendar calendar;

    YearlyRankingApi(YearlyRanking ranking, HospitalCalendar calendar) {
        this.ranking = ranking;
        this.calendar = calendar;
    }

    record PublishRequest(Object year) {
    }

    /**
     * {@code {year, version, publishedAt, publishedBy, types: [{unitType, periods, institutions: [{institution, name,
     * district, performance, performancePeriods, performanceRank, brand, brandPeriods, brandRank}]}]}}: the newest
     * published version of {@code year} (the newest published year unless given); 404 when it was not published.
     */
    @GetMapping("/api/v1/region/yearly-rankings")
    @PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN', 'ANALYST')")
    Map<String, Object> published(Actor actor, @RequestParam(required = false) String year) {
        Integer y = year == null || year.isBlank() ? ranking.years(actor).stream().findFirst().orElse(null)
                : YearlyRanking.year(year);
        if (y == null) {
            throw new NotFoundException("region", "yearly-ranking", "-", "region.yearly.problem.none");
        }
        int asked = y;
        return json(ranking.published(actor, asked).orElseThrow(() -> new NotFoundException("region",
                "yearly-ranking", asked, "region.yearly.problem.notPublished")));
    }

    /**
     * What the centre would publish for {@code year} (unless given, the reporting year: in January the year just
     * ended), for the centre's staff; same shape.
     */
    @GetMapping("/api/v1/region/yearly-rankings/preview")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> preview(Actor actor, @RequestParam(required = false) String year) {
        int y = year == null || year.isBlank() ? calendar.reportingYear(actor.hospitalId())
                : YearlyRanking.year(year);
        return json(ranking.preview(actor, y));
    }

    /** Publishes {@code {year}} (the centre's CHANNEL_MANAGER and up) → 201 {@code {year, version, publishedAt, publishedBy}}. */
    @PostMapping("/api/v1/region/yearly-rankings")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<Map<String, Object>> publish(Actor actor, @RequestBody PublishRequest body) {
        Object year = body == null ? null : body.year();
        int y = YearlyRanking.year(year == null ? null : String.valueOf(year));
        YearlyRanking.Publication p = ranking.publish(actor, y);
        Map<String, Object> answer = NamedValues.of("year", y, "version", p.version(), "publishedAt", p.publishedAt(),
                "publishedBy", p.publishedBy());
        return ResponseEntity.created(URI.create("/api/v1/region/yearly-rankings?year=" + y)).body(answer);
    }

    private static Map<String, Object> json(YearlyRanking.Year year) {
        Map<String, Object> answer = NamedValues.of("year", year.year(),
                "version", year.publication() == null ? null : year.publication().version(),
                "publishedAt", year.publication() == null ? null : year.publication().publishedAt(),
                "publishedBy", year.publication() == null ? null : year.publication().publishedBy());
        answer.put("types", year.types().stream().map(t -> {
            Map<String, Object> type = NamedValues.of("unitType", t.type().name(),
                    "periods", t.periods().stream().map(Object::toString).toList());
            type.put("institutions", t.rows().stream().map(r -> {
                Map<String, Object> row = NamedValues.of("institution", r.code(), "name", r.name(),
                        "district", r.district());
                axis(row, "performance", r.performance());
                axis(row, "brand", r.brand());
                return row;
            }).toList());
            return type;
        }).toList());
        return answer;
    }

    private static void axis(Map<String, Object> row, String name, YearlyCombination.Axis axis) {
        row.put(name, axis.mean());
        row.put(name + "Periods", axis.periods());
        row.put(name + "Rank", axis.rank());
    }
}
