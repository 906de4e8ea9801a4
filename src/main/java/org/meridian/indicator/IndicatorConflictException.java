package org.meridian.indicator;

import java.util.List;

import org.meridian.shared.UnitType;
import org.meridian.shared.problem.ConflictException;

/**
 * A request that contradicts what is stored: 409, {@code urn:meridian:indicator:code-taken} (an indicator code already
 * taken) or {@code urn:meridian:indicator:saved-meanwhile} (a scheme saved by someone else at the same moment).
 */
public class IndicatorConflictException extends ConflictException {

    private IndicatorConflictException(String kind, String messageKey, List<Object> args, String logMessage) {
        super("indicator", kind, messageKey, args, logMessage);
    }

    static IndicatorConflictException codeTaken(String code) {
        return new IndicatorConflictException("code-taken", "indicator.error.codeTaken", List.of(code),
                "Indicator code '" + code + "' is already in the catalogue.");
    }

    static IndicatorConflictException savedMeanwhile(UnitType unitType) {
        return new IndicatorConflictException("saved-meanwhile", "indicator.problem.savedMeanwhile",
                List.of(unitType.name()), "The scheme for " + unitType
                        + " was changed by someone else at the same moment; reload and save again.");
    }
}
