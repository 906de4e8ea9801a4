package org.meridian.indicator;

import java.util.Optional;

import org.meridian.shared.audit.AuditValueNames;
import org.springframework.stereotype.Component;

/**
 * The audit page names an indicator recorded by its code under a field about indicators ({@code indicator:
 * ARRIVAL_RATE}, a new indicator as the target) by the catalogue's name.
 */
@Component
class IndicatorAuditNames implements AuditValueNames {

    private final IndicatorCatalogue catalogue;

    IndicatorAuditNames(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<String> name(long hospitalId, String field, String value, boolean english) {
        if (field == null || !field.toLowerCase(java.util.Locale.ROOT).contains("indicator")) {
            return Optional.empty();
        }
        return catalogue.find(hospitalId, value).map(d -> english ? d.nameEn() : d.nameZh());
    }
}
