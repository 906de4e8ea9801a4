package org.meridian.region;

import java.math.BigDecimal;
import java.time.Instant;

import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.HospitalProfile;

/**
 * One hospital of the region on the regulator's workbench: its latest published evaluation (null when it has
 * published none), its repeat-examination figures in the period asked for (null when they are suppressed
 * because fewer records than the threshold were performed there), and where it stands in the region's own newest
 * published evaluation of its type ({@code regionStanding}, null when the region's evaluation centre has published
 * none that scored it). Aggregates only, never a patient-level row.
 */
public record HospitalFigures(HospitalProfile hospital, Published evaluation, Repeats repeats, long repeatRecords,
                              RegionCentre.Standing regionStanding) {

    /**
     * The newest published evaluation of the hospital: its period and unit type, how many units it scored, their
     * mean total and the best total (0–100), and when it was published.
     */
    public record Published(Period period, UnitType unitType, int units, BigDecimal meanTotal, BigDecimal bestTotal,
                            Instant publishedAt) {
    }

    /**
     * The hospital's repeat figures over its institutions and the catalogue items: records, repeats, the repeat rate
     * (repeats / records, 0 to 1 to 6 decimals; a page shows the per cent of the counts, rounded once) and the
     * avoidable cost in CNY.
     */
    public record Repeats(long records, long repeats, BigDecimal rate, BigDecimal avoidableCost) {
    }
}
