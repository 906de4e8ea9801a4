package org.meridian.insight.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * An alert (预警): a channel's measure on a day or in a month that broke its pattern, with the observed value, the
 * value expected and its band, the rule that fired, and what people did with it.
 */
public record Alert(long id, long channelId, String channelCode, String channelName, AlertMeasure measure,
                    AlertGrain grain, LocalDate day, BigDecimal observed, BigDecimal expected, BigDecimal lower,
                    BigDecimal upper, AlertRule rule, AlertStatus status, String note, OffsetDateTime raisedAt,
                    String acknowledgedBy, OffsetDateTime acknowledgedAt, String closedBy, OffsetDateTime closedAt) {

    /** The same alert with its channel's code and name. */
    public Alert named(String code, String name) {
        return new Alert(id, channelId, code, name, measure, grain, day, observed, expected, lower, upper, rule, status,
                note, raisedAt, acknowledgedBy, acknowledgedAt, closedBy, closedAt);
    }

    /** Above the band (a burst) rather than below it (a dip or silence). */
    public boolean above() {
        return observed.compareTo(expected) > 0;
    }

    /** The month of a monthly alert. */
    public YearMonth month() {
        return YearMonth.from(day);
    }
}
