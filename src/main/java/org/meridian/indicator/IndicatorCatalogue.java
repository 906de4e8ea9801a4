package org.meridian.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hospital's indicator catalogue (指标库): the built-in channel indicators of engine.md §3
 * ({@link DefaultIndicators}) followed by the hospital's own ones. Own indicators are added with a validated
 * formula and never changed afterwards (schemes copy the definitions they use).
 */
@Service
public class IndicatorCatalogue {

    private final CustomIndicators custom;
    private final StatisticMeasures statistics;
    private final AuditLog audit;

    IndicatorCatalogue(CustomIndicators custom, StatisticMeasures statistics, AuditLog audit) {
        this.custom = custom;
        this.statistics = statistics;
        this.audit = audit;
    }

    /** Built-in indicators in the order of engine.md, then the hospital's own by code. */
    public List<CatalogueEntry> catalogue(long hospitalId) {
        List<CatalogueEntry> all = new ArrayList<>();
        DefaultIndicators.CHANNEL.forEach(d -> all.add(new CatalogueEntry(d, true)));
        custom.all(hospitalId).forEach(d -> all.add(new CatalogueEntry(d, false)));
        return all;
    }

    public Optional<IndicatorDefinition> find(long hospitalId, String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<IndicatorDefinition> builtIn = DefaultIndicators.find(code);
        return builtIn.isPresent() ? builtIn : custom.find(hospitalId, code);
    }

    /**
     * Adds an indicator of the caller's hospital; its formula may name any measure of the hospital's
     * {@link MeasureCatalogue}.
     *
     * @throws InvalidInputException listing every problem (the formula's names its position and token)
     * @throws IndicatorConflictException when the code is built in or already used in the hospital
     */
    @Transactional
    public CatalogueEntry create(Actor actor, NewIndicator submitted) {
        java.util.Set<String> own = statistics.all(actor.hospitalId()).stream().map(StatisticMeasure::code)
                .collect(java.util.stream.Collectors.toSet());
        List<Problem> problems = submitted.problems(own);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("indicator", problems);
        }
        IndicatorDefinition d = submitted.toDefinition(own);
        if (DefaultIndicators.find(d.code()).isPresent() || !custom.insert(actor.hospitalId(), d, actor.username())) {
            throw IndicatorConflictException.codeTaken(d.code());
        }
        audit.record(actor.hospitalId(), actor.username(), "INDICATOR_CREATED", d.code(),
                Map.of("formula", d.formula().text(), "direction", d.direction().name(), "nameZh", d.nameZh(),
                        "dimension", d.dimension().name()));
        return new CatalogueEntry(d, false);
    }
}
