package org.meridian.insight.change;

import java.time.YearMonth;
import java.util.List;

/**
 * The explained changes of one month (变动解读): for the hospital as a whole, or for one channel when a channel's own
 * user asks ({@code channelCode} set), every measure against the month before and the same month a year before.
 */
public record Explanation(YearMonth month, String channelCode, String channelName, boolean hasData,
                          List<Comparison> comparisons) {

    public Explanation {
        comparisons = List.copyOf(comparisons);
    }

    public boolean ofChannel() {
        return channelCode != null;
    }

    public Comparison get(ChangeMeasure measure, ChangeBasis basis) {
        return comparisons.stream().filter(c -> c.measure() == measure && c.basis() == basis).findFirst().orElseThrow();
    }
}
