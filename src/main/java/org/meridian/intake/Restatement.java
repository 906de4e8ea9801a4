package org.meridian.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A restatement (更正) of a statistic: the value a (unit, month, measure) had, the value that replaced it, who sent
 * the new one, when and why (the reason may be empty where the hospital does not require one).
 */
public record Restatement(long unitId, String measure, YearMonth month, BigDecimal oldValue, BigDecimal newValue,
                          String reason, String restatedBy, Instant restatedAt) {
}
