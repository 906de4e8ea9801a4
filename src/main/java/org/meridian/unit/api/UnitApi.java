package org.meridian.unit.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.PatchBody;
import org.meridian.unit.Unit;
import org.meridian.unit.UnitDraft;
import org.meridian.unit.UnitQuery;
import org.meridian.unit.UnitRegistry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/units}: departments and institutions (create, list by kind and type, read, change). Reading needs
 * ANALYST, changing CHANNEL_MANAGER; everything is in the caller's hospital.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitApi {

    /** Fields a PATCH may name; {@code code} and {@code kind} only with their current values. */
    private static final Set<String> PATCHABLE = Set.of("code", "kind", "name", "type", "status", "parent", "head",
            "openBeds", "level", "district");

    private final UnitRegistry registry;

    UnitApi(UnitRegistry registry) {
        this.registry = registry;
    }

    /** The body of a create call; {@code openBeds} may be a number or a string. */
    record UnitRequest(String code, String name, String kind, String type, String status, String parent,
                       String head, Object openBeds, String level, String district) {
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<Unit> create(Actor actor, @RequestBody UnitRequest body) {
        Unit u = registry.register(actor, new UnitDraft(body.code(), body.name(), body.kind(), body.type(),
                body.status(), body.parent(), body.head(), text(body.openBeds()), body.level(), body.district()));
        return ResponseEntity.created(URI.create("/api/v1/units/" + u.code())).body(u);
    }

    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    Paged<Unit> search(Actor actor, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String type, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return registry.search(actor, UnitQuery.parse(kind, type, status, q, page, size));
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasRole('ANALYST')")
    Unit one(Actor actor, @PathVariable String code) {
        return registry.get(actor, code);
    }

    /** Changes the named fields; a field given as null is cleared. */
    @PatchMapping("/{code}")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Unit patch(Actor actor, @PathVariable String code, @RequestBody Map<String, Object> body) {
        Unit current = registry.get(actor, code);
        List<Problem> problems = PatchBody.problems(body, PATCHABLE, "unit");
        if (!problems.isEmpty()) {
            throw new InvalidInputException("unit", problems);
        }
        UnitDraft was = UnitDraft.of(current);
        return registry.update(actor, code, new UnitDraft(pick(body, "code", was.code()),
                pick(body, "name", was.name()), pick(body, "kind", was.kind()), pick(body, "type", was.type()),
                pick(body, "status", was.status()), pick(body, "parent", was.parent()),
                pick(body, "head", was.head()), pick(body, "openBeds", was.openBeds()),
                pick(body, "level", was.level()), pick(body, "district", was.district())));
    }

    private static String pick(Map<String, Object> body, String field, String current) {
        return body.containsKey(field) ? text(body.get(field)) : current;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
