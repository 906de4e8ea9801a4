package org.meridian.unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit registry (科室与机构台账): register, edit, find and search the hospital's departments and institutions,
 * and the look-ups of other modules (a unit by code for intake, the evaluable units of a type for evaluations).
 * Every call takes the acting {@link Actor}; {@link UnitVisibility} says who may see and change the registry.
 * Registrations and edits are audited with each changed field.
 */
@Service
public class UnitRegistry {

    private final Units units;
    private final AuditLog audit;

    UnitRegistry(Units units, AuditLog audit) {
        this.units = units;
        this.audit = audit;
    }

    /**
     * Registers a unit. Every field problem and an unknown or non-department parent are reported together (400); a
     * code already taken in the hospital is a conflict (409, {@code urn:meridian:unit:code-taken}).
     */
    @Transactional
    public Unit register(Actor actor, UnitDraft draft) {
        UnitVisibility.requireChange(actor);
        long h = actor.hospitalId();
        List<Problem> problems = new ArrayList<>();
        UnitDraft.Fields f = null;
        try {
            f = draft.check(true);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Long parentId = parentId(h, draft.parent(), null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("unit", problems);
        }
        if (units.idOf(h, f.code()).isPresent()) {
            throw taken(f.code());
        }
        try {
            units.insert(h, f, parentId);
        } catch (DuplicateKeyException e) {
            throw taken(f.code());
        }
        Unit created = units.findByCode(h, f.code()).orElseThrow();
        audit.record(h, actor.username(), "UNIT_CREATED", created.code(), describe(created));
        return created;
    }

    /**
     * Changes a unit's fields; its code and kind never change. Field problems, a parent that is no department of the
     * hospital and a parent below the unit itself are reported together (400) and nothing is changed.
     */
    @Transactional
    public Unit update(Actor actor, String code, UnitDraft draft) {
        UnitVisibility.requireChange(actor);
        long h = actor.hospitalId();
        Unit before = units.lockByCode(h, code).orElseThrow(() -> new UnitNotFoundException(code));
        List<Problem> problems = new ArrayList<>();
        if (draft.code() != null && !draft.code().strip().equals(before.code())) {
            problems.add(Problem.of("code", "unit.error.codeFixed"));
        }
        if (draft.kind() != null && !draft.kind().isBlank()
                && !draft.kind().strip().equalsIgnoreCase(before.kind().name())) {
            problems.add(Problem.of("kind", "unit.error.kindFixed"));
        }
        UnitDraft.Fields f = null;
        try {
            f = new UnitDraft(before.code(), draft.name(), before.kind().name(), draft.type(), draft.status(),
                    draft.parent(), draft.head(), draft.openBeds(), draft.level(), draft.district()).check(false);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Long parentId = parentId(h, draft.parent(), before.id(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("unit", problems);
        }
        units.update(h, before.id(), f, parentId);
        Unit after = units.findByCode(h, code).orElseThrow();
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> now = describe(after);
        describe(before).forEach((k, v) -> {
            if (!Objects.equals(v, now.get(k))) {
                changes.put(k, AuditLog.change(v, now.get(k)));
            }
        });
        if (!changes.isEmpty()) {
            audit.record(h, actor.username(), "UNIT_UPDATED", after.code(), changes);
        }
        return after;
    }

    /** The unit of this code in the actor's hospital; 404 otherwise. */
    public Unit get(Actor actor, String code) {
        UnitVisibility.requireRegistry(actor);
        return units.findByCode(actor.hospitalId(), code).orElseThrow(() -> new UnitNotFoundException(code));
    }

    /** One page of the registry, by code. */
    public Paged<Unit> search(Actor actor, UnitQuery query) {
        UnitVisibility.requireRegistry(actor);
        return units.search(actor.hospitalId(), query);
    }

    /** The departments placed directly under a department, by code. */
    public List<Unit> children(Actor actor, Unit parent) {
        UnitVisibility.requireRegistry(actor);
        return units.children(actor.hospitalId(), parent.id());
    }

    /** The departments of the hospital, what a department's parent may be chosen from. */
    public List<UnitRef> departments(Actor actor) {
        UnitVisibility.requireRegistry(actor);
        return units.departments(actor.hospitalId());
    }

    /** A look-up for other modules: the unit of this code in the actor's hospital, if any. */
    public Optional<UnitRef> findByCode(Actor actor, String code) {
        return units.findByCode(actor.hospitalId(), code).map(Unit::ref);
    }

    /** A look-up for other modules: every unit of the actor's hospital by code (what an intake batch checks). */
    public Map<String, UnitRef> byCode(Actor actor) {
        Map<String, UnitRef> all = new LinkedHashMap<>();
        units.all(actor.hospitalId()).forEach(u -> all.put(u.code(), u));
        return all;
    }

    /**
     * A look-up for other modules reading many hospitals at once (the region's pages): the units of each of these
     * hospitals whose type is of the kind INSTITUTION, by hospital id, each hospital's by code; one query for all.
     */
    public Map<Long, List<UnitRef>> institutionsOf(java.util.Collection<Long> hospitalIds) {
        return units.ofTypes(hospitalIds, UnitType.of(UnitKind.INSTITUTION));
    }

    /** The units of a department or institution type that evaluations score now (PILOT, ACTIVE, PROBATION). */
    public List<UnitRef> evaluable(Actor actor, UnitType type) {
        if (type.kind() == UnitKind.CHANNEL) {
            return List.of();
        }
        return units.ofType(actor.hospitalId(), type, UnitStatus.EVALUABLE);
    }

    private Long parentId(long h, String parent, Long self, List<Problem> problems) {
        if (parent == null || parent.isBlank()) {
            return null;
        }
        Optional<Unit> p = units.findByCode(h, parent.strip());
        if (p.isEmpty() || p.get().kind() != UnitKind.DEPARTMENT) {
            problems.add(Problem.of("parent", "unit.error.unknownParent", parent.strip()));
            return null;
        }
        if (self != null && units.isAncestorOrSelf(h, self, p.get().id())) {
            problems.add(Problem.of("parent", "unit.error.parentCycle", parent.strip()));
            return null;
        }
        return p.get().id();
    }

    private static ConflictException taken(String code) {
        return new ConflictException("unit", "code-taken", "unit.problem.codeTaken", List.of(code),
                "unit code " + code + " is already taken");
    }

    private static Map<String, Object> describe(Unit u) {
        Map<String, Object> m = NamedValues.of("name", u.name(), "kind", u.kind().name(), "type", u.type().name(),
                "status", u.status().name(), "parent", u.parent(), "head", u.head(), "openBeds", u.openBeds(),
                "level", u.level(), "district", u.district());
        return m;
    }
}
