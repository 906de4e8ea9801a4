package org.meridian.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.meridian.shared.problem.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking over the default department and institution catalogue ({@link DefaultUnitCatalogue}, 默认科室与机构指标库):
 * the hospital gets each default statistic measure and indicator whose code it does not use yet, and the default
 * scheme of each department and institution type that has no scheme yet. What the hospital already has is never
 * touched, so installing twice changes nothing the second time. Needs CHANNEL_MANAGER (the office that keeps the
 * catalogue); Meridian itself (a system actor, e.g. the demo) may do it too.
 */
@Service
public class DefaultCatalogue {

    private static final Logger log = LoggerFactory.getLogger(DefaultCatalogue.class);

    private final StatisticMeasures measures;
    private final CustomIndicators indicators;
    private final SchemeCatalogue schemes;
    private final AuditLog audit;

    DefaultCatalogue(StatisticMeasures measures, CustomIndicators indicators, SchemeCatalogue schemes, AuditLog audit) {
        this.measures = measures;
        this.indicators = indicators;
        this.schemes = schemes;
        this.audit = audit;
    }

    /** What one installation added: the codes of the measures and indicators and the unit types of the schemes. */
    public record Installed(List<String> measures, List<String> indicators, List<UnitType> schemes) {
        public Installed {
            measures = List.copyOf(measures);
            indicators = List.copyOf(indicators);
            schemes = List.copyOf(schemes);
        }
    }

    /**
     * Adds what of the default catalogue the hospital lacks. A default scheme that the hospital's own indicators of
     * the same codes make invalid (e.g. an opposite direction for bands) is left out and logged; the rest is added.
     */
    @Transactional
    public Installed install(Actor actor) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.CHANNEL_MANAGER), "indicator", "defaults-refused",
                "indicator.defaults.problem.refused", actor.username() + " may not install the default catalogue");
        long h = actor.hospitalId();
        List<String> newMeasures = new ArrayList<>();
        for (StatisticMeasure m : DefaultUnitCatalogue.MEASURES) {
            if (!MeasureCatalogue.builtIn(m.code()) && measures.insert(h, m, actor.username())) {
                newMeasures.add(m.code());
            }
        }
        List<String> newIndicators = new ArrayList<>();
        for (IndicatorDefinition d : DefaultUnitCatalogue.ALL_INDICATORS) {
            if (DefaultIndicators.find(d.code()).isEmpty() && indicators.insert(h, d, actor.username())) {
                newIndicators.add(d.code());
            }
        }
        List<UnitType> newSchemes = new ArrayList<>();
        for (UnitType type : DefaultUnitCatalogue.SCHEME_TYPES) {
            if (schemes.current(h, type).isPresent()) {
                continue;
            }
            try {
                schemes.save(actor, type, DefaultUnitCatalogue.schemeFor(type));
                newSchemes.add(type);
            } catch (InvalidInputException e) {
                log.warn("default scheme of {} left out for hospital {}: {}", type, h, e.getMessage());
            }
        }
        Installed installed = new Installed(newMeasures, newIndicators, newSchemes);
        if (!newMeasures.isEmpty() || !newIndicators.isEmpty() || !newSchemes.isEmpty()) {
            Map<String, Object> details = AuditLog.details("measures", newMeasures, "indicators", newIndicators,
                    "schemes", newSchemes.stream().map(Enum::name).toList());
            audit.record(h, actor.username(), "DEFAULT_CATALOGUE_INSTALLED", "catalogue", details);
        }
        return installed;
    }
}
