package org.meridian.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.meridian.indicator.MeasureTotals;
import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScorecardEngine;
import org.meridian.indicator.scoring.ScoringRule;
import org.meridian.indicator.scoring.TierPolicy;
import org.meridian.shared.UnitType;

/**
 * The departments' benchmark (issue 14): a year of monthly statistics for {@code departments} clinical departments ×
 * {@code measures} statistic measures, sent once through {@code POST /api/v1/statistics} (JSON arrays of
 * {@code batch} rows from concurrent clients) and, for the following year, as CSV files through the event imports'
 * {@code POST /api/v1/imports} (at most 100,000 rows a file, the statistics file limit); then the evaluation of the
 * departments on a scheme of one indicator per measure over the second year, from the stored monthly values, through
 * {@code POST /api/v1/evaluations} (which also stores every scorecard and indicator line).
 *
 * <p>The values are a deterministic function of (department, measure, month), positive, with a season; each
 * indicator is its measure per day of the period ({@code sNN / days}), scored LINEAR.
 */
final class UnitsBench {

    /** Rows a statistics file may hold (StatisticsFile.MAX_ROWS). */
    static final int FILE_ROWS = 100_000;

    private UnitsBench() {
    }

    /** What was measured. */
    record Result(int departments, int measures, IngestBench.Load api, IngestBench.Load files, int fileCount,
                  double[] evaluationSeconds, long scorecards) {

        double bestEvaluation() {
            double best = Double.MAX_VALUE;
            for (double s : evaluationSeconds) {
                best = Math.min(best, s);
            }
            return best;
        }
    }

    /**
     * The evaluation from the stored monthly values, as a run computes it before it stores anything: one query adding
     * up each department's months per measure (what the server's statistics facade asks the database) and the
     * scorecard engine, best of three; and how many indicator values agree with the generator's own sums.
     */
    record FromStored(double seconds, double querySeconds, int valuesCompared, List<String> disagreements) {
    }

    /** The CLINICAL scheme {@link #setUp} registers, as the engine takes it. */
    static SchemeSnapshot scheme(int measures) {
        List<SchemeItem> items = new ArrayList<>();
        for (int m = 1; m <= measures; m++) {
            IndicatorDefinition d = new IndicatorDefinition("BI" + String.format(Locale.ROOT, "%02d", m),
                    "基准指标 " + m, "Bench " + m, "人次/日", "a day", Direction.HIGHER_IS_BETTER,
                    Formula.parse(measure(m) + " / days", java.util.Set.of(measure(m))), "", "",
                    m % 2 == 0 ? Dimension.QUALITY : Dimension.EFFICIENCY);
            items.add(new SchemeItem(d, BigDecimal.ONE, new ScoringRule.Linear(BigDecimal.ZERO, BigDecimal.valueOf(60))));
        }
        return new SchemeSnapshot(UnitType.CLINICAL, 1, java.time.Instant.EPOCH, "bench", items, TierPolicy.standard());
    }

    /**
     * Scores the year's departments from the stored monthly values three times (best reported), and checks every
     * indicator value against the generator: department d's indicator m is (Σ over the year's months of
     * {@link #value}) / days of the year, computed here without the server.
     */
    static FromStored fromStored(Connection connection, long hospitalId, int departments, int measures, int year)
            throws SQLException {
        SchemeSnapshot scheme = scheme(measures);
        BigDecimal days = BigDecimal.valueOf(java.time.Year.of(year).length());
        double best = Double.MAX_VALUE;
        double query = 0;
        List<Scorecard> cards = null;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Map<String, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT u.code, s.measure, sum(s.value) FROM statistic s
                    JOIN unit u ON u.hospital_id = s.hospital_id AND u.id = s.unit_id
                    WHERE s.hospital_id = ? AND s.month BETWEEN ? AND ?
                    GROUP BY u.code, s.measure""")) {
                ps.setLong(1, hospitalId);
                ps.setObject(2, java.time.LocalDate.of(year, 1, 1));
                ps.setObject(3, java.time.LocalDate.of(year, 12, 1));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sums.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                                rs.getBigDecimal(3));
                    }
                }
            }
            long queried = System.nanoTime();
            Map<String, MeasureTotals> totals = new LinkedHashMap<>();
            sums.forEach((code, byMeasure) -> totals.put(code, new MeasureTotals(Map.of(), byMeasure, days)));
            cards = ScorecardEngine.scoreUnits(scheme, totals);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds < best) {
                best = seconds;
                query = (queried - start) / 1e9;
            }
        }
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        if (cards.size() != departments) {
            disagreements.add(cards.size() + " scorecards for " + departments + " departments");
        }
        Map<String, Scorecard> byCode = new LinkedHashMap<>();
        cards.forEach(c -> byCode.put(c.unit(), c));
        for (int d = 1; d <= departments; d++) {
            Scorecard card = byCode.get(code(d));
            for (int m = 1; m <= measures && card != null; m++) {
                long sum = 0;
                for (int month = 1; month <= 12; month++) {
                    sum += value(d, m, YearMonth.of(year, month));
                }
                BigDecimal expected = BigDecimal.valueOf(sum).divide(days, java.math.MathContext.DECIMAL64);
                String indicator = "BI" + String.format(Locale.ROOT, "%02d", m);
                BigDecimal got = card.indicators().stream().filter(i -> i.code().equals(indicator)).findFirst()
                        .map(Scorecard.IndicatorResult::value).orElse(null);
                compared++;
                if (got == null || got.subtract(expected).abs().compareTo(new BigDecimal("1e-9")) > 0) {
                    disagreements.add(code(d) + " " + indicator + ": " + got + ", expected " + expected);
                }
            }
        }
        return new FromStored(best, query, compared, disagreements);
    }

    static String code(int department) {
        return String.format(Locale.ROOT, "BD%05d", department);
    }

    static String measure(int m) {
        return String.format(Locale.ROOT, "s%02d", m);
    }

    /** A believable positive value with a yearly season. */
    static long value(int department, int measure, YearMonth month) {
        int base = 100 + (department * 37 + measure * 11) % 900;
        return base + Math.round(base * 0.2 * Math.sin(month.getMonthValue() * Math.PI / 6)) + measure;
    }

    /** Registers the departments, the measures, one indicator per measure and the CLINICAL scheme. */
    static void setUp(BenchClient client, int departments, int measures) {
        for (int d = 1; d <= departments; d++) {
            client.postJson("/api/v1/units", "{\"code\":\"" + code(d) + "\",\"name\":\"基准科室 " + d
                    + "\",\"kind\":\"DEPARTMENT\",\"type\":\"CLINICAL\"}", 201);
        }
        StringBuilder scheme = new StringBuilder("{\"indicators\":[");
        for (int m = 1; m <= measures; m++) {
            client.postJson("/api/v1/measures", "{\"code\":\"" + measure(m) + "\",\"nameZh\":\"统计项 " + m
                    + "\",\"unit\":\"人次\",\"aggregation\":\"SUM\"}", 201);
            String ind = "BI" + String.format(Locale.ROOT, "%02d", m);
            client.postJson("/api/v1/indicators", "{\"code\":\"" + ind + "\",\"nameZh\":\"基准指标 " + m
                    + "\",\"nameEn\":\"Bench " + m + "\",\"unitZh\":\"人次/日\",\"unitEn\":\"a day\","
                    + "\"direction\":\"HIGHER_IS_BETTER\",\"formula\":\"" + measure(m) + " / days\",\"dimension\":\""
                    + (m % 2 == 0 ? "QUALITY" : "EFFICIENCY") + "\"}", 201);
            scheme.append(m == 1 ? "" : ",").append("{\"code\":\"").append(ind).append("\",\"weight\":1,")
                    .append("\"scoring\":{\"method\":\"LINEAR\",\"zero\":0,\"full\":60}}");
        }
        client.putScheme("CLINICAL", scheme.append("],\"tiers\":[{\"tier\":\"A\",\"minTotal\":0}]}").toString());
    }

    /** The year's rows, department by department, as JSON arrays of at most {@code batch} rows. */
    static List<byte[]> jsonBatches(int departments, int measures, int year, int batch) {
        List<byte[]> out = new ArrayList<>();
        StringBuilder b = new StringBuilder("[");
        int n = 0;
        for (int d = 1; d <= departments; d++) {
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(year, month);
                for (int m = 1; m <= measures; m++) {
                    b.append(n == 0 ? "" : ",").append("{\"unit\":\"").append(code(d)).append("\",\"month\":\"")
                            .append(ym).append("\",\"measure\":\"").append(measure(m)).append("\",\"value\":")
                            .append(value(d, m, ym)).append('}');
                    if (++n == batch) {
                        out.add(b.append(']').toString().getBytes(StandardCharsets.UTF_8));
                        b = new StringBuilder("[");
                        n = 0;
                    }
                }
            }
        }
        if (n > 0) {
            out.add(b.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The year's rows as CSV files of at most {@value #FILE_ROWS} rows with the statistics header. */
    static List<Path> csvFiles(Path dir, int departments, int measures, int year) throws IOException {
        List<Path> files = new ArrayList<>();
        BufferedWriter w = null;
        int rows = FILE_ROWS;
        try {
            for (int d = 1; d <= departments; d++) {
                for (int month = 1; month <= 12; month++) {
                    YearMonth ym = YearMonth.of(year, month);
                    for (int m = 1; m <= measures; m++) {
                        if (rows == FILE_ROWS) {
                            if (w != null) {
                                w.close();
                            }
                            Path f = dir.resolve("statistics-" + year + "-" + (files.size() + 1) + ".csv");
                            files.add(f);
                            w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
                            w.write("unit,month,measure,value\n");
                            rows = 0;
                        }
                        w.write(code(d) + "," + ym + "," + measure(m) + "," + value(d, m, ym) + "\n");
                        rows++;
                    }
                }
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
        return files;
    }

    /**
     * Sets up, loads a year through the API and the next through the imports, then runs the evaluation of the second
     * year {@code runs} times.
     */
    static Result run(BenchClient client, Path dir, int departments, int measures, int firstYear, int clients,
                      int batch, int runs, DoubleSupplier serverCpu) throws Exception {
        setUp(client, departments, measures);
        List<byte[]> batches = jsonBatches(departments, measures, firstYear, batch);
        long rows = (long) departments * measures * 12;
        IngestBench.Load api = IngestBench.throughApi("statistics API", rows, clients, batches,
                client::postStatistics, serverCpu);
        List<Path> files = csvFiles(dir, departments, measures, firstYear + 1);
        IngestBench.Load imported = IngestBench.throughImports("statistics CSV", rows, client, files, serverCpu);
        double[] seconds = new double[runs];
        long scorecards = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long id = client.runEvaluation(String.valueOf(firstYear + 1), "CLINICAL");
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (i == runs - 1) {
                scorecards = client.scorecards(id).size();
            }
        }
        return new Result(departments, measures, api, imported, files.size(), seconds, scorecards);
    }
}
