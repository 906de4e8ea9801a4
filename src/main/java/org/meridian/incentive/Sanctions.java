package org.meridian.incentive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored sanctions of a hospital; every query is scoped to one hospital. */
@Repository
class Sanctions {

    private static final String COLUMNS = """
            id, channel_code, unit_type, period, evaluation_id, evaluation_version, rule_code, rule_version, lowest_tier,
            level, streak, status, outcome, decided_by, decided_at, decision_note, created_at, retired_period, retired_tier,
            retired_at, superseded_period""";

    private final JdbcClient jdbc;

    Sanctions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long hospitalId, long evaluationId, String channelCode) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM incentive_sanction
                                       WHERE hospital_id = :h AND evaluation_id = :e AND channel_code = :c)""")
                .param("h", hospitalId).param("e", evaluationId).param("c", channelCode).query(Boolean.class).single();
    }

    long insert(long hospitalId, String channelCode, String unitType, String period, long evaluationId,
                int evaluationVersion, String ruleCode, int ruleVersion, String lowestTier, String level, int streak,
                String status, String outcome, String supersededPeriod, Instant at) {
        return jdbc.sql("""
                        INSERT INTO incentive_sanction (hospital_id, channel_code, unit_type, period, evaluation_id,
                            evaluation_version, rule_code, rule_version, lowest_tier, level, streak, status, outcome,
                            superseded_period, created_at)
                        VALUES (:h, :c, :u, :p, :e, :ev, :rc, :rv, :lt, :l, :s, :st, :o, :sp, :at)
                        RETURNING id""")
                .param("sp", supersededPeriod).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("h", hospitalId).param("c", channelCode).param("u", unitType).param("p", period)
                .param("e", evaluationId).param("ev", evaluationVersion).param("rc", ruleCode).param("rv", ruleVersion)
                .param("lt", lowestTier).param("l", level).param("s", streak).param("st", status).param("o", outcome)
                .query(Long.class).single();
    }

    /** Pending recommendations of the channel and period from another evaluation (an older version) are superseded. */
    int supersedePending(long hospitalId, String channelCode, String period, long evaluationId) {
        return jdbc.sql("""
                        UPDATE incentive_sanction SET status = 'SUPERSEDED',
                            outcome = 'superseded by the sanction check of evaluation ' || :e
                        WHERE hospital_id = :h AND channel_code = :c AND period = :p AND status = 'PENDING'
                          AND evaluation_id <> :e""")
                .param("h", hospitalId).param("c", channelCode).param("p", period).param("e", evaluationId).update();
    }

    /**
     * A pending termination recommendation gives way to the channel's recommendation of {@code laterPeriod}: the
     * channel stayed in the lowest tier, and the later recommendation (with the longer streak) is the one to decide.
     * False when it is no longer pending.
     */
    boolean supersedeByLater(long hospitalId, long id, String laterPeriod, String outcome) {
        return jdbc.sql("""
                        UPDATE incentive_sanction SET status = 'SUPERSEDED', superseded_period = :lp, outcome = :o
                        WHERE hospital_id = :h AND id = :id AND status = 'PENDING'""")
                .param("lp", laterPeriod).param("o", outcome).param("h", hospitalId).param("id", id).update() == 1;
    }

    /** The channel's termination recommendations still waiting for a hospital manager, oldest period first. */
    List<Sanction> pendingTerminations(long hospitalId, String channelCode) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM incentive_sanction
                        WHERE hospital_id = :h AND channel_code = :c AND status = 'PENDING'
                          AND level = 'TERMINATION_RECOMMENDED'
                        ORDER BY id""")
                .param("h", hospitalId).param("c", channelCode).query(Sanctions::map).list();
    }

    /**
     * Retires a pending termination recommendation: {@code laterPeriod}'s evaluation put the channel in
     * {@code tier}, not the lowest. False when it is no longer pending.
     */
    boolean retire(long hospitalId, long id, String laterPeriod, String tier, Instant at, String outcome) {
        return jdbc.sql("""
                        UPDATE incentive_sanction SET status = 'RETIRED', retired_period = :lp, retired_tier = :t,
                            retired_at = :at, outcome = :o
                        WHERE hospital_id = :h AND id = :id AND status = 'PENDING'""")
                .param("lp", laterPeriod).param("t", tier).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("o", outcome).param("h", hospitalId).param("id", id).update() == 1;
    }

    boolean decide(long hospitalId, long id, String status, String actor, Instant at, String note, String outcome) {
        return jdbc.sql("""
                        UPDATE incentive_sanction SET status = :st, decided_by = :by, decided_at = :at,
                            decision_note = :note, outcome = :o
                        WHERE hospital_id = :h AND id = :id AND status = 'PENDING'""")
                .param("st", status).param("by", actor).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("note", note).param("o", outcome).param("h", hospitalId).param("id", id).update() == 1;
    }

    Optional<Sanction> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + COLUMNS + " FROM incentive_sanction", hospitalId, id, Sanctions::map);
    }

    /** The hospital's sanctions, newest period first; of one channel when {@code channelCode} is given. */
    List<Sanction> list(long hospitalId, String channelCode) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM incentive_sanction WHERE hospital_id = :h AND (:c = '' OR channel_code = :c)
                        ORDER BY period DESC, channel_code, id DESC""")
                .param("h", hospitalId).param("c", channelCode == null ? "" : channelCode).query(Sanctions::map).list();
    }

    /** One page of the hospital's sanctions, filtered by channel codes (null: any) and status, latest first. */
    org.meridian.shared.web.Paged<Sanction> page(long hospitalId, java.util.List<String> channelCodes, String status,
                                                 int page, int size) {
        if (channelCodes != null && channelCodes.isEmpty()) {
            return new org.meridian.shared.web.Paged<>(java.util.List.of(), page, size, 0);
        }
        String where = " FROM incentive_sanction s WHERE s.hospital_id = :h AND (:st = '' OR s.status = :st)"
                + (channelCodes == null ? "" : " AND s.channel_code IN (:c)");
        var count = jdbc.sql("SELECT COUNT(*)" + where).param("h", hospitalId).param("st", status == null ? "" : status);
        var rows = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY "
                        + Statements.PERIOD_ORDER + ", s.channel_code, s.id DESC LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("st", status == null ? "" : status)
                .param("size", size).param("offset", (long) page * size);
        if (channelCodes != null) {
            count = count.param("c", channelCodes);
            rows = rows.param("c", channelCodes);
        }
        long total = count.query(Long.class).single();
        return new org.meridian.shared.web.Paged<>(rows.query(Sanctions::map).list(), page, size, total);
    }

    /** The sanctions still waiting for a manager's decision (termination recommendations), latest first. */
    java.util.List<Sanction> pending(long hospitalId) {
        return list(hospitalId, null).stream().filter(Sanction::pending).toList();
    }

    /** The channel codes that have sanctions. */
    java.util.List<String> channelCodes(long hospitalId) {
        return jdbc.sql("SELECT DISTINCT channel_code FROM incentive_sanction WHERE hospital_id = :h ORDER BY 1")
                .param("h", hospitalId).query(String.class).list();
    }

    private static Sanction map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Sanction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                rs.getString(12), rs.getString(13), rs.getString(14), IncentiveRules.instant(rs, 15), rs.getString(16),
                IncentiveRules.instant(rs, 17), rs.getString(18), rs.getString(19), IncentiveRules.instant(rs, 20), rs.getString(21));
    }
}
