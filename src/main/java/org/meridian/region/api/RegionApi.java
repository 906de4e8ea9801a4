package org.meridian.region.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.meridian.region.HospitalDraft;
import org.meridian.region.NewHospital;
import org.meridian.region.RegionAdministration;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.web.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Region administration by API ({@code /api/v1/region/...}): the region's hospitals (a region administrator or a
 * regulator reads them; a region administrator creates them with their first administrator) and the grants of
 * further hospitals to administrators. A hospital of another region answers 404.
 */
@RestController
class RegionApi {

    private final RegionAdministration administration;

    RegionApi(RegionAdministration administration) {
        this.administration = administration;
    }

    record AdminRequest(String username, String displayName) {
    }

    record HospitalRequest(String code, String name, String type, String level, String district, String timeZone,
                           AdminRequest admin) {
    }

    record GrantRequest(String username, String hospital) {
    }

    @GetMapping("/api/v1/region/hospitals")
    @PreAuthorize("hasAnyRole('REGION_ADMIN', 'REGULATOR')")
    Paged<Map<String, Object>> hospitals(Actor actor, @RequestParam(required = false) String q,
                                         @RequestParam(required = false) String type,
                                         @RequestParam(required = false) String district,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        return administration.hospitals(actor, blank(q), type(type), blank(district), page, size)
                .map(RegionApi::json);
    }

    @GetMapping("/api/v1/region/hospitals/{code}")
    @PreAuthorize("hasAnyRole('REGION_ADMIN', 'REGULATOR')")
    Map<String, Object> hospital(Actor actor, @PathVariable String code) {
        return json(administration.hospital(actor, code));
    }

    @PostMapping("/api/v1/region/hospitals")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    ResponseEntity<Map<String, Object>> create(Actor actor, @RequestBody HospitalRequest body) {
        AdminRequest admin = body.admin() == null ? new AdminRequest(null, null) : body.admin();
        NewHospital created = administration.create(actor, new HospitalDraft(body.code(), body.name(), body.type(),
                body.level(), body.district(), body.timeZone(), admin.username(), admin.displayName()));
        Map<String, Object> answer = json(created.hospital());
        answer.put("admin", Map.of("username", created.adminUsername(), "oneTimePassword", created.oneTimePassword()));
        return ResponseEntity.created(URI.create("/api/v1/region/hospitals/" + created.hospital().code()))
                .header("Cache-Control", "no-store").body(answer);
    }

    @PostMapping("/api/v1/region/grants")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    ResponseEntity<Void> grant(Actor actor, @RequestBody GrantRequest body) {
        administration.grant(actor, body.username(), body.hospital());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/region/grants/revoke")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    ResponseEntity<Void> revoke(Actor actor, @RequestBody GrantRequest body) {
        administration.revoke(actor, body.username(), body.hospital());
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> json(HospitalProfile h) {
        Map<String, Object> m = NamedValues.of("code", h.code(), "name", h.name(),
                "type", h.type() == null ? null : h.type().name(), "level", h.level(), "district", h.district(),
                "timeZone", h.timeZone().getId(), "demo", h.demo());
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static UnitType type(String s) {
        String t = blank(s);
        if (t == null) {
            return null;
        }
        UnitType u;
        try {
            u = UnitType.valueOf(t);
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || u.kind() != UnitKind.INSTITUTION) {
            throw new InvalidInputException("region", List.of(Problem.of("type", "region.error.type", t)));
        }
        return u;
    }
}
