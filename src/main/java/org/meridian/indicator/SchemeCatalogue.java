package org.meridian.indicator;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
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
    private final SchemeWeightings weightings;
    private final ObjectProvider<SchemeWeighting> weighting;

    SchemeCatalogue(SchemeVersions versions, IndicatorCatalogue indicators, AuditLog audit, Clock clock,
                    SchemeWeightings weightings, ObjectProvider<SchemeWeighting> weighting) {
        this.versions = versions;
        this.weightings = weightings;
        this.weighting = weighting;
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
        return draft.problems(code -> indicators.find(hospitalId, code));
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
            throw new InvalidInputException("indicator", e.problems());
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
        return save(actor, unitType, draft, null, Map.of());
    }

    /**
     * Saves a new version whose weights came from the weighting assistant, and keeps the assistant's inputs and
     * results with it, so that the scheme page can say where each weight came from. The weighting must cover exactly
     * the draft's indicators; the draft's weights may differ from the method's (adjusted by hand), which the page
     * then says. Nothing is saved when the draft or the weighting has a problem.
     *
     * @throws InvalidInputException listing every problem of the draft and of the weighting ({@code weighting.*})
     */
    @Transactional
    public SchemeSnapshot save(Actor actor, UnitType unitType, SchemeDraft draft, WeightingInputs inputs) {
        if (inputs == null) {
            return save(actor, unitType, draft);
        }
        inputs = inputs.relevant();
        List<Problem> problems = new ArrayList<>(problems(actor.hospitalId(), draft));
        List<String> included = draft.indicators() == null ? List.of() : draft.indicators().stream()
                .filter(java.util.Objects::nonNull).map(SchemeDraft.Item::code).toList();
        WeightingResult result = null;
        if (inputs.codes().size() != included.size() || !new HashSet<>(inputs.codes()).equals(new HashSet<>(included))) {
            problems.add(Problem.of("weighting.codes", "indicator.weighting.codesDiffer"));
        } else {
            try {
                result = weigh(actor, unitType, inputs);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("indicator", problems);
        }
        return save(actor, unitType, draft, new WeightingRecord(0, inputs, result),
                Map.of("weighting", inputs.method().name()));
    }

    /**
     * The weights the weighting assistant's inputs give (points summing to 100, in the inputs' order), computed by
     * the module that owns the methods.
     *
     * @throws InvalidInputException with every problem of the inputs
     */
    public WeightingResult weigh(Actor actor, UnitType unitType, WeightingInputs inputs) {
        SchemeWeighting w = weighting.getIfAvailable();
        if (w == null) {
            throw new ConflictException("indicator", "weighting-unavailable", "indicator.weighting.unavailable",
                    List.of(), "no SchemeWeighting bean");
        }
        return w.weigh(actor, unitType, inputs);
    }

    /** Where the weights of a saved version came from, if the weighting assistant gave them. */
    public Optional<WeightingRecord> weighting(long hospitalId, UnitType unitType, int version) {
        return weightings.find(hospitalId, unitType, version);
    }

    private SchemeSnapshot save(Actor actor, UnitType unitType, SchemeDraft draft, WeightingRecord weighed,
                                Map<String, Object> extra) {
        long hospitalId = actor.hospitalId();
        Optional<SchemeSnapshot> before = current(hospitalId, unitType);
        SchemeSnapshot saved;
        try {
            saved = draft.toSnapshot(code -> indicators.find(hospitalId, code), unitType,
                    versions.nextVersion(hospitalId, unitType), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    actor.username());
        } catch (InvalidSchemeException e) {
            throw new InvalidInputException("indicator", e.problems());
        }
        if (!versions.insert(hospitalId, saved)) {
            throw IndicatorConflictException.savedMeanwhile(unitType);
        }
        if (weighed != null) {
            weightings.insert(hospitalId, unitType, saved.version(), weighed.inputs(), weighed.result());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", saved.version());
        details.putAll(extra);
        details.put("scheme", AuditLog.change(before.map(SchemeDraft::of).orElse(null), SchemeDraft.of(saved)));
        audit.record(hospitalId, actor.username(), "SCHEME_SAVED", unitType.name(), details);
        return saved;
    }
}
