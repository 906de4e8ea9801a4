package org.meridian.indicator;

import java.util.List;

import org.meridian.shared.UnitType;
import org.meridian.shared.problem.NotFoundException;

/**
 * The caller's hospital has no scheme (or no such scheme version) for a unit type: 404,
 * {@code urn:meridian:indicator:scheme-not-found}.
 */
public class SchemeNotFoundException extends NotFoundException {

    public SchemeNotFoundException(UnitType unitType, Integer version) {
        super("indicator", "scheme", version == null ? "indicator.problem.schemeNotFound"
                        : "indicator.problem.schemeVersionNotFound",
                version == null ? List.of(unitType.name()) : List.of(unitType.name(), String.valueOf(version)),
                version == null ? "No scheme for unit type " + unitType + " in your hospital yet."
                        : "No version " + version + " of the scheme for " + unitType + " in your hospital.");
    }
}
