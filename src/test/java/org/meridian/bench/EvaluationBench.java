package org.meridian.bench;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.meridian.indicator.DefaultIndicators;
import org.meridian.indicator.Measure;
import org.meridian.intake.RollupsOnConnection;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScorecardEngine;
import org.meridian.indicator.scoring.ScoringRule;
import org.meridian.indicator.scoring.TierPolicy;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation benchmark (issue 5): the 12 default channel indicators of every channel of one unit type for one
 * period, computed (1) by a real evaluation run through {@code POST /api/v1/evaluations}, (2) exactly as the run
 * computes them — the daily-rollup totals query of the intake module and the scorecard engine — without storing,
 * and (3) by one plain SQL query over the raw events, the reference. The three must agree.
 */
final class EvaluationBench {

    /** The unit type the benchmark's channels have. */
    static final UnitType TYPE = UnitType.HEALTH_PLATFORM;

    /** One indicator per line of the benchmark scheme: code, weight, scoring rule as api.md JSON. */
    private static final String[][] SCHEME = {
            {"REFERRAL_VOLUME", "20", "{\"method\":\"LINEAR\",\"zero\":0,\"full\":800}"},
            {"ACCEPTANCE_RATE", "10", "{\"method\":\"LINEAR\",\"zero\":50,\"full\":100}"},
            {"ARRIVAL_RATE", "10", "{\"method\":\"LINEAR\",\"zero\":40,\"full\":90}"},
            {"CONVERSION_RATE", "10", "{\"method\":\"LINEAR\",\"zero\":0,\"full\":40}"},
            {"RESPONSE_TIME", "10", "{\"method\":\"BANDS\",\"bands\":[[4,100],[24,80],[48,60]]}"},
            {"SATISFACTION", "10", "{\"method\":\"PEER_RANK\"}"},
            {"AVG_SATISFACTION", "5", "{\"method\":\"LINEAR\",\"zero\":1,\"full\":5}"},
            {"NPS", "5", "{\"method\":\"LINEAR\",\"zero\":-100,\"full\":100}"},
            {"COMPLAINT_RATE", "5", "{\"method\":\"LINEAR\",\"zero\":50,\"full\":0}"},
            {"RETURN_RATE", "5", "{\"method\":\"LINEAR\",\"zero\":0,\"full\":30}"},
            {"FEEDBACK_RATE", "5", "{\"method\":\"LINEAR\",\"zero\":0,\"full\":100}"},
            {"REVENUE", "5", "{\"method\":\"LINEAR\",\"zero\":0,\"full\":200}"},
    };

    /** The timings and the agreement of one measurement. */
    record Result(int channels, long eventsInTable, long eventsInPeriod, double apiRunSeconds,
                  double apiFirstRunSeconds, double rollupSeconds,
                  double totalsQuerySeconds, double rawSeconds, int valuesCompared, List<String> disagreements) {
        double ratio() {
            return rawSeconds / rollupSeconds;
        }
    }

    private EvaluationBench() {
    }

    /** The benchmark scheme as the body of {@code PUT /api/v1/schemes/{unitType}}. */
    static String schemeJson() {
        return Arrays.stream(SCHEME).map(s -> "{\"code\":\"" + s[0] + "\",\"weight\":" + s[1] + ",\"scoring\":" + s[2] + "}")
                .collect(Collectors.joining(",", "{\"indicators\":[",
                        "],\"tiers\":[{\"tier\":\"A\",\"minTotal\":85},{\"tier\":\"B\",\"minTotal\":70},"
                                + "{\"tier\":\"C\",\"minTotal\":55}]}"));
    }

    /** The same scheme as the scorecard engine takes it. */
    static SchemeSnapshot scheme() {
        List<SchemeItem> items = new ArrayList<>();
        for (String[] s : SCHEME) {
            IndicatorDefinition d = DefaultIndicators.find(s[0]).orElseThrow();
            ScoringRule rule = switch (s[0]) {
                case "RESPONSE_TIME" -> new ScoringRule.Bands(List.of(band(4, 100), band(24, 80), band(48, 60)));
                case "SATISFACTION" -> new ScoringRule.PeerRank();
                default -> linear(s[2]);
            };
            items.add(new SchemeItem(d, new BigDecimal(s[1]), rule));
        }
        return new SchemeSnapshot(TYPE, 1, Instant.now(), "bench", items, TierPolicy.standard());
    }

    private static ScoringRule.Band band(int threshold, int score) {
        return new ScoringRule.Band(BigDecimal.valueOf(threshold), BigDecimal.valueOf(score));
    }

    private static ScoringRule linear(String json) {
        String zero = json.replaceAll(".*\"zero\":(-?[0-9.]+).*", "$1");
        String full = json.replaceAll(".*\"full\":(-?[0-9.]+).*", "$1");
        return new ScoringRule.Linear(new BigDecimal(zero), new BigDecimal(full));
    }

    /**
     * Writes {@code count} events straight into the intake tables with {@code COPY} (far faster than any route in,
     * which the ingestion benchmark measures), then the daily and monthly rollups with the intake module's own code
     * (recomputed from the live events as the rollup check does, written as ingestion writes them). REFERRALs fall in the period's first 80 days, follow-ups spill a little past its end.
     */
    static void fill(Connection connection, long hospitalId, Map<String, Long> channels, Period period, long count)
            throws SQLException, IOException {
        ZoneId zone = zone(connection, hospitalId);
        if (!zone.equals(ZoneId.of("Asia/Shanghai"))) {
            throw new IllegalStateException("the benchmark writes local dates for Asia/Shanghai, the hospital is in " + zone);
        }
        Instant from = period.firstDay().atStartOfDay(zone).toInstant();
        BenchEvents events = new BenchEvents(7, "ev-", new ArrayList<>(channels.keySet()), from,
                from.plusSeconds(80L * 86_400), period.lastDay().plusDays(30).atStartOfDay(zone).toInstant());
        connection.setAutoCommit(false);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                COPY intake_event (hospital_id, event_id, type, channel_id, occurred_at, local_date, referral_id,
                    patient_hash, value, attributes, source, received_by) FROM STDIN (FORMAT csv)""");
        StringBuilder line = new StringBuilder(256);
        try (Writer out = new java.io.OutputStreamWriter(new CopyStream(copy), StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                BenchEvents.Row r = events.next();
                line.setLength(0);
                line.append(hospitalId).append(',').append(r.eventId()).append(',').append(r.type()).append(',')
                        .append(channels.get(r.channel())).append(',').append(r.occurredAt()).append(',')
                        // the rows are written with offset +08:00 and Shanghai has no daylight saving time
                        .append(r.occurredAt(), 0, 10).append(',')
                        .append(r.referralId() == null ? "" : r.referralId()).append(',')
                        .append(String.format("%064x", Long.parseLong(r.patientId().substring(1)))).append(',')
                        .append(r.value() == null ? "" : r.value()).append(",\"{\"\"department\"\": \"\"")
                        .append(r.department()).append("\"\"");
                if (r.recommend() != null) {
                    line.append(", \"\"recommend\"\": \"\"").append(r.recommend()).append("\"\"");
                }
                line.append("}\",API,bench\n");
                out.append(line);
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE intake_event");
        }
        new RollupsOnConnection(connection).rebuild(hospitalId, zone.getId());
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE intake_daily_rollup");
            s.execute("ANALYZE intake_monthly_rollup");
        }
    }

    /**
     * The reference: the 12 indicator values of every evaluable channel of the unit type, in one plain SQL query
     * over the raw events of the period (engine.md §2–3: measures by local date, the response-time pair on the
     * ACCEPTED's local date for the REFERRAL's channel, rates null when the denominator is 0).
     */
    static final String RAW_QUERY = """
            WITH m AS (
              SELECT channel_id,
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
                count(*) FILTER (WHERE type = 'FEEDBACK') AS feedbacks
              FROM intake_event
              WHERE hospital_id = :h AND voided_at IS NULL AND local_date BETWEEN :from AND :to
              GROUP BY channel_id),
            p AS (
              SELECT r.channel_id, count(*) AS response_count,
                sum(round(extract(epoch FROM a.occurred_at - r.occurred_at) / 3600, 6)) AS response_hours_sum
              FROM intake_event a JOIN intake_event r ON r.hospital_id = a.hospital_id AND r.referral_id = a.referral_id
                AND r.type = 'REFERRAL' AND r.voided_at IS NULL
              WHERE a.hospital_id = :h AND a.type = 'ACCEPTED' AND a.voided_at IS NULL
                AND a.local_date BETWEEN :from AND :to AND a.occurred_at >= r.occurred_at
              GROUP BY r.channel_id)
            SELECT c.code,
              coalesce(m.referrals, 0) AS "REFERRAL_VOLUME",
              100.0 * m.accepted / nullif(m.referrals, 0) AS "ACCEPTANCE_RATE",
              100.0 * m.arrivals / nullif(m.referrals, 0) AS "ARRIVAL_RATE",
              100.0 * m.conversions / nullif(m.arrivals, 0) AS "CONVERSION_RATE",
              p.response_hours_sum / nullif(p.response_count, 0) AS "RESPONSE_TIME",
              100.0 * m.satisfied / nullif(m.survey_count, 0) AS "SATISFACTION",
              m.survey_sum / nullif(m.survey_count, 0) AS "AVG_SATISFACTION",
              100.0 * (m.promoters - m.detractors) / nullif(m.nps_count, 0) AS "NPS",
              1000.0 * m.complaints / nullif(m.arrivals, 0) AS "COMPLAINT_RATE",
              100.0 * m.return_visits / nullif(m.arrivals, 0) AS "RETURN_RATE",
              100.0 * m.feedbacks / nullif(m.arrivals, 0) AS "FEEDBACK_RATE",
              coalesce(m.revenue, 0) / 10000 AS "REVENUE"
            FROM channel c LEFT JOIN m ON m.channel_id = c.id LEFT JOIN p ON p.channel_id = c.id
            WHERE c.hospital_id = :h AND c.type = :type AND c.status IN ('PILOT', 'ACTIVE', 'PROBATION')
            ORDER BY c.code""";

    /**
     * Measures: one evaluation run through the API (when {@code client} is given), the rollup path three times and
     * the raw query twice (the best of each is reported: the first run warms caches), and compares every value.
     */
    static Result measure(BenchClient client, Connection connection, long hospitalId, Period period)
            throws SQLException {
        Map<String, Long> channels = evaluableChannels(connection, hospitalId);
        double apiSeconds = Double.NaN;
        double apiFirstSeconds = Double.NaN;
        List<JsonNode> cards = List.of();
        if (client != null) {
            // three runs: the first makes the draft on a server that has not run one yet; the next two re-run that
            // draft (its scorecards replaced), as an office does after a correction; the best is reported beside
            // the first
            long id = 0;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                id = client.runEvaluation(period.toString(), TYPE.name());
                double seconds = (System.nanoTime() - start) / 1e9;
                apiFirstSeconds = i == 0 ? seconds : apiFirstSeconds;
                apiSeconds = i == 0 ? seconds : Math.min(apiSeconds, seconds);
            }
            cards = client.scorecards(id);
        }
        SchemeSnapshot scheme = scheme();
        double rollupSeconds = Double.MAX_VALUE;
        double totalsSeconds = 0;
        List<Scorecard> fromRollups = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Map<String, Map<Measure, BigDecimal>> totals = rollupTotals(connection, hospitalId, channels, period);
            long queried = System.nanoTime();
            fromRollups = ScorecardEngine.score(scheme, totals);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds < rollupSeconds) {
                rollupSeconds = seconds;
                totalsSeconds = (queried - start) / 1e9;
            }
        }
        double rawSeconds = Double.MAX_VALUE;
        Map<String, Map<String, BigDecimal>> raw = null;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            raw = raw(connection, hospitalId, period);
            rawSeconds = Math.min(rawSeconds, (System.nanoTime() - start) / 1e9);
        }
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        if (!raw.keySet().equals(channels.keySet())) {
            disagreements.add("the raw query found " + raw.size() + " channels, the evaluation " + channels.size());
        }
        for (Scorecard card : fromRollups) {
            for (Scorecard.IndicatorResult r : card.indicators()) {
                compared++;
                BigDecimal expected = raw.getOrDefault(card.unit(), Map.of()).get(r.code());
                if (!close(r.value(), expected)) {
                    disagreements.add(card.unit() + " " + r.code() + ": rollups " + r.value() + ", raw events " + expected);
                }
            }
        }
        for (JsonNode card : cards) {
            String code = card.get("channel").asText();
            for (JsonNode line : card.get("indicators")) {
                compared++;
                JsonNode v = line.get("value");
                BigDecimal value = v == null || v.isNull() ? null : v.decimalValue();
                BigDecimal expected = raw.getOrDefault(code, Map.of()).get(line.get("code").asText());
                if (!same(value, expected, 4)) {
                    disagreements.add(code + " " + line.get("code").asText() + ": evaluation " + value
                            + ", raw events " + expected);
                }
            }
        }
        return new Result(channels.size(), count(connection, "SELECT count(*) FROM intake_event WHERE hospital_id = "
                + hospitalId), count(connection, "SELECT count(*) FROM intake_event WHERE hospital_id = " + hospitalId
                + " AND local_date BETWEEN DATE '" + period.firstDay() + "' AND DATE '" + period.lastDay() + "'"),
                apiSeconds, apiFirstSeconds, rollupSeconds, totalsSeconds, rawSeconds, compared, disagreements);
    }

    /** What an evaluation run reads first: every evaluable channel's measure totals of the period from the rollups. */
    static Map<String, Map<Measure, BigDecimal>> rollupTotals(Connection connection, long hospitalId,
                                                             Map<String, Long> channels, Period period)
            throws SQLException {
        Map<Long, Map<Measure, BigDecimal>> totals = new RollupsOnConnection(connection)
                .totals(hospitalId, period.firstDay(), period.lastDay());
        Map<String, Map<Measure, BigDecimal>> byCode = new LinkedHashMap<>();
        channels.forEach((code, id) -> byCode.put(code, totals.getOrDefault(id, Map.of())));
        return byCode;
    }

    /** The reference values per channel code and indicator code (null where the formula has no data). */
    static Map<String, Map<String, BigDecimal>> raw(Connection connection, long hospitalId, Period period)
            throws SQLException {
        String sql = RAW_QUERY.replace(":h", Long.toString(hospitalId))
                .replace(":from", "DATE '" + period.firstDay() + "'").replace(":to", "DATE '" + period.lastDay() + "'")
                .replace(":type", "'" + TYPE.name() + "'");
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, BigDecimal> values = new HashMap<>();
                for (String[] item : SCHEME) {
                    values.put(item[0], rs.getBigDecimal(item[0]));
                }
                result.put(rs.getString(1), values);
            }
        }
        return result;
    }

    static Map<String, Long> evaluableChannels(Connection connection, long hospitalId) throws SQLException {
        Map<String, Long> channels = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT code, id FROM channel WHERE hospital_id = ?"
                + " AND type = ? AND status IN ('PILOT', 'ACTIVE', 'PROBATION') ORDER BY code")) {
            s.setLong(1, hospitalId);
            s.setString(2, TYPE.name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    channels.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return channels;
    }

    /** Creates {@code count} channels of the benchmark's unit type through the API, four at a time. */
    static void createChannels(BenchClient client, String prefix, int count) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 1; i <= count; i++) {
                String code = prefix + String.format("%05d", i);
                all.add(CompletableFuture.runAsync(() -> client.createChannel(code, TYPE.name()), pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Equal to 12 significant digits: the scorecard engine divides with 16 (MathContext.DECIMAL64), PostgreSQL's
     * numeric division with more, so the last digits of a repeating fraction differ.
     */
    private static boolean close(BigDecimal actual, BigDecimal expected) {
        if (actual == null || expected == null) {
            return actual == null && expected == null;
        }
        BigDecimal tolerance = expected.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-12"));
        return actual.subtract(expected).abs().compareTo(tolerance) <= 0;
    }

    private static boolean same(BigDecimal actual, BigDecimal expected, int scale) {
        if (actual == null || expected == null) {
            return actual == null && expected == null;
        }
        return actual.setScale(scale, RoundingMode.HALF_UP).compareTo(expected.setScale(scale, RoundingMode.HALF_UP)) == 0;
    }

    private static ZoneId zone(Connection connection, long hospitalId) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT time_zone FROM hospital WHERE id = " + hospitalId)) {
            rs.next();
            return ZoneId.of(rs.getString(1));
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long hospitalId(Connection connection) throws SQLException {
        return count(connection, "SELECT min(id) FROM hospital");
    }

    /** Feeds a COPY from a writer. */
    private static final class CopyStream extends java.io.OutputStream {
        private final CopyIn copy;

        CopyStream(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                copy.writeToCopy(b, off, len);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
