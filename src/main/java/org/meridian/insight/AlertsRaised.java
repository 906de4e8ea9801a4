package org.meridian.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A scan of the alert watch (异常预警) raised new alerts: published by {@code AlertWatch} in the scan's transaction,
 * once per scan that added at least one alert, with exactly the alerts it added (an alert that existed already is not
 * in it). It carries what a person is told of each alert, so that a listener needs none of insight's types: the
 * channel, the day (or the first day of the month), the measure and the rule as message keys of insight's bundle
 * ({@code insight.alert.measure.REFERRALS}, {@code insight.alert.rule.SILENCE}), the observed value and the expected
 * one with its band.
 */
public record AlertsRaised(long hospitalId, List<Raised> alerts) {

    public AlertsRaised {
        alerts = List.copyOf(alerts);
    }

    /**
     * One new alert.
     *
     * @param month      whether it is about the whole month of {@code day} (then its first day) rather than the day
     * @param measureKey the measure's name as a message key
     * @param ruleKey    the rule that fired as a message key
     */
    public record Raised(long alertId, long channelId, String channelCode, String channelName, LocalDate day,
                         boolean month, String measureKey, String ruleKey, BigDecimal observed, BigDecimal expected,
                         BigDecimal lower, BigDecimal upper) {

        public Raised {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(measureKey, "measureKey");
            Objects.requireNonNull(ruleKey, "ruleKey");
        }

        /** Above the band's expected value (a burst) rather than below it (a dip or silence). */
        public boolean above() {
            return observed.compareTo(expected) > 0;
        }
    }
}
