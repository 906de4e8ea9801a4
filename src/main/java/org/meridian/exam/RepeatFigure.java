package org.meridian.exam;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The repeat figures of one institution and catalogue item in a period (or one month of it): the records performed
 * there then, how many were repeats and same-institution repeats, the repeat rate (repeats / records, a fraction from
 * 0 to 1, rounded half-up to 6 decimals; pages show the per cent of the counts, {@code Rate.of(repeats, records)}) and the avoidable cost (repeats × the item's price, CNY).
 */
public record RepeatFigure(NamedInstitution institution, String item, String itemName, YearMonth month, long records,
                           long repeats, long sameInstitutionRepeats, BigDecimal rate, BigDecimal avoidableCost) {
}
