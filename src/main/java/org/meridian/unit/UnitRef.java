package org.meridian.unit;

import org.meridian.shared.UnitType;

/** What other modules need of a unit: its id (stable), code (what people and files name), name, type and status. */
public record UnitRef(long id, String code, String name, UnitType type, UnitStatus status) {
}
