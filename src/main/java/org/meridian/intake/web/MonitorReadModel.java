package org.meridian.intake.web;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the live monitoring page (实时监控) shows, read from the daily rollups only: the funnel measures
 * and revenue summed over a period, per local date, and per channel, for a chosen set of channels.
 */
@Component
class MonitorReadModel {

    private static final String SUMS = "coalesce(sum(referrals), 0), coalesce(sum(accepted), 0),"
            + " coalesce(sum(arrivals), 0), coalesce(sum(conversions), 0), coalesce(sum(revenue), 0)";

    private final JdbcClient jdbc;

    MonitorReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Referrals → accepted → arrived → converted, and revenue (CNY, refunds subtracted). */
    record Funnel(long referrals, long accepted, long arrivals, long conversions, BigDecimal revenue) {

        static final Funnel ZERO = new Funnel(0, 0, 0, 0, BigDecimal.ZERO);

        static Funnel read(ResultSet rs, int first) throws SQLException {
            return new Funnel(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                    rs.getBigDecimal(first + 4));
        }

        /** {@code part} of {@code whole} in percent, or null when the whole is 0. */
        static Integer percent(long part, long whole) {
            return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
        }
    }

    /** The sums over the local dates from–to of the given channels. */
    @Transactional(readOnly = true)
    Funnel total(long hospitalId, Collection<Long> channelIds, LocalDate from, LocalDate to) {
        if (channelIds.isEmpty()) {
            return Funnel.ZERO;
        }
        return jdbc.sql("SELECT " + SUMS + " FROM intake_daily_rollup WHERE hospital_id = :h"
                        + " AND local_date BETWEEN :from AND :to AND channel_id IN (:ids)")
                .param("h", hospitalId).param("from", from).param("to", to).param("ids", channelIds)
                .query((rs, n) -> Funnel.read(rs, 1)).single();
    }

    /** The sums per local date from–to; every date is present (0 when nothing happened). */
    @Transactional(readOnly = true)
    Map<LocalDate, Funnel> daily(long hospitalId, Collection<Long> channelIds, LocalDate from, LocalDate to) {
        Map<LocalDate, Funnel> result = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            result.put(d, Funnel.ZERO);
        }
        if (channelIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT local_date, " + SUMS + " FROM intake_daily_rollup WHERE hospital_id = :h"
                        + " AND local_date BETWEEN :from AND :to AND channel_id IN (:ids) GROUP BY local_date")
                .param("h", hospitalId).param("from", from).param("to", to).param("ids", channelIds)
                .query((RowCallbackHandler) rs -> result.put(rs.getObject(1, LocalDate.class), Funnel.read(rs, 2)));
        return result;
    }

    /** The sums per channel from–to; channels without events in the period are absent. */
    @Transactional(readOnly = true)
    Map<Long, Funnel> perChannel(long hospitalId, Collection<Long> channelIds, LocalDate from, LocalDate to) {
        Map<Long, Funnel> result = new HashMap<>();
        if (channelIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT channel_id, " + SUMS + " FROM intake_daily_rollup WHERE hospital_id = :h"
                        + " AND local_date BETWEEN :from AND :to AND channel_id IN (:ids) GROUP BY channel_id")
                .param("h", hospitalId).param("from", from).param("to", to).param("ids", channelIds)
                .query((RowCallbackHandler) rs -> result.put(rs.getLong(1), Funnel.read(rs, 2)));
        return result;
    }
}
