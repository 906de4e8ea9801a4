package org.meridian.intake;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.meridian.indicator.Measure;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rollups: per hospital, channel and local date ({@code intake_daily_rollup}) and per hospital, channel and
 * month ({@code intake_monthly_rollup}, keyed by the month's first day), one column per {@link Measure} (named by
 * its key), both changed in the same statement batch as the events they sum.
 */
@Repository
class DailyRollups {

    /** A rollup row's key. */
    record Day(long channelId, LocalDate date) {
    }

    private static final String MEASURE_COLUMNS = Arrays.stream(Measure.values()).map(Measure::key)
            .collect(Collectors.joining(", "));
    /** One statement for all changed rows: the changes come as arrays, one per column, unnested into rows. */
    private static final String UPSERT_DAYS = upsert("intake_daily_rollup", "local_date");
    private static final String UPSERT_MONTHS = upsert("intake_monthly_rollup", "month");

    private static String upsert(String table, String dateColumn) {
        return "INSERT INTO " + table + " (hospital_id, channel_id, " + dateColumn + ", " + MEASURE_COLUMNS
                + ") SELECT ?, * FROM unnest(CAST(? AS bigint[]), CAST(? AS date[])"
                + ", CAST(? AS numeric[])".repeat(Measure.values().length)
                + ") ON CONFLICT (hospital_id, channel_id, " + dateColumn + ") DO UPDATE SET "
                + Arrays.stream(Measure.values()).map(m -> m.key() + " = " + table + "." + m.key() + " + EXCLUDED." + m.key())
                .collect(Collectors.joining(", "));
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DailyRollups(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Adds the changes (possibly negative) to the rows of their days and of their months, in one statement each
     * however many days a batch touches (rows in key order, days before months, so that concurrent writers never
     * wait on each other in a cycle).
     */
    void apply(long hospitalId, Map<Day, MeasureSums> changes) {
        upsert(UPSERT_DAYS, hospitalId, changes);
        upsert(UPSERT_MONTHS, hospitalId, byMonth(changes));
    }

    private void upsert(String statement, long hospitalId, Map<Day, MeasureSums> changes) {
        List<Map.Entry<Day, MeasureSums>> rows = changes.entrySet().stream().filter(e -> !e.getValue().isZero())
                .sorted(Map.Entry.comparingByKey(Comparator.comparingLong(Day::channelId).thenComparing(Day::date)))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        Long[] channels = new Long[rows.size()];
        String[] dates = new String[rows.size()];
        BigDecimal[][] measures = new BigDecimal[Measure.values().length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            channels[i] = rows.get(i).getKey().channelId();
            dates[i] = rows.get(i).getKey().date().toString();
            for (Measure m : Measure.values()) {
                measures[m.ordinal()][i] = rows.get(i).getValue().get(m);
            }
        }
        template.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement s = connection.prepareStatement(statement)) {
                s.setLong(1, hospitalId);
                s.setArray(2, connection.createArrayOf("bigint", channels));
                s.setArray(3, connection.createArrayOf("text", dates));
                for (Measure m : Measure.values()) {
                    s.setArray(4 + m.ordinal(), connection.createArrayOf("numeric", measures[m.ordinal()]));
                }
                return s.executeUpdate();
            }
        });
    }

    /**
     * Per channel, the sum of every measure over the local dates from–to (inclusive): the whole months inside the
     * range from the monthly rollups, the days before and after them from the daily ones. A quarter of 5,000
     * channels reads 15,000 monthly rows instead of 460,000 daily ones.
     */
    Map<Long, Map<Measure, BigDecimal>> totals(long hospitalId, LocalDate from, LocalDate to) {
        // [firstMonth, endMonth): the months that lie wholly inside from–to (empty when firstMonth >= endMonth)
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endMonth = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
        if (!firstMonth.isBefore(endMonth)) {
            firstMonth = endMonth = from; // no whole month: every day from the daily rollups
        }
        String sums = Arrays.stream(Measure.values()).map(m -> "sum(" + m.key() + ")").collect(Collectors.joining(", "));
        Map<Long, Map<Measure, BigDecimal>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT channel_id, " + sums + " FROM ("
                        + " SELECT channel_id, " + MEASURE_COLUMNS + " FROM intake_monthly_rollup WHERE hospital_id = :h"
                        + " AND month >= :fm AND month < :em"
                        + " UNION ALL SELECT channel_id, " + MEASURE_COLUMNS + " FROM intake_daily_rollup WHERE hospital_id = :h"
                        + " AND local_date BETWEEN :from AND :to AND (local_date < :fm OR local_date >= :em)"
                        + ") r GROUP BY channel_id ORDER BY channel_id")
                .param("h", hospitalId).param("from", from).param("to", to).param("fm", firstMonth).param("em", endMonth)
                .query((RowCallbackHandler) rs -> {
                    result.put(rs.getLong(1), readMeasures(rs, 2).asMap());
                });
        return result;
    }

    /**
     * The hospital's measures summed over all channels per month, for the months from {@code firstMonth} to
     * {@code lastMonth} (first days of months, inclusive); months without events are absent.
     */
    Map<LocalDate, Map<Measure, BigDecimal>> hospitalMonths(long hospitalId, LocalDate firstMonth, LocalDate lastMonth) {
        String sums = Arrays.stream(Measure.values()).map(m -> "sum(" + m.key() + ")").collect(Collectors.joining(", "));
        Map<LocalDate, Map<Measure, BigDecimal>> result = new TreeMap<>();
        jdbc.sql("SELECT month, " + sums + " FROM intake_monthly_rollup WHERE hospital_id = :h"
                        + " AND month BETWEEN :first AND :last GROUP BY month")
                .param("h", hospitalId).param("first", firstMonth).param("last", lastMonth)
                .query((RowCallbackHandler) rs -> {
                    result.put(rs.getObject(1, LocalDate.class), readMeasures(rs, 2).asMap());
                });
        return result;
    }

    /** Every channel's measures per month for the months from–to (first days), months without events left out. */
    Map<Long, Map<LocalDate, Map<Measure, BigDecimal>>> channelMonths(long hospitalId, LocalDate firstMonth,
                                                                      LocalDate lastMonth) {
        Map<Long, Map<LocalDate, Map<Measure, BigDecimal>>> result = new HashMap<>();
        jdbc.sql("SELECT channel_id, month, " + MEASURE_COLUMNS + " FROM intake_monthly_rollup WHERE hospital_id = :h"
                        + " AND month BETWEEN :first AND :last")
                .param("h", hospitalId).param("first", firstMonth).param("last", lastMonth)
                .query((RowCallbackHandler) rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), readMeasures(rs, 3).asMap());
                });
        return result;
    }

    /** One channel's measures per local date from–to, days without events left out. */
    Map<LocalDate, Map<Measure, BigDecimal>> daily(long hospitalId, long channelId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Measure, BigDecimal>> result = new TreeMap<>();
        jdbc.sql("SELECT local_date, " + MEASURE_COLUMNS + " FROM intake_daily_rollup WHERE hospital_id = :h"
                        + " AND channel_id = :c AND local_date BETWEEN :from AND :to")
                .param("h", hospitalId).param("c", channelId).param("from", from).param("to", to)
                .query((RowCallbackHandler) rs -> {
                    result.put(rs.getObject(1, LocalDate.class), readMeasures(rs, 2).asMap());
                });
        return result;
    }

    /** Every stored monthly rollup row of a hospital, keyed by the first day of the month. */
    Map<Day, MeasureSums> allMonths(long hospitalId) {
        Map<Day, MeasureSums> result = new HashMap<>();
        jdbc.sql("SELECT channel_id, month, " + MEASURE_COLUMNS + " FROM intake_monthly_rollup WHERE hospital_id = :h")
                .param("h", hospitalId)
                .query((RowCallbackHandler) rs -> {
                    result.put(new Day(rs.getLong(1), rs.getObject(2, LocalDate.class)), readMeasures(rs, 3));
                });
        return result;
    }

    /** Daily sums added up per channel and month (keyed by the month's first day). */
    static Map<Day, MeasureSums> byMonth(Map<Day, MeasureSums> days) {
        Map<Day, MeasureSums> months = new HashMap<>();
        days.forEach((day, sums) -> months.computeIfAbsent(new Day(day.channelId(), day.date().withDayOfMonth(1)),
                d -> new MeasureSums()).add(sums));
        return months;
    }

    /** Every stored daily rollup row of a hospital. */
    Map<Day, MeasureSums> all(long hospitalId) {
        Map<Day, MeasureSums> result = new HashMap<>();
        jdbc.sql("SELECT channel_id, local_date, " + MEASURE_COLUMNS + " FROM intake_daily_rollup WHERE hospital_id = :h")
                .param("h", hospitalId)
                .query((RowCallbackHandler) rs -> {
                    result.put(new Day(rs.getLong(1), rs.getObject(2, LocalDate.class)), readMeasures(rs, 3));
                });
        return result;
    }

    /**
     * The rollups as they should be, recomputed from the live events alone (local dates in {@code zone}),
     * independently of how they were maintained.
     *
     * <p>Two passes over the hospital's events, neither of which joins the event table with itself: the
     * per-event measures grouped by channel and local date, and the response-time pairs found by grouping
     * the live REFERRAL and ACCEPTED events by {@code referral_id} (at most one live of each per referral,
     * engine.md §2, so {@code min} picks that one). A self-join on {@code referral_id} is quadratic when the
     * planner misjudges its size (a freshly loaded table without statistics: more than 10 minutes for the
     * 100,000 demo events); the grouping is one scan and one hash aggregate whatever the statistics say.
     */
    Map<Day, MeasureSums> recomputeFromEvents(long hospitalId, String zone) {
        Map<Day, MeasureSums> result = new HashMap<>();
        jdbc.sql("""
                        SELECT channel_id, CAST(occurred_at AT TIME ZONE :tz AS date),
                          count(*) FILTER (WHERE type = 'REFERRAL') AS referrals,
                          count(*) FILTER (WHERE type = 'ACCEPTED') AS accepted,
                          count(*) FILTER (WHERE type = 'ARRIVED') AS arrivals,
                          count(*) FILTER (WHERE type = 'CONVERTED') AS conversions,
                          coalesce(sum(value) FILTER (WHERE type = 'REVENUE'), 0) AS revenue,
                          count(*) FILTER (WHERE type = 'SURVEY') AS survey_count,
                          coalesce(sum(value) FILTER (WHERE type = 'SURVEY'), 0) AS survey_sum,
                          count(*) FILTER (WHERE type = 'SURVEY' AND value >= 4) AS satisfied,
                          count(*) FILTER (WHERE type = 'SURVEY' AND attributes->>'recommend' IS NOT NULL) AS nps_count,
                          count(*) FILTER (WHERE type = 'SURVEY' AND CAST(attributes->>'recommend' AS integer) >= 9) AS promoters,
                          count(*) FILTER (WHERE type = 'SURVEY' AND CAST(attributes->>'recommend' AS integer) <= 6) AS detractors,
                          count(*) FILTER (WHERE type = 'COMPLAINT') AS complaints,
                          count(*) FILTER (WHERE type = 'RETURN_VISIT') AS return_visits,
                          count(*) FILTER (WHERE type = 'FEEDBACK') AS feedbacks,
                          count(*) FILTER (WHERE type = 'REFERRAL_OUT') AS referrals_out,
                          0 AS response_count, 0 AS response_hours_sum
                        FROM intake_event WHERE hospital_id = :h AND voided_at IS NULL GROUP BY 1, 2
                        UNION ALL
                        SELECT p.channel_id, CAST(p.accepted_at AT TIME ZONE :tz AS date),
                          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                          count(*), sum(round(extract(epoch FROM p.accepted_at - p.referred_at) / 3600, 6))
                        FROM (SELECT referral_id,
                                min(channel_id) FILTER (WHERE type = 'REFERRAL') AS channel_id,
                                min(occurred_at) FILTER (WHERE type = 'REFERRAL') AS referred_at,
                                min(occurred_at) FILTER (WHERE type = 'ACCEPTED') AS accepted_at
                              FROM intake_event
                              WHERE hospital_id = :h AND voided_at IS NULL AND type IN ('REFERRAL', 'ACCEPTED')
                              GROUP BY referral_id) p
                        WHERE p.accepted_at >= p.referred_at
                        GROUP BY 1, 2""")
                .param("h", hospitalId).param("tz", zone)
                .query((RowCallbackHandler) rs -> {
                    Day day = new Day(rs.getLong(1), rs.getObject(2, LocalDate.class));
                    MeasureSums sums = result.computeIfAbsent(day, d -> new MeasureSums());
                    for (Measure m : Measure.values()) {
                        BigDecimal v = rs.getBigDecimal(m.key());
                        if (v != null && v.signum() != 0) {
                            sums.add(m, v);
                        }
                    }
                });
        return result;
    }

    private static MeasureSums readMeasures(ResultSet rs, int firstColumn) throws SQLException {
        MeasureSums sums = new MeasureSums();
        for (Measure m : Measure.values()) {
            BigDecimal v = rs.getBigDecimal(firstColumn + m.ordinal());
            if (v != null && v.signum() != 0) {
                sums.add(m, v);
            }
        }
        return sums;
    }
}
