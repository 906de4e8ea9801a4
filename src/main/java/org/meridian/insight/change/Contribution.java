package org.meridian.insight.change;

import java.math.BigDecimal;

/**
 * What one channel contributed to a change (贡献): its value in the month and in the base month (0 when it had none)
 * and the difference; {@code share} is the contribution in per cent of the whole change (one decimal), null when the
 * whole did not change.
 */
public record Contribution(long channelId, String channelCode, String channelName, BigDecimal current, BigDecimal base,
                           BigDecimal change, BigDecimal share) {
}
