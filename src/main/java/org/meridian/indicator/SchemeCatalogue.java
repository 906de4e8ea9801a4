package org.meridian.indicator;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.indicator.scoring.InvalidSchemeException;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schemes (考核方案) of a hospital, one per unit type, with every saved version kept. The newest version
 * is the scheme in force; an evaluation takes {@link #current} as its immutable {@link SchemeSnapshot} and can
 * read the same version back later with {@link #version}.
 */
@Service
public class SchemeCatalogue {

    private final SchemeVersions versions;
    private final IndicatorCatalogue indicators;
    private final AuditLog audit;
    private final Clock clock;

    SchemeCatalogue(SchemeVersions versions, IndicatorCatalogue indicators, AuditLog audit, Clock clock) {
        this.versions = versions;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
    }

    /** The scheme in force for the unit type, if one was ever saved. */
    public Optional<SchemeSnapshot> current(long hospitalId, UnitType unitType) {
        return versions.latest(hospitalId, unitType);
    }

    /** One saved version, exactly as it was saved. */
    public Optional<SchemeSnapshot> version(long hospitalId, UnitType unitType, int version) {
        return versions.version(hospitalId, unitType, version);
    }

    /** Every saved version, newest first. */
    public List<SchemeVersionInfo> history(long hospitalId, UnitType unitType) {
        return versions.history(hospitalId, unitType);
    }

    /** The schemes in force, by unit type (types without a scheme are absent). */
    public Map<UnitType, SchemeSnapshot> currentAll(long hospitalId) {
        Map<UnitType, SchemeSnapshot> all = new LinkedHashMap<>();
        for (UnitType t : UnitType.values()) {
            current(hospitalId, t).ifPresent(s -> all.put(t, s));
        }
        return all;
    }

    /** Every problem of a draft against the hospital's catalogue, as field problems with message keys. */
    public List<Problem> problems(long hospitalId, SchemeDraft draft) {
        return toInput(draft.problems(code -> indicators.find(hospitalId, code)));
    }

    /**
     * The scheme a draft describes, as it would be saved now as the next version, without saving it (for a
     * what-if before saving).
     *
     * @throws InvalidInputException listing every problem of the draft, exactly as {@link #save} would
     */
    public SchemeSnapshot preview(Actor actor, UnitType unitType, SchemeDraft draft) {
        long hospitalId = actor.hospitalId();
        try {
            return draft.toSnapshot(code -> indicators.find(hospitalId, code), unitType,
                    versions.nextVersion(hospitalId, unitType), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    actor.username());
        } catch (InvalidSchemeException e) {
            throw new InvalidInputException("indicator", toInput(e.problems()));
        }
    }

    /**
     * Saves a new version of the unit type's scheme and audits the change.
     *
     * @throws InvalidInputException listing every problem of the draft
     * @throws IndicatorConflictException when someone saved the same scheme at the same moment
     */
    @Transactional
    public SchemeSnapshot save(Actor actor, UnitType unitType, SchemeDraft draft) {
        long hospitalId = actor.hospitalId();
        Optional<SchemeSnapshot> before = current(hospitalId, unitType);
        SchemeSnapshot saved;
        try {
            saved = draft.toSnapshot(code -> indicators.find(hospitalId, code), unitType,
                    versions.nextVersion(hospitalId, unitType), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    actor.username());
        } catch (InvalidSchemeException e) {
            throw new InvalidInputException("indicator", toInput(e.problems()));
        }
        if (!versions.insert(hospitalId, saved)) {
            throw IndicatorConflictException.savedMeanwhile(unitType);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", saved.version());
        details.put("scheme", AuditLog.change(before.map(SchemeDraft::of).orElse(null), SchemeDraft.of(saved)));
        audit.record(hospitalId, actor.username(), "SCHEME_SAVED", unitType.name(), details);
        return saved;
    }

    private static List<Problem> toInput(List<org.meridian.indicator.scoring.Problem> problems) {
        return problems.stream()
                .map(p -> new Problem(p.field(), "indicator.problem." + p.code(), p.args()))
                .toList();
    }
}
