package org.meridian.insight.change;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One measure of a month against one base month, with its explanation.
 *
 * @param current       the month's value, null when the month has no data
 * @param base          the base month's value, null when the base month has no data (then nothing is compared)
 * @param change        current − base, null when either is missing
 * @param percent       the change in per cent of |base| (one decimal), null when it is not defined (no base, base 0)
 * @param contributors  the channels that moved it, largest absolute contribution first, adding up to {@code change}
 *                      (empty when nothing is compared, and for a channel's own explanation)
 * @param sentences     what the numbers say, in order: the change itself, then (when channels moved) who moved it most
 */
public record Comparison(ChangeMeasure measure, ChangeBasis basis, YearMonth month, YearMonth baseMonth,
                         BigDecimal current, BigDecimal base, BigDecimal change, BigDecimal percent,
                         List<Contribution> contributors, List<Phrase> sentences) {

    public Comparison {
        contributors = List.copyOf(contributors);
        sentences = List.copyOf(sentences);
    }

    /** Whether the two months are compared at all (both have data). */
    public boolean compared() {
        return change != null;
    }
}
