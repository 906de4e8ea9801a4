package org.meridian.unit;

import org.meridian.shared.problem.NotFoundException;

/** No department or institution of this code in the caller's hospital (404, {@code urn:meridian:unit:unit-not-found}). */
public class UnitNotFoundException extends NotFoundException {

    public UnitNotFoundException(String code) {
        super("unit", "unit", code, "unit.problem.notFound");
    }
}
