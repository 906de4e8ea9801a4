package org.meridian.insight.change;

import java.time.YearMonth;
import java.util.List;

/** Why one channel's total score moved in a month: against the month before and the same month last year. */
public record ChannelTotalExplanation(YearMonth month, String channelCode, String channelName,
                                      List<TotalChange> changes) {

    public ChannelTotalExplanation {
        changes = List.copyOf(changes);
    }

    public TotalChange get(ChangeBasis basis) {
        return changes.stream().filter(c -> c.basis() == basis).findFirst().orElseThrow();
    }
}
