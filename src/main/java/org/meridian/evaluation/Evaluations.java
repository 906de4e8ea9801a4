package org.meridian.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.indicator.scoring.Scorecard;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.db.BinaryCopyRows;
import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluations with their scorecards, indicator lines and frozen measure totals (tables {@code evaluation},
 * {@code evaluation_scorecard} with each scorecard's lines as a JSON array, {@code evaluation_measure_totals}).
 */
@Repository
class Evaluations {

    private static final String COLUMNS = """
            e.id, e.period, e.unit_type, e.version, e.status, e.scheme_version, e.ran_at, e.ran_by, e.published_at,
            e.published_by, (SELECT count(*) FROM evaluation_scorecard s
                             WHERE s.hospital_id = e.hospital_id AND s.evaluation_id = e.id) AS units""";

    /** The unit types whose units are channels, bound where SQL must tell them from departments and institutions. */
    /**
     * A channel's latest published evaluation first: the newest period end; of two ending together the shorter
     * period (a month before its quarter); the newest version.
     */
    static final String LATEST_FIRST = "e.period_end DESC, e.period_start DESC, e.version DESC";

    private static final List<String> CHANNEL_TYPES = UnitType.channelTypes().stream().map(UnitType::name).toList();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    Evaluations(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** Serialises concurrent runs of the same (hospital, period, unit type) until the transaction ends. */
    void lockSubject(long hospitalId, Period period, UnitType unitType) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", "evaluation/" + hospitalId + "/" + period + "/" + unitType.name())
                .query((rs, i) -> 1).list();
    }

    Optional<Evaluation> find(long hospitalId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation e WHERE e.hospital_id = :h AND e.id = :id")
                .param("h", hospitalId).param("id", id).query(Evaluations::evaluation).optional();
    }

    Optional<Evaluation> lock(long hospitalId, long id) {
        jdbc.sql("SELECT id FROM evaluation WHERE hospital_id = :h AND id = :id FOR UPDATE")
                .param("h", hospitalId).param("id", id).query(Long.class).optional();
        return find(hospitalId, id);
    }

    Optional<Evaluation> latest(long hospitalId, Period period, UnitType unitType) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                         FROM evaluation e WHERE e.hospital_id = :h AND e.period = :p AND e.unit_type = :t
                        ORDER BY e.version DESC LIMIT 1""")
                .param("h", hospitalId).param("p", period.toString()).param("t", unitType.name())
                .query(Evaluations::evaluation).optional();
    }

    /** The version in force of (period, unit type): its newest published one. */
    Optional<Evaluation> latestPublished(long hospitalId, Period period, UnitType unitType) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                         FROM evaluation e WHERE e.hospital_id = :h AND e.period = :p AND e.unit_type = :t
                         AND e.status = 'PUBLISHED' ORDER BY e.version DESC LIMIT 1""")
                .param("h", hospitalId).param("p", period.toString()).param("t", unitType.name())
                .query(Evaluations::evaluation).optional();
    }

    /**
     * Newest period first, then unit type, newest version first; when {@code publishedOnly} (a channel's user), drafts
     * and evaluations of departments and institutions are left out.
     */
    Paged<Evaluation> search(long hospitalId, Period period, UnitType unitType, boolean publishedOnly, int page,
                             int size) {
        String where = """
                 WHERE e.hospital_id = :h AND (CAST(:p AS varchar) IS NULL OR e.period = :p)
                 AND (CAST(:t AS varchar) IS NULL OR e.unit_type = :t)
                 AND (NOT :pub OR e.status = 'PUBLISHED' AND e.unit_type IN (:channelTypes))""";
        String p = period == null ? null : period.toString();
        String t = unitType == null ? null : unitType.name();
        long total = jdbc.sql("SELECT count(*) FROM evaluation e " + where)
                .param("h", hospitalId).param("p", p).param("t", t).param("pub", publishedOnly)
                .param("channelTypes", CHANNEL_TYPES).query(Long.class).single();
        List<Evaluation> items = jdbc.sql("SELECT " + COLUMNS + " FROM evaluation e " + where + " " + """
                         ORDER BY e.period_end DESC, e.period_start DESC, e.unit_type, e.version DESC
                        LIMIT :size OFFSET :offset""")
                .param("h", hospitalId).param("p", p).param("t", t).param("pub", publishedOnly)
                .param("channelTypes", CHANNEL_TYPES).param("size", size).param("offset", (long) page * size)
                .query(Evaluations::evaluation).list();
        return new Paged<>(items, page, size, total);
    }

    /**
     * For each of these hospitals, the first published evaluation among its {@code among} first in the order of
     * {@link #search} (newest period first, then unit type, newest version first), every unit type; by hospital id, a
     * hospital without one left out. One query, one probe of each hospital's evaluations.
     */
    Map<Long, Evaluation> firstPublishedOfEach(java.util.Collection<Long> hospitalIds, int among) {
        Map<Long, Evaluation> out = new java.util.HashMap<>();
        if (hospitalIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT h.hospital_id AS of_hospital, " + COLUMNS + """
                         FROM (SELECT DISTINCT hospital_id FROM evaluation WHERE hospital_id IN (:ids)) h
                        CROSS JOIN LATERAL (
                            SELECT * FROM (SELECT * FROM evaluation x WHERE x.hospital_id = h.hospital_id
                                           ORDER BY x.period_end DESC, x.period_start DESC, x.unit_type,
                                                    x.version DESC
                                           LIMIT :among) n
                            WHERE n.status = 'PUBLISHED'
                            ORDER BY n.period_end DESC, n.period_start DESC, n.unit_type, n.version DESC
                            LIMIT 1) e""")
                .param("ids", hospitalIds).param("among", among)
                .query((ResultSet rs) -> {
                    out.put(rs.getLong("of_hospital"), evaluation(rs, 0));
                });
        return out;
    }

    long insert(long hospitalId, Period period, UnitType unitType, int version, int schemeVersion, String scheme,
                Instant ranAt, String ranBy) {
        return jdbc.sql("""
                        INSERT INTO evaluation (hospital_id, period, period_start, period_end, unit_type, version,
                                                status, scheme_version, scheme, ran_at, ran_by)
                        VALUES (:h, :p, :start, :end, :t, :v, 'DRAFT', :sv, CAST(:scheme AS jsonb), :at, :by)
                        RETURNING id""")
                .param("h", hospitalId).param("p", period.toString()).param("start", period.firstDay())
                .param("end", period.lastDay()).param("t", unitType.name()).param("v", version)
                .param("sv", schemeVersion).param("scheme", scheme).param("at", utc(ranAt)).param("by", ranBy)
                .query(Long.class).single();
    }

    /** Replaces a draft's run: its scheme copy, run time and runner; its scorecards are deleted. */
    void rerun(long hospitalId, long id, int schemeVersion, String scheme, Instant ranAt, String ranBy) {
        jdbc.sql("DELETE FROM evaluation_scorecard WHERE hospital_id = :h AND evaluation_id = :id")
                .param("h", hospitalId).param("id", id).update();
        int n = jdbc.sql("""
                        UPDATE evaluation SET scheme_version = :sv, scheme = CAST(:scheme AS jsonb), ran_at = :at,
                               ran_by = :by
                        WHERE hospital_id = :h AND id = :id AND status = 'DRAFT'""")
                .param("h", hospitalId).param("id", id).param("sv", schemeVersion).param("scheme", scheme)
                .param("at", utc(ranAt)).param("by", ranBy).update();
        if (n != 1) {
            throw new IllegalStateException("evaluation " + id + " is not a draft");
        }
    }

    void publish(long hospitalId, long id, Instant at, String by) {
        jdbc.sql("""
                        UPDATE evaluation SET status = 'PUBLISHED', published_at = :at, published_by = :by
                        WHERE hospital_id = :h AND id = :id AND status = 'DRAFT'""")
                .param("h", hospitalId).param("id", id).param("at", utc(at)).param("by", by).update();
    }

    String scheme(long hospitalId, long id) {
        return jdbc.sql("SELECT scheme::text FROM evaluation WHERE hospital_id = :h AND id = :id")
                .param("h", hospitalId).param("id", id).query(String.class).single();
    }

    /** Stores a run's scorecards with their indicator lines, in the given (rank) order, in two batches. */
    void insertScorecards(long hospitalId, long evaluationId, List<UnitScorecard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        // one binary COPY, each scorecard with its lines as one JSON array (docs/evaluations.md, "How scorecards are
        // stored"): 5,000 scorecards with 60,000 lines went out as 65,000 INSERTs at first, then as two COPYs whose
        // 60,000 line rows (each with its index entry and foreign-key check) were most of a run's time. The rows go
        // out in slices of 256 KiB while the next are written, so the server stores them meanwhile, and each
        // scorecard's JSON is written into one reused builder and encoded straight into the rows (no string and
        // no copy of all 5,000 rows in memory: docs/benchmarks.md, "Storing a run while it is written")
        StringBuilder lines = new StringBuilder(16 * 1024);
        int position = 0;
        try (BinaryCopyRows.Streamed copy = BinaryCopyRows.stream(batch, """
                COPY evaluation_scorecard (hospital_id, evaluation_id, channel_id, channel_code, channel_name, region,
                     total, coverage, rank, tier, position, lines) FROM STDIN (FORMAT binary)""", 256 * 1024)) {
            for (UnitScorecard c : cards) {
                lines.setLength(0);
                copy.row(12).int8(hospitalId).int8(evaluationId).int8(c.channelId()).text(c.channel())
                        .text(c.channelName()).text(c.region()).numeric(c.total()).numeric(c.coverage())
                        .int4OrNull(c.rank()).text(c.tier()).int4(position++)
                        .json(ScorecardJson.lines(lines, c.indicators()));
            }
            copy.finish();
        }
    }

    /** A scorecard's lines read back from their JSON array. */
    List<UnitScorecard.Line> lines(String text) {
        return json.readValue(text, STORED_LINES).stream().map(l -> new UnitScorecard.Line(l.code(), l.value(),
                l.score(), l.weight(), l.contribution(), l.peerMedian(), l.why())).toList();
    }

    /** One line of a scorecard as its stored JSON is read ({@link ScorecardJson} writes it). */
    record StoredLine(String code, BigDecimal value, BigDecimal score, BigDecimal weight, BigDecimal contribution,
                      BigDecimal peerMedian, Scorecard.Explanation why) {
    }

    private static final TypeReference<List<StoredLine>> STORED_LINES = new TypeReference<>() { };

    /**
     * Stores the measure totals each scorecard of a run was scored from (by channel id), with one binary COPY, in
     * the run's transaction; deleted with their scorecards when a draft is re-run.
     */
    void insertMeasureTotals(long hospitalId, long evaluationId, Map<Long, MeasureTotals> totals) {
        if (totals.isEmpty()) {
            return;
        }
        // written by hand and sent while written, as the scorecards are (Jackson for 5,000 small maps cost 0.1-0.2 s)
        StringBuilder text = new StringBuilder(512);
        try (BinaryCopyRows.Streamed copy = BinaryCopyRows.stream(batch, """
                COPY evaluation_measure_totals (hospital_id, evaluation_id, channel_id, totals)
                FROM STDIN (FORMAT binary)""", 256 * 1024)) {
            totals.forEach((channelId, t) -> {
                text.setLength(0);
                copy.row(4).int8(hospitalId).int8(evaluationId).int8(channelId)
                        .jsonb(ScorecardJson.totals(text, t.byKey()));
            });
            copy.finish();
        }
    }

    /**
     * The stored measure totals of an evaluation's scorecards by channel code, optionally only one channel's; a
     * scorecard stored before measure totals were (2026-12-04) has none.
     */
    Map<String, MeasureTotals> measureTotals(long hospitalId, long evaluationId, Long channelId) {
        Map<String, MeasureTotals> byCode = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.channel_code, t.totals::text
                        FROM evaluation_measure_totals t JOIN evaluation_scorecard s
                             ON s.hospital_id = t.hospital_id AND s.evaluation_id = t.evaluation_id
                             AND s.channel_id = t.channel_id
                        WHERE t.hospital_id = :h AND t.evaluation_id = :e
                        AND (CAST(:c AS bigint) IS NULL OR t.channel_id = :c)
                        ORDER BY s.channel_code""")
                .param("h", hospitalId).param("e", evaluationId).param("c", channelId)
                .query((ResultSet rs) -> {
                    byCode.put(rs.getString(1), new MeasureTotals(json.readValue(rs.getString(2),
                            new TypeReference<java.util.TreeMap<String, BigDecimal>>() { })));
                });
        return byCode;
    }

    /**
     * One page of an evaluation's scorecards in rank order (unranked last, then by code), optionally only one
     * channel's.
     */
    Paged<UnitScorecard> scorecards(long hospitalId, long evaluationId, Long channelId, int page, int size) {
        long total = jdbc.sql("""
                        SELECT count(*) FROM evaluation_scorecard WHERE hospital_id = :h AND evaluation_id = :e
                        AND (CAST(:c AS bigint) IS NULL OR channel_id = :c)""")
                .param("h", hospitalId).param("e", evaluationId).param("c", channelId).query(Long.class).single();
        List<UnitScorecard> cards = new ArrayList<>();
        jdbc.sql("""
                        SELECT channel_id, channel_code, channel_name, region, total, coverage, rank, tier, lines::text
                        FROM evaluation_scorecard WHERE hospital_id = :h AND evaluation_id = :e
                        AND (CAST(:c AS bigint) IS NULL OR channel_id = :c)
                        ORDER BY\s""" + RANK_ORDER + " LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("e", evaluationId).param("c", channelId).param("size", size)
                .param("offset", (long) page * size)
                .query((ResultSet rs) -> {
                    Row r = row(rs);
                    cards.add(new UnitScorecard(r.id(), r.code(), r.name(), r.region(), r.total(), r.coverage(),
                            r.rank(), r.tier(), lines(rs.getString(9))));
                });
        return new Paged<>(cards, page, size, total);
    }

    /** Every scorecard of an evaluation in rank order, optionally only one channel's, without their lines. */
    List<UnitScorecard> ranking(long hospitalId, long evaluationId, Long channelId) {
        return rows(hospitalId, evaluationId, channelId, Integer.MAX_VALUE, 0).stream()
                .map(r -> new UnitScorecard(r.id(), r.code(), r.name(), r.region(), r.total(), r.coverage(), r.rank(),
                        r.tier(), List.of()))
                .toList();
    }

    /** Scorecards' heads (no lines) in rank order (unranked last, then by code), one slice. */
    private List<Row> rows(long hospitalId, long evaluationId, Long channelId, int limit, long offset) {
        return jdbc.sql("""
                        SELECT channel_id, channel_code, channel_name, region, total, coverage, rank, tier
                        FROM evaluation_scorecard WHERE hospital_id = :h AND evaluation_id = :e
                        AND (CAST(:c AS bigint) IS NULL OR channel_id = :c)
                        ORDER BY\s""" + RANK_ORDER + " LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("e", evaluationId).param("c", channelId).param("size", limit)
                .param("offset", offset)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** Scorecards in rank order: unranked last, then by their position in the run, then by code. */
    private static final String RANK_ORDER = "rank NULLS LAST, position, channel_code";

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), (Integer) rs.getObject(7), rs.getString(8));
    }

    /** The id (in its kind's registry) of the unit of this code in an evaluation's scorecards, if it was scored. */
    Optional<Long> scoredUnit(long hospitalId, long evaluationId, String code) {
        return jdbc.sql("""
                        SELECT channel_id FROM evaluation_scorecard
                        WHERE hospital_id = :h AND evaluation_id = :e AND channel_code = :code""")
                .param("h", hospitalId).param("e", evaluationId).param("code", code).query(Long.class).optional();
    }

    /** The drafts of the hospital (evaluations not yet published), oldest run first. */
    List<Evaluation> drafts(long hospitalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation e WHERE e.hospital_id = :h AND e.status = 'DRAFT'"
                        + " ORDER BY e.ran_at, e.id")
                .param("h", hospitalId).query(Evaluations::evaluation).list();
    }

    /**
     * The id of the newest published evaluation of a channel type (latest period, then version) with a scorecard of
     * the channel.
     */
    java.util.Optional<Long> latestPublishedWith(long hospitalId, long channelId) {
        return jdbc.sql("""
                        SELECT e.id FROM evaluation e JOIN evaluation_scorecard s
                             ON s.hospital_id = e.hospital_id AND s.evaluation_id = e.id
                        WHERE e.hospital_id = :h AND s.channel_id = :c AND e.status = 'PUBLISHED'
                          AND e.unit_type IN (:channelTypes)
                        ORDER BY\s""" + LATEST_FIRST + " LIMIT 1")
                .param("h", hospitalId).param("c", channelId).param("channelTypes", CHANNEL_TYPES)
                .query(Long.class).optional();
    }

    /**
     * Every scored channel's code with the id of its latest published evaluation ({@link #LATEST_FIRST}), the
     * oldest of those evaluations first (so that applying them in this order leaves each channel with its latest).
     */
    Map<String, Long> latestPublishedOfEachChannel(long hospitalId) {
        Map<String, Long> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT l.channel_code, l.id FROM (
                            SELECT DISTINCT ON (s.channel_id) s.channel_code, e.id, e.period_end, e.period_start,
                                   e.version
                            FROM evaluation e JOIN evaluation_scorecard s
                                 ON s.hospital_id = e.hospital_id AND s.evaluation_id = e.id
                            WHERE e.hospital_id = :h AND e.status = 'PUBLISHED' AND e.unit_type IN (:channelTypes)
                            ORDER BY s.channel_id,\s""" + LATEST_FIRST + """
                        ) l ORDER BY l.period_end, l.period_start, l.version, l.id, l.channel_code""")
                .param("h", hospitalId).param("channelTypes", CHANNEL_TYPES)
                .query((ResultSet rs) -> {
                    latest.put(rs.getString(1), rs.getLong(2));
                });
        return latest;
    }

    List<TrendPoint> publishedTotals(long hospitalId, long channelId, UnitType unitType) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (e.period) e.period, e.id, e.version, s.total, s.rank, s.tier, e.period_start,
                               e.period_end
                        FROM evaluation e JOIN evaluation_scorecard s
                             ON s.hospital_id = e.hospital_id AND s.evaluation_id = e.id
                        WHERE e.hospital_id = :h AND s.channel_id = :c AND e.unit_type = :t AND e.status = 'PUBLISHED'
                        ORDER BY e.period, e.version DESC""")
                .param("h", hospitalId).param("c", channelId).param("t", unitType.name())
                .query((rs, i) -> new TrendPoint(Period.parse(rs.getString(1)).orElseThrow(), rs.getLong(2),
                        rs.getInt(3), rs.getBigDecimal(4), (Integer) rs.getObject(5), rs.getString(6)))
                .list().stream().sorted(java.util.Comparator.comparing(TrendPoint::period)).toList();
    }

    private record Row(long id, String code, String name, String region, BigDecimal total, BigDecimal coverage,
                       Integer rank, String tier) {
    }

    private static Evaluation evaluation(ResultSet rs, int i) throws SQLException {
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new Evaluation(rs.getLong("id"), Period.parse(rs.getString("period")).orElseThrow(),
                UnitType.valueOf(rs.getString("unit_type")), rs.getInt("version"),
                EvaluationStatus.valueOf(rs.getString("status")), rs.getInt("scheme_version"),
                rs.getObject("ran_at", OffsetDateTime.class).toInstant(), rs.getString("ran_by"),
                published == null ? null : published.toInstant(), rs.getString("published_by"), rs.getInt("units"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
