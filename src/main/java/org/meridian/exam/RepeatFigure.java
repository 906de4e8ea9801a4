package org.meridian.exam;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The repeat figures of one institution and catalogue item in a period (or one month of it): the records performed
 * there then, how many were repeats and same-institution repeats, the repeat rate (repeats / records, a fraction from
 * 0 to 1, rounded half-up to 6 decimals; pages show the per cent of the counts, {@code Rate.of(repeats, records)}) and
 * the avoidable cost (repeats × the item's price, CNY).
 *
 * <p>{@code patients} is how many distinct patients the row covers at least: exact for one month, the largest of its
 * months for a period (never shown; the suppression below reads it). A {@code suppressed} row (a regulator's row over
 * fewer patients than {@code meridian.region.min-records}) has every count, the rate and the cost null, and patients
 * 0.
 */
public record RepeatFigure(NamedInstitution institution, String item, String itemName, YearMonth month, Long records,
                           Long repeats, Long sameInstitutionRepeats, BigDecimal rate, BigDecimal avoidableCost,
                           long patients, boolean suppressed) {

    /** The same row with its figures taken away. */
    RepeatFigure suppress() {
        return new RepeatFigure(institution, item, itemName, month, null, null, null, null, null, 0, true);
    }
}
