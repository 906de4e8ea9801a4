package org.meridian.intake;

import org.meridian.shared.db.BinaryCopyRows;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The monthly statistics, their restatements and the hospitals' statistics settings, always filtered by hospital. */
@Repository
class Statistics {

    /** First key of the advisory lock that serialises a hospital's statistics batches. */
    private static final int LOCK_SPACE = 0x5741_7453;

    /** A statistic's identity: unit, measure, month. */
    record Key(long unitId, String measure, YearMonth month) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Statistics(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Holds the hospital's statistics lock until the transaction ends, so that concurrent batches queue up. */
    void lock(long hospitalId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, CAST(:h AS integer))")
                .param("space", LOCK_SPACE).param("h", (int) hospitalId).query((rs, n) -> 1).single();
    }

    /** The stored values of the given keys (and possibly of a few more with the same unit, measure and month). */
    Map<Key, BigDecimal> current(long hospitalId, Collection<Key> keys) {
        Map<Key, BigDecimal> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT unit_id, measure, month, value FROM statistic
                        WHERE hospital_id = :h AND unit_id IN (:units) AND measure IN (:measures) AND month IN (:months)""")
                .param("h", hospitalId)
                .param("units", keys.stream().map(Key::unitId).distinct().toList())
                .param("measures", keys.stream().map(Key::measure).distinct().toList())
                .param("months", keys.stream().map(k -> k.month().atDay(1)).distinct().toList())
                .query(rs -> {
                    found.put(new Key(rs.getLong(1), rs.getString(2),
                            YearMonth.from(rs.getObject(3, LocalDate.class))), rs.getBigDecimal(4));
                });
        return found;
    }

    /**
     * Stores values whose keys have none yet, with one binary {@code COPY} (a batch of 10,000 new values costs
     * little more than the rows themselves). The caller holds the hospital's lock ({@link #lock}) and has read
     * that the keys are absent, so no concurrent batch can have stored them meanwhile.
     */
    void insert(long hospitalId, Map<Key, BigDecimal> values, Instant at, String by) {
        if (values.isEmpty()) {
            return;
        }
        BinaryCopyRows rows = new BinaryCopyRows(values.size() * 96);
        values.forEach((k, v) -> rows.row(7).int8(hospitalId).int8(k.unitId()).text(k.measure())
                .date(k.month().atDay(1)).numeric(v).timestamptz(at).text(by));
        rows.copy(template, """
                COPY statistic (hospital_id, unit_id, measure, month, value, reported_at, reported_by)
                FROM STDIN (FORMAT binary)""");
    }

    /** Replaces the values in force of keys that have one (restatements). */
    void update(long hospitalId, Map<Key, BigDecimal> values, Instant at, String by) {
        if (values.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(values.size());
        Timestamp ts = Timestamp.from(at);
        values.forEach((k, v) -> args.add(new Object[] {v, ts, by, hospitalId, k.unitId(), k.measure(),
                Date.valueOf(k.month().atDay(1))}));
        template.batchUpdate("""
                UPDATE statistic SET value = ?, reported_at = ?, reported_by = ?
                WHERE hospital_id = ? AND unit_id = ? AND measure = ? AND month = ?""", args);
    }

    void insertRestatements(long hospitalId, List<Restatement> restatements) {
        List<Object[]> args = new ArrayList<>(restatements.size());
        for (Restatement r : restatements) {
            args.add(new Object[] {hospitalId, r.unitId(), r.measure(), Date.valueOf(r.month().atDay(1)),
                    r.oldValue(), r.newValue(), r.reason(), Timestamp.from(r.restatedAt()), r.restatedBy()});
        }
        template.batchUpdate("""
                INSERT INTO statistic_restatement (hospital_id, unit_id, measure, month, old_value, new_value, reason,
                                                   restated_at, restated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
    }

    /** Every value of the hospital from month {@code from} to month {@code to}, by unit, measure and month. */
    List<StatisticValue> between(long hospitalId, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        SELECT unit_id, measure, month, value FROM statistic
                        WHERE hospital_id = :h AND month BETWEEN :from AND :to
                        ORDER BY unit_id, measure, month""")
                .param("h", hospitalId).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query(Statistics::value).list();
    }

    /** A measure's values over a period for one unit, added up in the database. */
    record Summed(long unitId, String measure, BigDecimal sum, long months, BigDecimal latest) {
    }

    /** A unit's measure over every month: what a latest value belongs to. */
    private record UnitMeasure(long unitId, String measure) {
    }

    /**
     * Every unit's values from month {@code from} to month {@code to}, per measure: their sum, how many months have
     * one and, for the measures {@code latestNeeded}, the latest month's value (else null): 50,000 rows for 2,000
     * units × 25 measures instead of 600,000 monthly ones.
     */
    List<Summed> summed(long hospitalId, YearMonth from, YearMonth to, Collection<String> latestNeeded) {
        Map<UnitMeasure, BigDecimal> latest = new HashMap<>();
        if (!latestNeeded.isEmpty()) {
            jdbc.sql("""
                            SELECT DISTINCT ON (unit_id, measure) unit_id, measure, month, value FROM statistic
                            WHERE hospital_id = :h AND month BETWEEN :from AND :to AND measure IN (:m)
                            ORDER BY unit_id, measure, month DESC""")
                    .param("h", hospitalId).param("from", from.atDay(1)).param("to", to.atDay(1))
                    .param("m", List.copyOf(latestNeeded))
                    .query((ResultSet rs) -> {
                        latest.put(new UnitMeasure(rs.getLong(1), rs.getString(2)), rs.getBigDecimal(4));
                    });
        }
        return jdbc.sql("""
                        SELECT unit_id, measure, sum(value), count(*) FROM statistic
                        WHERE hospital_id = :h AND month BETWEEN :from AND :to
                        GROUP BY unit_id, measure""")
                .param("h", hospitalId).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query((rs, n) -> new Summed(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4),
                        latest.get(new UnitMeasure(rs.getLong(1), rs.getString(2))))).list();
    }

    /** Per unit and month, which of the given measures have a value from month {@code from} to month {@code to}. */
    java.util.Map<Long, java.util.Map<YearMonth, java.util.Set<String>>> reported(long hospitalId, YearMonth from,
                                                                              YearMonth to,
                                                                              java.util.Collection<String> measures) {
        java.util.Map<Long, java.util.Map<YearMonth, java.util.Set<String>>> found = new java.util.HashMap<>();
        if (measures.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT unit_id, month, measure FROM statistic
                        WHERE hospital_id = :h AND month BETWEEN :from AND :to AND measure IN (:m)""")
                .param("h", hospitalId).param("from", from.atDay(1)).param("to", to.atDay(1))
                .param("m", java.util.List.copyOf(measures))
                .query((java.sql.ResultSet rs) -> {
                    found.computeIfAbsent(rs.getLong(1), u -> new java.util.HashMap<>())
                            .computeIfAbsent(YearMonth.from(rs.getObject(2, java.time.LocalDate.class)),
                                    m -> new java.util.HashSet<>()).add(rs.getString(3));
                });
        return found;
    }

    /** One unit's values from month {@code from} to month {@code to}, by measure and month. */
    List<StatisticValue> ofUnit(long hospitalId, long unitId, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        SELECT unit_id, measure, month, value FROM statistic
                        WHERE hospital_id = :h AND unit_id = :u AND month BETWEEN :from AND :to
                        ORDER BY measure, month""")
                .param("h", hospitalId).param("u", unitId).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query(Statistics::value).list();
    }

    long countRestatements(long hospitalId, long unitId) {
        return jdbc.sql("SELECT count(*) FROM statistic_restatement WHERE hospital_id = :h AND unit_id = :u")
                .param("h", hospitalId).param("u", unitId).query(Long.class).single();
    }

    /** A unit's restatements, latest first. */
    List<Restatement> restatements(long hospitalId, long unitId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT unit_id, measure, month, old_value, new_value, reason, restated_by, restated_at
                        FROM statistic_restatement WHERE hospital_id = :h AND unit_id = :u
                        ORDER BY restated_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("h", hospitalId).param("u", unitId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Restatement(rs.getLong(1), rs.getString(2),
                        YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    boolean restatementNeedsReason(long hospitalId) {
        return jdbc.sql("SELECT restatement_needs_reason FROM statistic_setting WHERE hospital_id = :h")
                .param("h", hospitalId).query(Boolean.class).optional().orElse(false);
    }

    void setRestatementNeedsReason(long hospitalId, boolean needed) {
        jdbc.sql("""
                        INSERT INTO statistic_setting (hospital_id, restatement_needs_reason) VALUES (:h, :n)
                        ON CONFLICT (hospital_id) DO UPDATE SET restatement_needs_reason = EXCLUDED.restatement_needs_reason""")
                .param("h", hospitalId).param("n", needed).update();
    }

    private static StatisticValue value(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StatisticValue(rs.getLong(1), rs.getString(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                rs.getBigDecimal(4));
    }
}
