package org.meridian.indicator;

import org.meridian.shared.UnitType;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The caller's hospital has no scheme (or no such scheme version) for a unit type (404). */
public class SchemeNotFoundException extends ErrorResponseException {

    public SchemeNotFoundException(UnitType unitType, Integer version) {
        super(HttpStatus.NOT_FOUND, IndicatorConflictException.problem(HttpStatus.NOT_FOUND, "Not Found",
                version == null ? "No scheme for unit type " + unitType + " in your hospital yet."
                        : "No version " + version + " of the scheme for " + unitType + " in your hospital."), null);
    }
}
