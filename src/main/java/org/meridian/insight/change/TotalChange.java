package org.meridian.insight.change;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A channel's total score (总分) of a month against a base month, each from the newest published monthly evaluation
 * of its channel type, with the indicators that moved it, largest absolute contribution first (their contributions
 * add up to {@code change}).
 *
 * @param current  the month's total, null without a published evaluation that scored the channel
 * @param base     the base month's, likewise; without it nothing is compared
 */
public record TotalChange(ChangeBasis basis, YearMonth month, YearMonth baseMonth, BigDecimal current,
                          BigDecimal base, BigDecimal change, List<IndicatorMove> indicators, List<Phrase> sentences) {

    public TotalChange {
        indicators = List.copyOf(indicators);
        sentences = List.copyOf(sentences);
    }

    public boolean compared() {
        return change != null;
    }
}
