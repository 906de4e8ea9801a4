package org.meridian.exam;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One hospital's repeat figures over all its institutions and the catalogue's items, in a period or one month of it:
 * the records performed there then, the distinct (pseudonymised) patients they belong to, how many were repeats and
 * the avoidable cost (Σ the item's price over the repeats, CNY). The patients are counted, never named: the number is
 * what lets a reader suppress an aggregate that rests on too few people.
 */
public record HospitalRepeats(long hospitalId, YearMonth month, long records, long patients, long repeats,
                              BigDecimal avoidableCost) {
}
