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
 * <p>Each alert says whether it is about the recent past ({@link Raised#recent()}): a day at most
 * {@code AlertWatch.RECENT_DAYS} days before the day of the scan ({@code recentFrom} or later), or the last complete
 * month. Those are news to be told one by one; the older ones, which a scan on demand over past days finds, are
 * history, better read on the alert list than in as many notifications.
 *
 * @param from       the first day the scan reported on
 * @param to         the last day the scan reported on
 * @param recentFrom the first day that counts as recent (null in events published before it was carried: then every
 *                   alert counts as recent, as it did)
 */
public record AlertsRaised(long hospitalId, LocalDate from, LocalDate to, LocalDate recentFrom, List<Raised> alerts) {

    public AlertsRaised {
        alerts = List.copyOf(alerts);
    }

    /**
     * One new alert.
     *
     * @param month      whether it is about the whole month of {@code day} (then its first day) rather than the day
     * @param measureKey the measure's name as a message key
     * @param ruleKey    the rule that fired as a message key
     * @param recent     about the recent past: a day from {@code recentFrom} on, or the last complete month
     */
    public record Raised(long alertId, long channelId, String channelCode, String channelName, LocalDate day,
                         boolean month, String measureKey, String ruleKey, BigDecimal observed, BigDecimal expected,
                         BigDecimal lower, BigDecimal upper, boolean recent) {

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
