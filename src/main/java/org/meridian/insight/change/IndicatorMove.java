package org.meridian.insight.change;

import java.math.BigDecimal;

/**
 * How one indicator moved a channel's total between two published evaluations (指标贡献): its weight and score in
 * each, its part of each total (weight × score / the weight of the indicators that had data, as the scorecard
 * stores it; 0 without a score) and the difference, which is this indicator's contribution to the change of the
 * total. With the same scheme and coverage in both it is weight × (score change) / the weight sum.
 */
public record IndicatorMove(String code, String nameZh, String nameEn, BigDecimal weight, BigDecimal score,
                            BigDecimal baseWeight, BigDecimal baseScore, BigDecimal part, BigDecimal basePart,
                            BigDecimal change) {
}
