package org.meridian.region.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.region.RegionCentre;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region's own institution evaluations by API: the region administrator sets up the evaluation centre
 * ({@code POST /api/v1/region/centre}) and brings the hospitals and their own statistics into it
 * ({@code POST /api/v1/region/centre/sync}); the regulator and the region administrator read the centre and its
 * published evaluations ({@code GET /api/v1/region/centre}, {@code GET /api/v1/region/evaluations?period=}).
 */
@RestController
class RegionCentreApi {

    private final RegionCentre centre;

    RegionCentreApi(RegionCentre centre) {
        this.centre = centre;
    }

    record CentreRequest(String code, String name, RegionApi.AdminRequest admin) {
    }

    record SyncRequest(String from, String to) {
    }

    @GetMapping("/api/v1/region/centre")
    @PreAuthorize("hasAnyRole('REGION_ADMIN', 'REGULATOR')")
    Map<String, Object> centre(Actor actor) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("centre", centre.centre(actor).map(c -> Map.of("code", c.code(), "name", c.name())).orElse(null));
        return answer;
    }

    @PostMapping("/api/v1/region/centre")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    ResponseEntity<Map<String, Object>> create(Actor actor, @RequestBody CentreRequest body) {
        RegionApi.AdminRequest admin = body.admin() == null ? new RegionApi.AdminRequest(null, null) : body.admin();
        RegionCentre.Created created = centre.create(actor, body.code(), body.name(), admin.username(),
                admin.displayName());
        Map<String, Object> answer = NamedValues.of(
                "code", created.centre().code(),
                "name", created.centre().name(),
                "admin", Map.of("username", created.adminUsername(), "oneTimePassword",
                        created.oneTimePassword()));
        return ResponseEntity.created(URI.create("/api/v1/region/centre")).header("Cache-Control", "no-store")
                .body(answer);
    }

    @PostMapping("/api/v1/region/centre/sync")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    RegionCentre.Synced sync(Actor actor, @RequestBody SyncRequest body) {
        return centre.sync(actor, RegionCentre.Span.parse(body.from(), body.to()));
    }

    @GetMapping("/api/v1/region/evaluations")
    @PreAuthorize("hasAnyRole('REGION_ADMIN', 'REGULATOR')")
    Map<String, Object> evaluations(Actor actor, @RequestParam(required = false) String period) {
        Period p = null;
        if (period != null && !period.isBlank()) {
            p = Period.parse(period.strip()).orElseThrow(() -> new InvalidInputException("region",
                    List.of(Problem.of("period", "region.error.period", period))));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (UnitType type : RegionCentre.TYPES) {
            var published = centre.published(actor, type, p);
            if (published.isEmpty()) {
                continue;
            }
            Map<String, Object> e = NamedValues.of("unitType", type.name(),
                    "period", published.get().evaluation().period().toString(),
                    "version", published.get().evaluation().version(),
                    "publishedAt", published.get().evaluation().publishedAt());
            e.put("institutions", published.get().rows().stream().map(r -> {
                Map<String, Object> row = NamedValues.of("institution", r.code(), "name", r.name(), "district", r.district(),
                        "rank", r.rank(), "total", r.total(), "coverage", r.coverage(), "tier", r.tier());
                return row;
            }).toList());
            items.add(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("centre", centre.centre(actor).map(c -> c.code()).orElse(null));
        answer.put("items", items);
        return answer;
    }
}
