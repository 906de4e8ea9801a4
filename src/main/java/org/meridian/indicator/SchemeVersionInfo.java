package org.meridian.indicator;

import java.time.Instant;

import org.meridian.shared.UnitType;

/** One saved version of a unit type's scheme: who saved it and when (方案历史). */
public record SchemeVersionInfo(UnitType unitType, int version, Instant savedAt, String savedBy) {
}
