package org.meridian.incentive;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.Explanation;
import org.meridian.incentive.rules.RuleType;
import org.meridian.incentive.rules.StatementLine;
import org.meridian.incentive.statements.StatementHeader;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.shared.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored statements and their append-only lines. The database refuses to change or delete a line,
 * or to add one to a statement that is no longer a DRAFT; totals are summed, never stored.
 */
@Repository
class Statements {

    private static final String HEADER = """
            id, channel_code, period, sequence, corrects_id, status, prepared_by, prepared_at, reviewed_by,
            reviewed_at, approved_by, approved_at, paid_by, paid_at, unit_type, tier, total, rank, measures::text,
            evaluation_id, evaluation_version, replaces_id, superseded_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Statements(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Statement> find(long hospitalId, long id) {
        Optional<Map.Entry<StatementHeader, ChannelResult>> head = jdbc.sql(
                        "SELECT " + HEADER + " FROM incentive_statement WHERE hospital_id = :h AND id = :id")
                .param("h", hospitalId).param("id", id).query(this::mapHead).optional();
        Statement.Source source = head.isEmpty() ? null : jdbc.sql("""
                        SELECT s.evaluation_id, s.evaluation_version, s.replaces_id,
                               (SELECT n.id FROM incentive_statement n
                                WHERE n.hospital_id = s.hospital_id AND n.replaces_id = s.id), s.superseded_at
                        FROM incentive_statement s WHERE s.hospital_id = :h AND s.id = :id""")
                .param("h", hospitalId).param("id", id)
                .query((rs, i) -> new Statement.Source((Long) rs.getObject(1), (Integer) rs.getObject(2),
                        (Long) rs.getObject(3), (Long) rs.getObject(4), IncentiveRules.instant(rs, 5))).single();
        return head.map(e -> new Statement(e.getKey(), e.getValue(), lines(hospitalId, id), source));
    }

    Optional<Long> firstFor(long hospitalId, String channelCode, String period) {
        return jdbc.sql("""
                        SELECT id FROM incentive_statement
                        WHERE hospital_id = :h AND channel_code = :c AND period = :p AND sequence = 1
                          AND status <> 'SUPERSEDED'""")
                .param("h", hospitalId).param("c", channelCode).param("p", period).query(Long.class).optional();
    }

    /** The statements of a channel and period that are not superseded, by sequence. */
    List<Statement> current(long hospitalId, String channelCode, String period) {
        return jdbc.sql("""
                        SELECT id FROM incentive_statement
                        WHERE hospital_id = :h AND channel_code = :c AND period = :p AND status <> 'SUPERSEDED'
                        ORDER BY sequence""")
                .param("h", hospitalId).param("c", channelCode).param("p", period).query(Long.class).list()
                .stream().map(id -> find(hospitalId, id).orElseThrow()).toList();
    }

    /** Whether a statement was already drafted from this evaluation for the channel (also a superseded one). */
    boolean draftedFrom(long hospitalId, long evaluationId, String channelCode) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM incentive_statement
                                       WHERE hospital_id = :h AND evaluation_id = :e AND channel_code = :c)""")
                .param("h", hospitalId).param("e", evaluationId).param("c", channelCode).query(Boolean.class).single();
    }

    int nextSequence(long hospitalId, String channelCode, String period) {
        return jdbc.sql("""
                        SELECT COALESCE(MAX(sequence), 0) + 1 FROM incentive_statement
                        WHERE hospital_id = :h AND channel_code = :c AND period = :p AND status <> 'SUPERSEDED'""")
                .param("h", hospitalId).param("c", channelCode).param("p", period).query(Integer.class).single();
    }

    /**
     * The statements of the hospital, newest period first, superseded drafts left out; {@code channelCode} and
     * {@code statuses} narrow the list when given (the channel view: one channel, APPROVED and PAID only).
     */
    List<StatementSummary> list(long hospitalId, String period, String channelCode, List<StatementStatus> statuses) {
        List<String> wanted = statuses == null || statuses.isEmpty()
                ? java.util.Arrays.stream(StatementStatus.values()).filter(x -> x != StatementStatus.SUPERSEDED)
                        .map(Enum::name).toList()
                : statuses.stream().map(Enum::name).toList();
        return jdbc.sql("""
                        SELECT s.id, s.channel_code, s.unit_type, s.period, s.sequence, s.corrects_id, s.status,
                               s.prepared_by, COUNT(l.line_no), COALESCE(SUM(l.amount), 0), s.evaluation_version
                        FROM incentive_statement s
                        LEFT JOIN incentive_statement_line l ON l.hospital_id = s.hospital_id AND l.statement_id = s.id
                        WHERE s.hospital_id = :h AND (:p = '' OR s.period = :p) AND (:c = '' OR s.channel_code = :c)
                          AND s.status IN (:st)
                        GROUP BY s.hospital_id, s.id
                        ORDER BY s.period DESC, s.channel_code, s.sequence""")
                .param("h", hospitalId).param("p", period == null ? "" : period)
                .param("c", channelCode == null ? "" : channelCode).param("st", wanted)
                .query((rs, i) -> new StatementSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), (Long) rs.getObject(6), StatementStatus.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getInt(9), rs.getBigDecimal(10).setScale(2), (Integer) rs.getObject(11)))
                .list();
    }

    /**
     * The latest period first: by the year, then the last month the period covers (a year ends in December, a half
     * in June or December, a quarter in its third month), then the shorter period first; so that 2026-Q3, 2026-09 and
     * 2026-H2 sort as people read them rather than as text.
     */
    static final String PERIOD_ORDER = " " + """
            substr(s.period, 1, 4) DESC,
            CASE WHEN length(s.period) = 4 THEN 12
                 WHEN s.period LIKE '____-H_' THEN 6 * CAST(right(s.period, 1) AS int)
                 WHEN s.period LIKE '____-Q_' THEN 3 * CAST(right(s.period, 1) AS int)
                 ELSE CAST(substr(s.period, 6, 2) AS int) END DESC,
            length(s.period) DESC""";

    /**
     * One page of the hospital's statements (superseded ones left out unless asked for by status), filtered by
     * period, by channel codes (null: any) and status, the latest period first.
     */
    org.meridian.shared.web.Paged<StatementSummary> page(long hospitalId, String period, List<String> channelCodes,
                                                         StatementStatus status, int page, int size) {
        List<String> wanted = status != null ? List.of(status.name())
                : java.util.Arrays.stream(StatementStatus.values()).filter(x -> x != StatementStatus.SUPERSEDED)
                        .map(Enum::name).toList();
        if (channelCodes != null && channelCodes.isEmpty()) {
            return new org.meridian.shared.web.Paged<>(List.of(), page, size, 0);
        }
        String where = """
                WHERE s.hospital_id = :h AND (:p = '' OR s.period = :p) AND s.status IN (:st)"""
                + (channelCodes == null ? "" : " AND s.channel_code IN (:c)");
        var count = jdbc.sql("SELECT COUNT(*) FROM incentive_statement s " + where)
                .param("h", hospitalId).param("p", period == null ? "" : period).param("st", wanted);
        var rows = jdbc.sql("""
                        SELECT s.id, s.channel_code, s.unit_type, s.period, s.sequence, s.corrects_id, s.status,
                               s.prepared_by, COUNT(l.line_no), COALESCE(SUM(l.amount), 0), s.evaluation_version
                        FROM incentive_statement s
                        LEFT JOIN incentive_statement_line l ON l.hospital_id = s.hospital_id AND l.statement_id = s.id
                        """ + where + """

                        GROUP BY s.hospital_id, s.id
                        ORDER BY """ + PERIOD_ORDER + """
                        , s.channel_code, s.sequence
                        LIMIT :size OFFSET :offset""")
                .param("h", hospitalId).param("p", period == null ? "" : period).param("st", wanted)
                .param("size", size).param("offset", (long) page * size);
        if (channelCodes != null) {
            count = count.param("c", channelCodes);
            rows = rows.param("c", channelCodes);
        }
        long total = count.query(Long.class).single();
        List<StatementSummary> items = rows.query((rs, i) -> new StatementSummary(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), (Long) rs.getObject(6),
                StatementStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9),
                rs.getBigDecimal(10).setScale(2), (Integer) rs.getObject(11))).list();
        return new org.meridian.shared.web.Paged<>(items, page, size, total);
    }

    /** The statements waiting for review (DRAFT) or approval (REVIEWED), each with the sum of its lines. */
    List<Map.Entry<StatementHeader, BigDecimal>> waiting(long hospitalId) {
        return jdbc.sql("SELECT " + HEADER + """
                        , (SELECT COALESCE(SUM(l.amount), 0) FROM incentive_statement_line l
                           WHERE l.hospital_id = incentive_statement.hospital_id
                             AND l.statement_id = incentive_statement.id)
                        FROM incentive_statement
                        WHERE hospital_id = :h AND status IN ('DRAFT', 'REVIEWED')
                        ORDER BY id""")
                .param("h", hospitalId)
                .query((rs, i) -> Map.entry(mapHead(rs, i).getKey(), rs.getBigDecimal(24).setScale(2)))
                .list();
    }

    /** The periods that have statements, the latest first (for the filter). */
    List<String> periods(long hospitalId) {
        return jdbc.sql("SELECT s.period FROM incentive_statement s WHERE s.hospital_id = :h GROUP BY s.period ORDER BY "
                        + PERIOD_ORDER)
                .param("h", hospitalId).query(String.class).list();
    }

    /** The channel codes that have statements. */
    List<String> channelCodes(long hospitalId) {
        return jdbc.sql("SELECT DISTINCT channel_code FROM incentive_statement WHERE hospital_id = :h ORDER BY 1")
                .param("h", hospitalId).query(String.class).list();
    }

    long insert(long hospitalId, ChannelResult result, String period, int sequence, Long corrects, String actor,
                Instant at) {
        return insert(hospitalId, result, period, sequence, corrects, actor, at, null, null, null);
    }

    long insert(long hospitalId, ChannelResult result, String period, int sequence, Long corrects, String actor,
                Instant at, Long evaluationId, Integer evaluationVersion, Long replaces) {
        return jdbc.sql("""
                        INSERT INTO incentive_statement (hospital_id, channel_code, unit_type, period, sequence,
                            corrects_id, tier, total, rank, measures, status, prepared_by, prepared_at, evaluation_id,
                            evaluation_version, replaces_id)
                        VALUES (:h, :c, :u, :p, :seq, :corr, :tier, :total, :rank, CAST(:m AS jsonb), 'DRAFT', :actor,
                            :at, :e, :ev, :rep)
                        RETURNING id""")
                .param("h", hospitalId).param("c", result.channelCode()).param("u", result.unitType().name())
                .param("p", period).param("seq", sequence).param("corr", corrects).param("tier", result.tier())
                .param("total", result.total()).param("rank", result.rank())
                .param("m", json.writeValueAsString(result.measureTotals())).param("actor", actor)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("e", evaluationId)
                .param("ev", evaluationVersion).param("rep", replaces)
                .query(Long.class).single();
    }

    /** Marks a DRAFT as superseded (kept, read-only, never counted); false if it is no longer a DRAFT. */
    boolean supersede(long hospitalId, long id, Instant at) {
        return jdbc.sql("""
                        UPDATE incentive_statement SET status = 'SUPERSEDED', superseded_at = :at
                        WHERE hospital_id = :h AND id = :id AND status = 'DRAFT'""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("h", hospitalId)
                .param("id", id).update() == 1;
    }

    /** Adds a line, written by {@code actor} at {@code at} (the injected clock's time, as everything in Meridian). */
    void addLine(long hospitalId, long statementId, StatementLine line, String actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO incentive_statement_line (hospital_id, statement_id, line_no, rule_type, rule_code,
                            rule_version, basis, basis_label, rate, amount, quantity, benefit, explanation, reason,
                            created_by, created_at)
                        VALUES (:h, :s, (SELECT COALESCE(MAX(line_no), 0) + 1 FROM incentive_statement_line
                                         WHERE hospital_id = :h AND statement_id = :s),
                            :type, :code, :version, :basis, :label, :rate, :amount, :qty, :benefit,
                            CAST(:why AS jsonb), :reason, :actor, :at)""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("h", hospitalId).param("s", statementId).param("type", line.ruleType().name())
                .param("code", line.ruleCode()).param("version", line.ruleVersion()).param("basis", line.basis())
                .param("label", line.basisLabel()).param("rate", line.rate()).param("amount", line.amount())
                .param("qty", line.quantity()).param("benefit", line.benefit())
                .param("why", json.writeValueAsString(line.explanation())).param("reason", line.reason())
                .param("actor", actor)
                .update();
    }

    /** Moves the statement to the header's state if it is still in {@code from}; false if it moved meanwhile. */
    boolean advance(long hospitalId, StatementHeader next, StatementStatus from) {
        return jdbc.sql("""
                        UPDATE incentive_statement SET status = :status, reviewed_by = :rb, reviewed_at = :ra,
                            approved_by = :ab, approved_at = :aa, paid_by = :pb, paid_at = :pa
                        WHERE hospital_id = :h AND id = :id AND status = :from""")
                .param("status", next.status().name()).param("rb", next.reviewedBy()).param("ra", ts(next.reviewedAt()))
                .param("ab", next.approvedBy()).param("aa", ts(next.approvedAt())).param("pb", next.paidBy())
                .param("pa", ts(next.paidAt())).param("h", hospitalId).param("id", next.id())
                .param("from", from.name())
                .update() == 1;
    }

    private List<StoredLine> lines(long hospitalId, long statementId) {
        return jdbc.sql("""
                        SELECT line_no, rule_type, rule_code, rule_version, basis, basis_label, rate, amount, quantity,
                               benefit, explanation::text, reason, created_by, created_at
                        FROM incentive_statement_line WHERE hospital_id = :h AND statement_id = :s ORDER BY line_no""")
                .param("h", hospitalId).param("s", statementId)
                .query((rs, i) -> new StoredLine(rs.getInt(1), new StatementLine(RuleType.valueOf(rs.getString(2)),
                        rs.getString(3), (Integer) rs.getObject(4), strip(rs.getBigDecimal(5)), rs.getString(6),
                        strip(rs.getBigDecimal(7)), rs.getBigDecimal(8), (Integer) rs.getObject(9), rs.getString(10),
                        json.readValue(rs.getString(11), new TypeReference<List<Explanation>>() { }),
                        rs.getString(12)), rs.getString(13), IncentiveRules.instant(rs, 14)))
                .list();
    }

    private Map.Entry<StatementHeader, ChannelResult> mapHead(ResultSet rs, int row) throws SQLException {
        StatementHeader header = new StatementHeader(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                (Long) rs.getObject(5), StatementStatus.valueOf(rs.getString(6)), rs.getString(7),
                IncentiveRules.instant(rs, 8), rs.getString(9), IncentiveRules.instant(rs, 10), rs.getString(11),
                IncentiveRules.instant(rs, 12), rs.getString(13), IncentiveRules.instant(rs, 14));
        Map<String, BigDecimal> measures = json.readValue(rs.getString(19),
                new TypeReference<Map<String, BigDecimal>>() { });
        ChannelResult result = new ChannelResult(rs.getString(2), UnitType.valueOf(rs.getString(15)),
                rs.getString(16), strip(rs.getBigDecimal(17)), (Integer) rs.getObject(18), measures);
        return Map.entry(header, result);
    }

    private static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
