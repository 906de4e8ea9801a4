package org.meridian.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * Meridian's shipped benchmark ({@code ./bench}, docs/benchmarks.md). Modes, any of them in one run:
 * <ul>
 *   <li>{@code ingest}: N million events through {@code POST /api/v1/events}, the same rows through a CSV import
 *       and with {@code COPY} into a bare table; events per second of each and the ratios;</li>
 *   <li>{@code eval}: an evaluation of 5,000 channels × 12 indicators over 10 million events, from the daily
 *       rollups and, as the reference, by one SQL query over the raw events; times and agreement;</li>
 *   <li>{@code bigcsv}: a CSV file of at least 1 GB imported by a Meridian held to {@code -Xmx512m}; peak heap and
 *       resident memory;</li>
 *   <li>{@code units}: a year of monthly statistics of 2,000 departments × 25 measures through
 *       {@code POST /api/v1/statistics} and the next year's as CSV files through {@code POST /api/v1/imports}, rows per
 *       second of each, then the evaluation of those departments on 25 indicators over the second year
 *       ({@link UnitsBench});</li>
 *   <li>{@code methods}: the analytical methods (AHP, TOPSIS, Holt-Winters and forecasts, the alert detection, DEA,
 *       Malmquist, inequality, allocation) in this JVM at the sizes of their targets ({@link MethodsBench});</li>
 *   <li>{@code load}: a Meridian with the demo data used by 50 people at once (mixed roles, API users with tokens)
 *       for a fixed time; throughput and p50/p95/p99 of every page ({@link LoadBench});</li>
 *   <li>{@code region}: 10 million exam records of 200 institutions through {@code POST /api/v1/exams}, the October
 *       repeat report, an incremental batch, each checked against the figures known by construction; then the
 *       regulator's pages over 500 hospitals × 24 months, p50/p95/p99 of each ({@link RegionBench}).</li>
 * </ul>
 * Each mode but {@code methods} starts its own Meridian (the region mode two, one for each part) ({@code target/meridian.jar}) on a fresh data directory and stops it after.
 */
public final class Bench {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> modes = new LinkedHashSet<>();
    private final List<String> report = new ArrayList<>();
    private boolean failed;

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench(args);
        bench.run();
        System.exit(bench.failed ? 1 : 0);
    }

    private Bench(String[] args) {
        options.put("events", "1");
        options.put("clients", "3");
        options.put("batch", "10000");
        options.put("channels", "50");
        options.put("eval-channels", "5000");
        options.put("eval-events", "10");
        options.put("period", "2026-Q3");
        options.put("csv-gb", "1");
        options.put("heap", "512m");
        options.put("jar", "target/meridian.jar");
        options.put("work", "target/bench");
        options.put("order", "time"); // of the ingested events: time (as systems send them) or random (worst case)
        options.put("repeat", "5"); // timed runs of each measurement in the methods mode
        options.put("only", ""); // methods mode: only the measurements whose name contains this, e.g. DEA
        options.put("departments", "2000"); // units mode: departments, statistic measures (= indicators), first year
        options.put("unit-measures", "25");
        options.put("unit-year", "2024");
        options.put("eval-runs", "3");
        options.put("keep", "false"); // keep each mode's directory (server log, data) for a look afterwards
        options.put("users", "50"); // load mode: people using Meridian at once
        options.put("seconds", "60"); // load mode: how long they do
        options.put("seed", "42"); // load mode: where each person's walk goes
        options.put("think", "5"); // load mode: seconds a person reads a page on average (0: no pause)
        options.put("warmup", "30"); // load mode: seconds the same people walk first, not counted (0: a cold server)
        options.put("exam-records", "10000000"); // region mode: exam records through the API, over the institutions
        options.put("institutions", "200");
        options.put("exam-increment", "10000"); // region mode: the incremental batch, one call
        options.put("region-hospitals", "500"); // region mode: the workbench's hospitals, months, records a month each
        options.put("region-months", "24");
        options.put("region-records", "100");
        options.put("page-samples", "20"); // region mode: timed openings of each regulator page
        options.put("region-parts", "exams,workbench"); // region mode: which parts run (one alone, e.g. to profile it)
        // "./bench" passes everything as one Maven property: split it again
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.isBlank()) {
                continue;
            }
            if (arg.startsWith("--") && arg.contains("=")) {
                String key = arg.substring(2, arg.indexOf('='));
                if (!options.containsKey(key)) {
                    throw new IllegalArgumentException("unknown option --" + key + "; known: " + options.keySet());
                }
                options.put(key, arg.substring(arg.indexOf('=') + 1));
            } else if (Set.of("ingest", "eval", "bigcsv", "methods", "units", "load", "region").contains(arg)) {
                modes.add(arg);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "': modes are ingest, eval, bigcsv, methods,"
                        + " units, load, region;"
                        + " options --name=value of " + options.keySet());
            }
        }
        if (modes.isEmpty()) {
            modes.addAll(List.of("ingest", "eval"));
        }
    }

    private void run() throws Exception {
        Path work = Path.of(options.get("work")).toAbsolutePath();
        Path jar = Path.of(options.get("jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar) && !modes.equals(Set.of("methods"))) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -DskipTests)");
        }
        line("Meridian benchmark, " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel()
                + ", load average before: " + loadAverage());
        line("server: java -Xmx" + options.get("heap") + " -jar " + options.get("jar") + " (embedded PostgreSQL, "
                + "durable: fsync and synchronous_commit on); client and server share the machine");
        for (String mode : modes) {
            if (mode.equals("methods")) {
                new MethodsBench(Integer.parseInt(options.get("repeat")), options.get("only"), this::line).run();
                continue;
            }
            if (mode.equals("region")) {
                region(jar, work);
                continue;
            }
            Path dir = work.resolve(mode + "-" + System.currentTimeMillis());
            onServer(jar, dir, mode.equals("load"), mode, server -> {
                switch (mode) {
                    case "ingest" -> ingest(server, dir);
                    case "eval" -> evaluation(server);
                    case "units" -> units(server, dir);
                    case "load" -> load(server);
                    default -> bigCsv(server, dir);
                }
            });
        }
        line("load average after: " + loadAverage());
        Files.createDirectories(work);
        Path results = work.resolve("results-" + System.currentTimeMillis() + ".txt");
        Files.write(results, report, StandardCharsets.UTF_8);
        System.out.println("(also written to " + results + ")");
    }

    private void ingest(MeridianServer server, Path dir) throws Exception {
        long count = millions("events");
        int clients = Integer.parseInt(options.get("clients"));
        int batch = Integer.parseInt(options.get("batch"));
        BenchClient client = server.tokenClient();
        List<String> codes = ingestChannels(client);
        Instant now = Instant.now();
        Path csv = dir.resolve("events.csv");
        long bytes = events("c-", codes, now, count).writeCsv(csv, count);
        line("");
        line(String.format(Locale.ROOT, "INGEST  %,d events (realistic mix of the 9 types over %d channels, %s), API batches"
                + " of %,d from %d concurrent clients; CSV file %,.1f MB", count, codes.size(),
                options.get("order").equals("time") ? "in time order" : "in random order", batch, clients, bytes / 1e6));
        double jvm0 = server.jvmCpuSeconds();
        server.watchMemory();
        IngestBench.Load api = IngestBench.throughApi(client, events("a-", codes, now, count), count, clients, batch,
                server::cpuSeconds);
        long[] apiMemory = server.stopWatching();
        double jvm1 = server.jvmCpuSeconds();
        server.watchMemory();
        IngestBench.Load file = IngestBench.throughImport(client, csv, count, server::cpuSeconds);
        long[] fileMemory = server.stopWatching();
        double jvm2 = server.jvmCpuSeconds();
        IngestBench.Load copy;
        IngestBench.Load keyed;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            copy = IngestBench.throughCopy(c, csv, count, server::cpuSeconds, false);
            keyed = IngestBench.throughCopy(c, csv, count, server::cpuSeconds, true);
        }
        line("  route                    rows    wall s     events/s   server CPU s   events per server CPU-s   client CPU s");
        for (IngestBench.Load load : List.of(api, file, copy, keyed)) {
            line(String.format(Locale.ROOT, "  %-16s %,12d %9.1f %,12.0f %14.1f %,25.0f %14.1f", load.route(), load.rows(),
                    load.seconds(), load.perSecond(), load.serverCpu(), load.perServerCpuSecond(), load.clientCpu()));
        }
        line(String.format(Locale.ROOT, "  of the server CPU, Meridian's JVM: API %.1f s, CSV import %.1f s (the rest is"
                + " PostgreSQL)", jvm1 - jvm0, jvm2 - jvm1));
        for (IngestBench.Load load : List.of(api, file, copy, keyed)) {
            line(String.format(Locale.ROOT, "  %s answered: accepted %,d, duplicates %,d, rejected %,d%s", load.route(),
                    load.answer().accepted(), load.answer().duplicates(), load.answer().rejected(),
                    load.answer().firstRejection() == null ? "" : ", first: " + load.answer().firstRejection()));
            if (load.answer().accepted() != load.rows()) {
                failed = true;
                line("  !! " + load.route() + " did not accept every row");
            }
        }
        line(String.format(Locale.ROOT, "  per server CPU-second: API / COPY = %.1f %%, CSV import / COPY = %.1f %%",
                100 * api.perServerCpuSecond() / copy.perServerCpuSecond(),
                100 * file.perServerCpuSecond() / copy.perServerCpuSecond()));
        line(String.format(Locale.ROOT, "  wall clock: API / COPY = %.1f %%   CSV import / COPY = %.1f %%   (targets: API >= 50,000"
                        + " events/s: %s; CSV import >= 50 %% of COPY: %s)", 100 * api.perSecond() / copy.perSecond(),
                100 * file.perSecond() / copy.perSecond(), api.perSecond() >= 50_000 ? "met" : "MISSED",
                file.perSecond() >= copy.perSecond() / 2 ? "met" : "MISSED"));
        line(String.format(Locale.ROOT, "  COPY into a table with only the keys of intake_event: %.1f %% of the bare COPY;"
                + " CSV import / keyed COPY = %.1f %%", 100 * keyed.perSecond() / copy.perSecond(),
                100 * file.perSecond() / keyed.perSecond()));
        line(String.format(Locale.ROOT, "  server memory: peak heap used %s during the API load, %s during the import;"
                + " peak RSS %s", mb(apiMemory[0]), mb(fileMemory[0]), mb(Math.max(apiMemory[1], fileMemory[1]))));
    }

    private void evaluation(MeridianServer server) throws Exception {
        int channels = Integer.parseInt(options.get("eval-channels"));
        long count = millions("eval-events");
        Period period = Period.parse(options.get("period")).orElseThrow();
        BenchClient client = server.tokenClient();
        long start = System.nanoTime();
        EvaluationBench.createChannels(client, "EV", channels);
        client.putScheme(EvaluationBench.TYPE.name(), EvaluationBench.schemeJson());
        EvaluationBench.Result result;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            long hospital = EvaluationBench.hospitalId(c);
            EvaluationBench.fill(c, hospital, EvaluationBench.evaluableChannels(c, hospital), period, count);
            double setUp = (System.nanoTime() - start) / 1e9;
            line("");
            line(String.format(Locale.ROOT, "EVALUATE  %s, %,d %s channels x 12 indicators; set-up (channels through the"
                    + " API, events by COPY, rollups recomputed) %.0f s", period, channels, EvaluationBench.TYPE, setUp));
            result = EvaluationBench.measure(client, c, hospital, period);
        }
        line(String.format(Locale.ROOT, "  events in the table %,d, of them in %s %,d", result.eventsInTable(), period,
                result.eventsInPeriod()));
        line(String.format(Locale.ROOT, "  from the rollups (rollup totals query + scorecard engine, best of 3): %.3f s"
                + " (query %.3f s, engine %.3f s)", result.rollupSeconds(), result.totalsQuerySeconds(),
                result.rollupSeconds() - result.totalsQuerySeconds()));
        line(String.format(Locale.ROOT, "  one SQL query over the raw events (reference, best of 2):           %.3f s",
                result.rawSeconds()));
        line(String.format(Locale.ROOT, "  full evaluation run via POST /api/v1/evaluations (also stores %,d scorecards"
                + " and %,d indicator lines), best of 3: %.3f s (the first, on a server that had run none: %.3f s;"
                + " target < 2 s: %s)", result.channels(), result.channels() * 12L, result.apiRunSeconds(),
                result.apiFirstRunSeconds(), result.apiRunSeconds() < 2 ? "met" : "MISSED"));
        line(String.format(Locale.ROOT, "  raw / rollups = %.1fx   (targets: rollups < 1 s: %s; >= 10x faster: %s)",
                result.ratio(), result.rollupSeconds() < 1 ? "met" : "MISSED", result.ratio() >= 10 ? "met" : "MISSED"));
        line(String.format(Locale.ROOT, "  agreement: %,d indicator values compared (engine from rollups to 12 significant"
                + " digits, API scorecards at their 4 decimals) with the raw query: %s", result.valuesCompared(),
                result.disagreements().isEmpty() ? "all agree" : result.disagreements().size() + " DIFFER, e.g. "
                        + result.disagreements().subList(0, Math.min(5, result.disagreements().size()))));
        if (!result.disagreements().isEmpty()) {
            failed = true;
        }
    }

    private void units(MeridianServer server, Path dir) throws Exception {
        int departments = Integer.parseInt(options.get("departments"));
        int measures = Integer.parseInt(options.get("unit-measures"));
        int year = Integer.parseInt(options.get("unit-year"));
        long start = System.nanoTime();
        UnitsBench.Result r = UnitsBench.run(server.tokenClient(), dir, departments, measures, year,
                Integer.parseInt(options.get("clients")), Integer.parseInt(options.get("batch")),
                Integer.parseInt(options.get("eval-runs")), server::cpuSeconds);
        UnitsBench.FromStored f;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            f = UnitsBench.fromStored(c, EvaluationBench.hospitalId(c), departments, measures, year + 1);
        }
        line("");
        line(String.format(Locale.ROOT, "UNITS  %,d CLINICAL departments x %d statistic measures, %,d rows a year; API"
                        + " batches of %s from %s clients; %d CSV files; whole mode %.0f s", departments, measures,
                (long) departments * measures * 12, options.get("batch"), options.get("clients"), r.fileCount(),
                (System.nanoTime() - start) / 1e9));
        line("  route                    rows    wall s       rows/s   server CPU s     rows per server CPU-s   client CPU s");
        for (IngestBench.Load load : List.of(r.api(), r.files())) {
            line(String.format(Locale.ROOT, "  %-16s %,12d %9.1f %,12.0f %14.1f %,25.0f %14.1f", load.route(),
                    load.rows(), load.seconds(), load.perSecond(), load.serverCpu(), load.perServerCpuSecond(),
                    load.clientCpu()));
            line(String.format(Locale.ROOT, "  %s answered: accepted %,d, duplicates %,d, rejected %,d%s (target >= 50,000"
                            + " rows/s: %s)", load.route(), load.answer().accepted(), load.answer().duplicates(),
                    load.answer().rejected(), load.answer().firstRejection() == null ? ""
                            : ", first: " + load.answer().firstRejection(),
                    load.perSecond() >= 50_000 ? "met" : "MISSED"));
            if (load.answer().accepted() != load.rows()) {
                failed = true;
                line("  !! " + load.route() + " did not accept every row");
            }
        }
        line(String.format(Locale.ROOT, "  evaluation of %d (%,d departments x %d indicators, a year of stored monthly"
                        + " values) via POST /api/v1/evaluations, which also stores %,d scorecards and %,d indicator"
                        + " lines: %s s, best %.3f s (%s)", year + 1, departments, measures,
                r.scorecards(), r.scorecards() * measures, java.util.Arrays.toString(java.util.Arrays.stream(
                        r.evaluationSeconds()).map(x -> Math.round(x * 1000) / 1000.0).toArray()),
                r.bestEvaluation(), r.bestEvaluation() < 2 ? "under 2 s" : "over 2 s"));
        line(String.format(Locale.ROOT, "  from the stored monthly values (statistics query + scorecard engine, best of"
                + " 3): %.3f s (query %.3f s, engine %.3f s) (target < 1 s: %s)", f.seconds(), f.querySeconds(),
                f.seconds() - f.querySeconds(), f.seconds() < 1 ? "met" : "MISSED"));
        line(String.format(Locale.ROOT, "  agreement: %,d indicator values compared with the generator's own sums: %s",
                f.valuesCompared(), f.disagreements().isEmpty() ? "all agree" : f.disagreements().size()
                        + " DIFFER, e.g. " + f.disagreements().subList(0, Math.min(5, f.disagreements().size()))));
        if (!f.disagreements().isEmpty()) {
            failed = true;
        }
        if (r.scorecards() != departments) {
            failed = true;
            line("  !! the evaluation has " + r.scorecards() + " scorecards for " + departments + " departments");
        }
    }

    /**
     * The demo accounts the load's people sign in as, in turn (person i is account i mod 10): four of the channel
     * office and analysts (two of them through the API with a token), the leadership, a channel's own user, the
     * referral desk, the regulator, the administrator and the region's administrator.
     */
    static final List<LoadBench.Account> DEMO_ACCOUNTS = List.of(
            new LoadBench.Account("office", MeridianServer.DEMO_PASSWORD, false),
            new LoadBench.Account("analyst", MeridianServer.DEMO_PASSWORD, false),
            new LoadBench.Account("manager", MeridianServer.DEMO_PASSWORD, false),
            new LoadBench.Account("partner", MeridianServer.DEMO_PASSWORD, false),
            new LoadBench.Account("office", MeridianServer.DEMO_PASSWORD, true),
            new LoadBench.Account("analyst", MeridianServer.DEMO_PASSWORD, true),
            new LoadBench.Account("desk", MeridianServer.DEMO_PASSWORD, false),
            new LoadBench.Account("regulator", MeridianServer.DEMO_PASSWORD, false),
            new LoadBench.Account("admin", MeridianServer.DEMO_PASSWORD, false),
            new LoadBench.Account("region", MeridianServer.DEMO_PASSWORD, false));

    /** The page targets of issue 18 point 14. */
    static final double PAGE_P99_MS = 300;
    static final double WORKBENCH_P99_MS = 100;

    private void load(MeridianServer server) throws Exception {
        int users = Integer.parseInt(options.get("users"));
        double seconds = Double.parseDouble(options.get("seconds"));
        double think = Double.parseDouble(options.get("think"));
        double warmup = Double.parseDouble(options.get("warmup"));
        LoadBench bench = new LoadBench(server.base(), username -> {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
                return MeridianServer.token(c, username);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        line("");
        line(String.format(Locale.ROOT, "LOAD  %d people at once for %.0f s on the demo data (accounts in turn: %s; %s"
                        + " through the API with a token), %s; load average at the start: %s",
                users, seconds, String.join(", ", DEMO_ACCOUNTS.stream().map(a -> a.username() + (a.api() ? " (API)" : ""))
                        .toList()), "office and analyst", think > 0 ? String.format(Locale.ROOT, "each reading %.1f–%.1f s"
                        + " (on average %.1f s) between two requests", think / 2, think * 1.5, think)
                        : "each walking without pause", loadAverage()));
        line(warmup > 0 ? String.format(Locale.ROOT, "  the same people walked %.0f s first, not counted (a server just"
                + " started compiles its code and templates in its first minute; --warmup=0 measures that)", warmup)
                : "  no warm-up: the server had just started (its first minute is counted)");
        double[] cpu0 = new double[1];
        LoadBench.Result result = bench.run(DEMO_ACCOUNTS, users, seconds, Long.parseLong(options.get("seed")), think,
                warmup, () -> {
                    try {
                        cpu0[0] = server.cpuSeconds();
                        server.watchMemory();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        long[] memory = server.stopWatching();
        double cpu = server.cpuSeconds() - cpu0[0];
        LoadBench.table(result).forEach(this::line);
        List<LoadBench.PageFigures> slow = result.pages().stream().filter(p -> p.p99() >= PAGE_P99_MS).toList();
        List<LoadBench.PageFigures> slowWorkbenches = result.pages().stream()
                .filter(p -> p.page().startsWith("/ (") && p.p99() >= WORKBENCH_P99_MS).toList();
        line(String.format(Locale.ROOT, "  server CPU %.1f s over %.1f s (%.2f cores); peak heap %s, peak RSS %s;"
                        + " load average at the end: %s", cpu, result.seconds(), cpu / result.seconds(), mb(memory[0]),
                mb(memory[1]), loadAverage()));
        line(String.format(Locale.ROOT, "  targets: every page p99 < %.0f ms: %s; workbenches p99 < %.0f ms: %s",
                PAGE_P99_MS, slow.isEmpty() ? "met" : "MISSED by " + slow.size() + " pages (slowest " + slow.get(0).page()
                        + ", p99 " + Math.round(slow.get(0).p99()) + " ms)", WORKBENCH_P99_MS,
                slowWorkbenches.isEmpty() ? "met" : "MISSED by " + slowWorkbenches.size()));
        if (!result.failures().isEmpty()) {
            failed = true;
            line("  !! " + result.failures().size() + " answers went wrong, e.g. "
                    + result.failures().subList(0, Math.min(5, result.failures().size())));
        }
    }

    /** The issue 16 targets. */
    static final double EXAM_RECORDS_PER_SECOND = 50_000;
    static final double REPORT_SECONDS = 2;
    static final double INCREMENT_SECONDS = 1;
    static final double REGULATOR_PAGE_MS = 300;

    /** The region mode: its two parts, each on a fresh server (docs/benchmarks.md). */
    private void region(Path jar, Path work) throws Exception {
        RegionBench.ExamSizes exams = new RegionBench.ExamSizes(Long.parseLong(options.get("exam-records")),
                Integer.parseInt(options.get("institutions")), Integer.parseInt(options.get("batch")),
                Integer.parseInt(options.get("clients")), Integer.parseInt(options.get("exam-increment")));
        RegionBench.WorkbenchSizes workbench = new RegionBench.WorkbenchSizes(
                Integer.parseInt(options.get("region-hospitals")), Integer.parseInt(options.get("region-months")),
                Integer.parseInt(options.get("region-records")), Integer.parseInt(options.get("page-samples")),
                Integer.parseInt(options.get("clients")));
        for (String part : List.of(options.get("region-parts").split(","))) {
            Path dir = work.resolve("region-" + part + "-" + System.currentTimeMillis());
            onServer(jar, dir, false, "region " + part, server -> {
                RegionBench bench = new RegionBench(server.base(), server.tokenClient(), username -> {
                    try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
                        return MeridianServer.token(c, username);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "RB");
                if (part.equals("exams")) {
                    regionExams(bench, exams, server);
                } else {
                    regionWorkbench(bench, workbench, dir, server);
                }
            });
        }
    }

    /** What a mode does with its server. */
    private interface ServerWork {
        void run(MeridianServer server) throws Exception;
    }

    /**
     * Starts a Meridian on a fresh directory, does the work, stops it; a failure is reported and fails the run, and
     * the directory (server log, data) is then kept; otherwise it is deleted unless {@code --keep=true}.
     */
    private void onServer(Path jar, Path dir, boolean demo, String name, ServerWork work) throws Exception {
        Files.createDirectories(dir);
        try (MeridianServer server = MeridianServer.start(jar, dir, options.get("heap"), demo)) {
            Thread hook = new Thread(() -> {
                try {
                    server.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            work.run(server);
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (RuntimeException e) {
            failed = true;
            line("  " + name + " FAILED: " + e.getMessage() + " (server log in " + dir + ")");
            return;
        }
        if (!Boolean.parseBoolean(options.get("keep"))) {
            deleteTree(dir);
        }
    }

    private void regionExams(RegionBench bench, RegionBench.ExamSizes sizes, MeridianServer server) throws Exception {
        long start = System.nanoTime();
        server.watchMemory();
        RegionBench.ExamResult r = bench.exams(sizes, Instant.now(), server::cpuSeconds);
        long[] memory = server.stopWatching();
        IngestBench.Load in = r.ingest();
        line("");
        line(String.format(Locale.ROOT, "REGION EXAMS  %,d exam records of %d institutions (%d hospitals, each with its"
                        + " units, one alliance each) through POST /api/v1/exams with tokens, in time order, batches of"
                        + " %,d per hospital from %d clients; whole part %.0f s", sizes.records(), sizes.institutions(),
                r.hospitals(), sizes.batch(), sizes.clients(), (System.nanoTime() - start) / 1e9));
        line(String.format(Locale.ROOT, "  ingest: %.1f s = %,.0f records/s (server CPU %.1f s = %,.0f records per"
                        + " CPU-s); accepted %,d, rejected %,d (target >= %,.0f records/s: %s)", in.seconds(),
                in.perSecond(), in.serverCpu(), in.perServerCpuSecond(), in.answer().accepted(), in.answer().rejected(),
                EXAM_RECORDS_PER_SECOND, in.perSecond() >= EXAM_RECORDS_PER_SECOND ? "met" : "MISSED"));
        line(String.format(Locale.ROOT, "  the server was busy %.1f s more after the last answer (after-commit work:"
                + " the repeat-rate alert checks)", r.idleSeconds()));
        line(String.format(Locale.ROOT, "  %s repeat report of the region (GET /api/v1/exams/repeats as a regulator,"
                        + " %,d institution x item rows, %,d records, %,d repeats, %,d same-institution): first %.3f s,"
                        + " best of 3 %.3f s (target < %.0f s: %s)", r.month(), r.reportRows(),
                RegionBench.sum(r.expectedMonth(), 0), RegionBench.sum(r.expectedMonth(), 1),
                RegionBench.sum(r.expectedMonth(), 2), r.reportFirst(), r.reportBest(), REPORT_SECONDS,
                r.reportFirst() < REPORT_SECONDS ? "met" : "MISSED"));
        line(String.format(Locale.ROOT, "  incremental batch of %,d records of one hospital (%s), one call: %.3f s,"
                        + " accepted %,d (target < %.0f s: %s); its months' figures read back in %.3f s",
                sizes.increment(), r.incrementMonths(), r.incrementSeconds(), r.incrementAnswer().accepted(),
                INCREMENT_SECONDS, r.incrementSeconds() < INCREMENT_SECONDS ? "met" : "MISSED", r.readBackSeconds()));
        line(String.format(Locale.ROOT, "  server memory: peak heap used %s, peak RSS %s", mb(memory[0]), mb(memory[1])));
        verdict(r.failures(), "every figure read equals the figures known by construction");
    }

    private void regionWorkbench(RegionBench bench, RegionBench.WorkbenchSizes sizes, Path dir, MeridianServer server)
            throws Exception {
        RegionBench.WorkbenchResult r = bench.workbench(sizes, dir, Instant.now(), server::cpuSeconds);
        line("");
        line(String.format(Locale.ROOT, "REGION WORKBENCH  %d hospitals x %d months: set-up %.0f s (hospitals, units,"
                        + " statistics, alliances through the API; %,d exam records as one CSV file per hospital"
                        + " through POST /api/v1/exams/import in %.1f s = %,.0f records/s); a regulator signed in with"
                        + " the form opens each page %d times after one warm-up; load average %s", sizes.hospitals(),
                sizes.months(), r.setUpSeconds(), r.records(), r.upload().seconds(), r.upload().perSecond(),
                sizes.samples(), loadAverage()));
        line("  page                                                          p50 ms   p95 ms   p99 ms   max ms");
        for (RegionBench.PageTimes p : r.pages()) {
            line(String.format(Locale.ROOT, "  %-60s %8.0f %8.0f %8.0f %8.0f", p.page(), p.p50(), p.p95(), p.p99(),
                    p.max()));
        }
        List<RegionBench.PageTimes> slow = r.pages().stream().filter(p -> p.p99() >= REGULATOR_PAGE_MS).toList();
        line(String.format(Locale.ROOT, "  target: every regulator page p99 < %.0f ms: %s", REGULATOR_PAGE_MS,
                slow.isEmpty() ? "met" : "MISSED by " + slow.size() + " of " + r.pages().size() + " pages"));
        verdict(r.failures(), "every page answered 200 and the figures read equal the figures known by construction");
    }

    private void verdict(List<String> failures, String ok) {
        if (failures.isEmpty()) {
            line("  correctness: " + ok);
        } else {
            failed = true;
            line("  !! " + failures.size() + " differences, e.g.:");
            failures.forEach(f -> line("     " + f));
        }
    }

    private void bigCsv(MeridianServer server, Path dir) throws Exception {
        double gb = Double.parseDouble(options.get("csv-gb"));
        BenchClient client = server.tokenClient();
        List<String> codes = ingestChannels(client);
        Path csv = dir.resolve("big.csv");
        // about 83 bytes per row
        long rows = events("big-", codes, Instant.now(), (long) (gb * 1024 * 1024 * 1024 / 83))
                .writeCsvOfSize(csv, (long) (gb * 1024 * 1024 * 1024));
        line("");
        line(String.format(Locale.ROOT, "BIG CSV  %,d bytes (%.2f GiB), %,d rows, imported by a server with -Xmx%s",
                Files.size(csv), Files.size(csv) / 1073741824.0, rows, options.get("heap")));
        server.watchMemory();
        IngestBench.Load load = IngestBench.throughImport(client, csv, rows, server::cpuSeconds);
        long[] memory = server.stopWatching();
        line(String.format(Locale.ROOT, "  %,d rows in %.1f s = %,.0f events/s (server CPU %.1f s = %,.0f events per"
                        + " CPU-s); accepted %,d, duplicates %,d, rejected %,d", rows, load.seconds(), load.perSecond(),
                load.serverCpu(), load.perServerCpuSecond(), load.answer().accepted(), load.answer().duplicates(),
                load.answer().rejected()));
        line(String.format(Locale.ROOT, "  server memory during the import: peak heap used %s (limit %s), peak RSS of the"
                + " JVM %s (PostgreSQL runs in its own processes)", mb(memory[0]), options.get("heap"), mb(memory[1])));
        if (load.answer().accepted() != rows) {
            failed = true;
            line("  !! not every row was accepted");
        }
    }

    private List<String> ingestChannels(BenchClient client) {
        int n = Integer.parseInt(options.get("channels"));
        UnitType[] types = UnitType.channelTypes().toArray(UnitType[]::new);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String code = String.format("BCH%04d", i);
            client.createChannel(code, types[i % types.length].name());
            codes.add(code);
        }
        return codes;
    }

    /**
     * The benchmark's event stream of about {@code count} events: REFERRALs over the last 400 to 60 days, nothing
     * after yesterday; in time order unless {@code --order=random} (docs/benchmarks.md).
     */
    private BenchEvents events(String prefix, List<String> channels, Instant now, long count) {
        BenchEvents events = new BenchEvents(42, prefix, channels, now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));
        return switch (options.get("order")) {
            case "time" -> events.inTimeOrder(count);
            case "random" -> events;
            default -> throw new IllegalArgumentException("--order is time or random");
        };
    }

    private long millions(String option) {
        return Math.round(Double.parseDouble(options.get(option)) * 1_000_000);
    }

    private void line(String text) {
        report.add(text);
        PrintStream out = System.out;
        out.println(text);
        out.flush();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceAll(".*:\\s*", ""))
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
