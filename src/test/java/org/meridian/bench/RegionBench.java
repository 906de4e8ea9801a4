package org.meridian.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench region} (issue 16, docs/benchmarks.md): the region's repeat examinations and the regulator's
 * workbench, driven as the region's systems and people use them.
 *
 * <p><b>Exams.</b> The region administrator creates the hospitals through the API; each registers its institution
 * units (its 医共体's community centres) and sends its records with a personal access token to
 * {@code POST /api/v1/exams}, in time order ({@link ExamStream}); the region administrator keeps the catalogue and
 * creates one alliance per hospital (the hospital and its units). A regulator, created on the users page, reads the full
 * repeat report of a month ({@code GET /api/v1/exams/repeats}); one hospital then sends one more batch, and the figures
 * of its months are read back. Every figure read must equal what the stream says by construction.
 *
 * <p><b>Workbench.</b> N hospitals are created through the API, each registers itself as an institution unit and
 * reports a statistic for each of M months ({@code POST /api/v1/statistics}) and uploads its M months of exam records
 * as a CSV file ({@code POST /api/v1/exams/import}); alliances of ten. A regulator signs in with the sign-in form and
 * opens each of the regulator's pages repeatedly; p50/p95/p99 per page.
 */
final class RegionBench {

    /** The catalogue of the benchmark (made up: validity, scope and price only exercise the rule). */
    static List<ExamStream.Item> catalogue(String prefix) {
        return List.of(
                new ExamStream.Item(prefix + "CBC", "基准：血常规", "LABORATORY", 7, false, "20.00"),
                new ExamStream.Item(prefix + "LIVER", "基准：肝功能", "LABORATORY", 14, false, "60.00"),
                new ExamStream.Item(prefix + "HBA1C", "基准：糖化血红蛋白", "LABORATORY", 30, true, "70.00"),
                new ExamStream.Item(prefix + "CT", "基准：胸部 CT", "EXAMINATION", 30, false, "260.00"),
                new ExamStream.Item(prefix + "US", "基准：腹部超声", "EXAMINATION", 30, true, "120.00"),
                new ExamStream.Item(prefix + "MRI", "基准：头颅 MRI", "EXAMINATION", 90, false, "600.00"));
    }

    /** Records, repeats and same-institution repeats per "institution@hospital|item" and month, as constructed. */
    static final class Tally {
        private final Map<String, Map<YearMonth, long[]>> counts = new TreeMap<>();

        void add(String institutionKey, String item, YearMonth month, ExamStream.Expected expected) {
            long[] c = counts.computeIfAbsent(institutionKey + "|" + item, k -> new TreeMap<>())
                    .computeIfAbsent(month, m -> new long[3]);
            c[0]++;
            if (expected == ExamStream.Expected.REPEAT) {
                c[1]++;
            } else if (expected == ExamStream.Expected.SAME_INSTITUTION) {
                c[2]++;
            }
        }

        /** {records, repeats, same} per key over the months from–to. */
        Map<String, List<Long>> over(YearMonth from, YearMonth to) {
            Map<String, List<Long>> out = new TreeMap<>();
            counts.forEach((key, byMonth) -> {
                long[] sum = new long[3];
                byMonth.forEach((m, c) -> {
                    if (!m.isBefore(from) && !m.isAfter(to)) {
                        for (int i = 0; i < 3; i++) {
                            sum[i] += c[i];
                        }
                    }
                });
                if (sum[0] > 0) {
                    out.put(key, List.of(sum[0], sum[1], sum[2]));
                }
            });
            return out;
        }
    }

    /**
     * The differences between the figures expected and those read (both keyed "institution@hospital|item" with
     * {records, repeats, same}); empty when they agree.
     */
    static List<String> differences(Map<String, List<Long>> expected, Map<String, List<Long>> read) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(read.keySet());
        for (String k : keys) {
            List<Long> e = expected.getOrDefault(k, List.of(0L, 0L, 0L));
            List<Long> r = read.getOrDefault(k, List.of(0L, 0L, 0L));
            if (!e.equals(r)) {
                out.add(k + ": expected records/repeats/same " + e + ", read " + r);
            }
        }
        return out;
    }

    static long sum(Map<String, List<Long>> figures, int field) {
        return figures.values().stream().mapToLong(l -> l.get(field)).sum();
    }

    /** The month reported: the latest October whose following month has ended before {@code now} (Shanghai). */
    static YearMonth reportMonth(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ExamStream.ZONE));
        YearMonth october = YearMonth.of(current.getYear(), 10);
        return october.plusMonths(1).isBefore(current) ? october : october.minusYears(1);
    }

    // ------------------------------------------------------------------------------------------------ the exams

    /** The sizes of the exams part. */
    record ExamSizes(long records, int institutions, int batch, int clients, int increment) {
    }

    /** What the exams part measured. */
    record ExamResult(IngestBench.Load ingest, double idleSeconds, YearMonth month, double reportFirst,
                      double reportBest, long reportRows, Map<String, List<Long>> expectedMonth, double incrementSeconds,
                      BenchClient.Answer incrementAnswer, double readBackSeconds, List<YearMonth> incrementMonths,
                      List<String> failures, int hospitals) {
    }

    /** A batch of one hospital's records as JSON. */
    private record Batch(int hospital, byte[] json) {
    }

    /** The institutions of the exams part: institution i belongs to hospital i mod H; the first of each is the hospital. */
    private static final class Layout {
        private final List<String> hospitalCodes;
        private final String[] codes;
        private final String[] keys;

        Layout(List<String> hospitalCodes, int institutions) {
            this.hospitalCodes = hospitalCodes;
            this.codes = new String[institutions];
            this.keys = new String[institutions];
            for (int i = 0; i < institutions; i++) {
                int within = i / hospitals();
                codes[i] = within == 0 ? hospitalCodes.get(hospitalOf(i)) : String.format(Locale.ROOT, "C%02d", within);
                keys[i] = codes[i] + "@" + hospitalCodes.get(hospitalOf(i));
            }
        }

        int hospitals() {
            return hospitalCodes.size();
        }

        int hospitalOf(int institution) {
            return institution % hospitals();
        }

        /** The code the institution's hospital sends it by. */
        String code(int institution) {
            return codes[institution];
        }

        /** "institution@hospital", as the figures name it. */
        String key(int institution) {
            return keys[institution];
        }

        int[] allianceOf() {
            int[] a = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                a[i] = hospitalOf(i);
            }
            return a;
        }

        int[] ofHospital(int h) {
            List<Integer> list = new ArrayList<>();
            for (int i = h; i < codes.length; i += hospitals()) {
                list.add(i);
            }
            return list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private final String base;
    private final BenchClient regionAdmin;
    private final Function<String, String> tokens;
    private final String tag;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param regionAdmin a client of a region administrator (it creates the hospitals)
     * @param tokens      gives an account a personal access token and answers its secret
     * @param tag         a short upper-case text that makes this run's codes unique in the deployment
     */
    RegionBench(String base, BenchClient regionAdmin, Function<String, String> tokens, String tag) {
        this.base = base;
        this.regionAdmin = regionAdmin;
        this.tokens = tokens;
        this.tag = tag;
    }

    /** A hospital made through the API: its code, its administrator and that administrator's one-time password. */
    record MadeHospital(String code, String admin, String oneTimePassword, BenchClient client) {
    }

    private MadeHospital hospital(String code, String name, String type, String district) {
        String admin = code.toLowerCase(Locale.ROOT) + "-admin";
        JsonNode answer = json.readTree(regionAdmin.postJson("/api/v1/region/hospitals", "{\"code\":\"" + code
                + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"level\":\"未定级\",\"district\":\""
                + district + "\",\"admin\":{\"username\":\"" + admin + "\",\"displayName\":\"基准管理员\"}}", 201));
        return new MadeHospital(code, admin, answer.get("admin").get("oneTimePassword").stringValue(),
                regionAdmin.withToken(tokens.apply(admin)));
    }

    /** The region's catalogue, kept by the region administrator. */
    private void putCatalogue(BenchClient keeper, List<ExamStream.Item> items) {
        for (ExamStream.Item i : items) {
            keeper.putJson("/api/v1/exam-items/" + i.code(), "{\"name\":\"" + i.name() + "\",\"category\":\""
                    + i.category() + "\",\"validDays\":" + i.validDays() + ",\"scope\":\""
                    + (i.alliance() ? "ALLIANCE" : "REGION") + "\",\"price\":" + i.price() + "}", 200, 201);
        }
    }

    /** A regulator of the first hospital, created on the users page by its administrator; its username. */
    private String regulator(MadeHospital first, String password) {
        SignedIn admin = new SignedIn(first.admin(), first.oneTimePassword());
        String username = tag.toLowerCase(Locale.ROOT) + "-regulator";
        HttpResponse<String> form = admin.get("/admin/users/new");
        HttpResponse<String> created = admin.post("/admin/users", "username=" + enc(username) + "&displayName="
                + enc("基准监管员") + "&password=" + enc(password) + "&roles=REGULATOR&enabled=true&_csrf="
                + enc(SignedIn.csrf(form.body())));
        if (!created.uri().getPath().matches("/admin/users/\\d+")) {
            throw new IllegalStateException("creating the regulator ended at " + created.uri() + " ("
                    + created.statusCode() + ")");
        }
        return username;
    }

    /**
     * The exams part: hospitals, units, catalogue, alliances and a regulator; {@code sizes.records()} records through
     * the API; the month's report; one more batch and its figures read back.
     */
    ExamResult exams(ExamSizes sizes, Instant now, DoubleSupplier serverCpu) throws Exception {
        int hospitals = Math.max(2, (sizes.institutions() + 9) / 10);
        if (sizes.institutions() < 2 * hospitals) {
            throw new IllegalArgumentException("--institutions must be at least 4 (two hospitals of two)");
        }
        List<MadeHospital> made = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int h = 0; h < hospitals; h++) {
            String code = String.format(Locale.ROOT, "%sE%03d", tag, h + 1);
            made.add(hospital(code, "基准医院 " + code, h == 0 ? "TERTIARY_HOSPITAL" : "SECONDARY_HOSPITAL",
                    "基准区 " + (h % 5 + 1)));
            codes.add(code);
        }
        Layout layout = new Layout(codes, sizes.institutions());
        for (int i = 0; i < sizes.institutions(); i++) {
            if (i >= hospitals) {
                made.get(layout.hospitalOf(i)).client().postJson("/api/v1/units", "{\"code\":\"" + layout.code(i)
                        + "\",\"name\":\"基准社区卫生服务中心 " + layout.key(i) + "\",\"kind\":\"INSTITUTION\","
                        + "\"type\":\"PRIMARY_CARE\"}", 201);
            }
        }
        List<ExamStream.Item> items = catalogue(tag + "-");
        putCatalogue(regionAdmin, items);
        for (int h = 0; h < hospitals; h++) {
            StringBuilder members = new StringBuilder();
            for (int i : layout.ofHospital(h)) {
                if (i != h) {
                    members.append(members.isEmpty() ? "" : ",").append('"').append(codes.get(h)).append('/')
                            .append(layout.code(i)).append('"');
                }
            }
            regionAdmin.postJson("/api/v1/alliances", "{\"code\":\"" + codes.get(h) + "-A\",\"name\":\"基准医共体 "
                    + codes.get(h) + "\",\"lead\":\"" + codes.get(h) + "\",\"members\":[" + members + "]}", 201);
        }
        BenchClient regulator = regionAdmin.withToken(tokens.apply(regulator(made.get(0), "Bench-regulator-2026")));

        YearMonth month = reportMonth(now);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ExamStream.ZONE).toInstant();
        Instant from = month.minusMonths(10).atDay(1).atStartOfDay(ExamStream.ZONE).toInstant();
        ExamStream stream = new ExamStream(16, tag + "-", items, tag + "-OUTSIDE", layout.allianceOf(), from, to,
                sizes.records());
        Tally tally = new Tally();
        IngestBench.Load ingest = IngestBench.throughApi("exams API", sizes.records(), sizes.clients(),
                () -> batches(stream, layout, tally, sizes.records(), sizes.batch()),
                (Batch b) -> made.get(b.hospital()).client().postExams(b.json()), serverCpu);
        double idle = waitUntilIdle(serverCpu);

        List<String> failures = new ArrayList<>();
        if (ingest.answer().accepted() != sizes.records() || ingest.answer().rejected() > 0) {
            failures.add("the ingest accepted " + ingest.answer().accepted() + " of " + sizes.records()
                    + " records, rejected " + ingest.answer().rejected() + ", first: " + ingest.answer().firstRejection());
        }
        Set<String> itemCodes = new TreeSet<>(items.stream().map(ExamStream.Item::code).toList());
        long t0 = System.nanoTime();
        Map<String, List<Long>> report = figures(regulator, month.toString(), itemCodes);
        double first = (System.nanoTime() - t0) / 1e9;
        double best = first;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            figures(regulator, month.toString(), itemCodes);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        Map<String, List<Long>> expected = tally.over(month, month);
        // checked against what each hospital reads of its own: a regulator's rows of fewer than 5 patients are
        // suppressed (docs/exams.md), the hospitals' own are not
        differences(expected, ownFigures(made, month.toString(), itemCodes)).stream().limit(10)
                .forEach(d -> failures.add(month + " report: " + d));

        // the incremental batch: the next records of the first hospital alone, sent as one call
        stream.restrictTo(layout.ofHospital(0));
        StringBuilder batch = new StringBuilder("[");
        Set<YearMonth> months = new TreeSet<>();
        int n = 0;
        while (n < sizes.increment()) {
            ExamStream.Row r = stream.next();
            if (layout.hospitalOf(r.institution()) != 0) {
                continue; // a second examination elsewhere of an episode begun before: never sent
            }
            if (r.at() > now.getEpochSecond() - 3600) {
                throw new IllegalStateException("the incremental batch reaches " + Instant.ofEpochSecond(r.at())
                        + ", too close to now: run with fewer --exam-records per day or later in the month");
            }
            append(batch, n++ == 0, r, layout.code(r.institution()), stream.itemCode(r.item()));
            count(tally, layout, r, stream);
            months.add(r.month());
        }
        byte[] body = batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
        long i0 = System.nanoTime();
        BenchClient.Answer answer = made.get(0).client().postExams(body);
        double increment = (System.nanoTime() - i0) / 1e9;
        if (answer.accepted() != sizes.increment() || answer.rejected() > 0) {
            failures.add("the incremental batch: accepted " + answer.accepted() + " of " + sizes.increment()
                    + ", first rejection " + answer.firstRejection());
        }
        long r0 = System.nanoTime();
        Map<YearMonth, Map<String, List<Long>>> after = new LinkedHashMap<>();
        for (YearMonth m : months) {
            figures(regulator, m.toString(), itemCodes);
            after.put(m, ownFigures(made, m.toString(), itemCodes));
        }
        double readBack = (System.nanoTime() - r0) / 1e9;
        after.forEach((m, read) -> differences(tally.over(m, m), read).stream().limit(10)
                .forEach(d -> failures.add(m + " after the incremental batch: " + d)));
        return new ExamResult(ingest, idle, month, first, best, report.size(), expected, increment, answer, readBack,
                List.copyOf(months), failures, hospitals);
    }

    /** The stream's first {@code records} rows as batches per hospital, each sent when it is full (time order). */
    private Iterator<Batch> batches(ExamStream stream, Layout layout, Tally tally, long records, int size) {
        return new Iterator<>() {
            final StringBuilder[] open = new StringBuilder[layout.hospitals()];
            final int[] rows = new int[layout.hospitals()];
            long left = records;
            int flushing = 0;
            Batch ready;

            @Override
            public boolean hasNext() {
                while (ready == null && left > 0) {
                    ExamStream.Row r = stream.next();
                    left--;
                    int h = layout.hospitalOf(r.institution());
                    if (open[h] == null) {
                        open[h] = new StringBuilder(size * 200).append('[');
                    }
                    append(open[h], rows[h] == 0, r, layout.code(r.institution()), stream.itemCode(r.item()));
                    count(tally, layout, r, stream);
                    if (++rows[h] == size) {
                        ready = close(h);
                    }
                }
                while (ready == null && flushing < open.length) {
                    if (rows[flushing] > 0) {
                        ready = close(flushing);
                    }
                    flushing++;
                }
                return ready != null;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Batch b = ready;
                ready = null;
                return b;
            }

            private Batch close(int h) {
                Batch b = new Batch(h, open[h].append(']').toString().getBytes(StandardCharsets.UTF_8));
                open[h] = null;
                rows[h] = 0;
                return b;
            }
        };
    }

    private static void count(Tally tally, Layout layout, ExamStream.Row r, ExamStream stream) {
        if (r.item() >= 0) {
            tally.add(layout.key(r.institution()), stream.itemCode(r.item()), r.month(), r.expected());
        }
    }

    private static void append(StringBuilder b, boolean first, ExamStream.Row r, String institution, String item) {
        b.append(first ? "" : ",").append("{\"recordId\":\"").append(r.recordId()).append("\",\"institution\":\"")
                .append(institution).append("\",\"patientId\":\"").append(r.patientId()).append("\",\"item\":\"")
                .append(item).append("\",\"performedAt\":\"").append(r.performedAt()).append("\",\"recognisable\":")
                .append(r.recognisable());
        if (r.exception() != null) {
            b.append(",\"exception\":\"").append(r.exception()).append('"');
        }
        b.append('}');
    }

    /**
     * The figures of a period as the hospitals read their own (a regulator's rows of fewer than 5 patients are
     * suppressed, a hospital's own are not), all hospitals' together.
     */
    Map<String, List<Long>> ownFigures(List<MadeHospital> made, String period, Set<String> items) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (MadeHospital m : made) {
            out.putAll(figures(m.client(), period, items));
        }
        return out;
    }

    /** The figures of a period read through {@code GET /api/v1/exams/repeats}, for the benchmark's items only. */
    Map<String, List<Long>> figures(BenchClient reader, String period, Set<String> items) {
        Map<String, List<Long>> out = new TreeMap<>();
        JsonNode answer = json.readTree(reader.get("/api/v1/exams/repeats?period=" + period));
        for (JsonNode row : answer.get("items")) {
            String item = row.get("item").stringValue();
            if (items.contains(item)) {
                String key = row.get("institution").stringValue() + "@" + row.get("hospital").stringValue() + "|" + item;
                List<Long> before = out.getOrDefault(key, List.of(0L, 0L, 0L));
                out.put(key, List.of(before.get(0) + row.get("records").asLong(),
                        before.get(1) + row.get("repeats").asLong(),
                        before.get(2) + row.get("sameInstitutionRepeats").asLong()));
            }
        }
        return out;
    }

    /**
     * Waits until the server has used less than a tenth of a CPU-second in a second (its after-commit work, such as
     * the repeat-rate alert checks, is done), at most five minutes; answers the seconds waited.
     */
    static double waitUntilIdle(DoubleSupplier serverCpu) throws InterruptedException {
        long start = System.nanoTime();
        double before = serverCpu.getAsDouble();
        while (System.nanoTime() - start < 300e9) {
            Thread.sleep(1000);
            double now = serverCpu.getAsDouble();
            if (now - before < 0.1) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // --------------------------------------------------------------------------------------------- the workbench

    /** The sizes of the workbench part. */
    record WorkbenchSizes(int hospitals, int months, int recordsPerMonth, int samples, int clients) {
    }

    /** One page's times in milliseconds. */
    record PageTimes(String page, int count, double p50, double p95, double p99, double max) {
    }

    /** What the workbench part measured. */
    record WorkbenchResult(double setUpSeconds, long records, IngestBench.Load upload, List<PageTimes> pages,
                           List<String> failures) {
    }

    static final List<String> TYPES = List.of("TERTIARY_HOSPITAL", "SECONDARY_HOSPITAL", "SECONDARY_HOSPITAL",
            "PRIMARY_CARE", "PRIMARY_CARE", "PRIMARY_CARE", "PRIMARY_CARE", "PRIMARY_CARE", "PRIMARY_CARE",
            "PRIMARY_CARE");

    /**
     * The workbench part: N hospitals with M months of statistics and exam records (set-up through the API and the
     * exam import), alliances of ten; then the regulator's pages, each opened {@code samples} times after one warm-up.
     */
    WorkbenchResult workbench(WorkbenchSizes sizes, Path dir, Instant now, DoubleSupplier serverCpu) throws Exception {
        long start = System.nanoTime();
        int n = sizes.hospitals();
        List<MadeHospital> made = new ArrayList<>();
        YearMonth last = YearMonth.from(now.atZone(ExamStream.ZONE)).minusMonths(1);
        YearMonth first = last.minusMonths(sizes.months() - 1);
        List<String> failures = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            String code = String.format(Locale.ROOT, "%sW%03d", tag, h + 1);
            String type = TYPES.get(h % TYPES.size());
            MadeHospital m = hospital(code, "基准机构 " + code, type, district(h));
            made.add(m);
            m.client().postJson("/api/v1/units", "{\"code\":\"" + code + "\",\"name\":\"基准机构 " + code
                    + "\",\"kind\":\"INSTITUTION\",\"type\":\"" + type + "\"}", 201);
            // the visits measure the region reads comes with the new hospital's default catalogue
            StringBuilder stats = new StringBuilder("[");
            for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
                stats.append(stats.length() == 1 ? "" : ",").append("{\"unit\":\"").append(code)
                        .append("\",\"month\":\"").append(ym).append("\",\"measure\":\"outpatient_visits\",\"value\":")
                        .append(2_000 + (h * 37 + ym.getMonthValue() * 11) % 900).append('}');
            }
            BenchClient.Answer stored = m.client().postStatistics(stats.append(']').toString()
                    .getBytes(StandardCharsets.UTF_8));
            if (stored.accepted() != sizes.months()) {
                failures.add(code + ": statistics accepted " + stored.accepted() + " of " + sizes.months() + ", "
                        + stored.firstRejection());
            }
        }
        List<ExamStream.Item> items = catalogue(tag + "-");
        putCatalogue(regionAdmin, items);
        int[] alliance = new int[n];
        for (int h = 0; h < n; h++) {
            alliance[h] = h / 10;
        }
        for (int a = 0; a * 10 < n; a++) {
            StringBuilder members = new StringBuilder();
            for (int h = a * 10 + 1; h < Math.min(n, a * 10 + 10); h++) {
                members.append(members.isEmpty() ? "" : ",").append('"').append(made.get(h).code()).append('"');
            }
            regionAdmin.postJson("/api/v1/alliances", "{\"code\":\"" + tag + "-WA" + a + "\",\"name\":\"基准医联体 "
                    + a + "\",\"lead\":\"" + made.get(a * 10).code() + "\",\"members\":[" + members + "]}", 201);
        }

        // the exam records of the months, one CSV file per hospital (written before the clock of the upload starts)
        long records = (long) n * sizes.months() * sizes.recordsPerMonth();
        Instant from = first.atDay(1).atStartOfDay(ExamStream.ZONE).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(ExamStream.ZONE).toInstant();
        ExamStream stream = new ExamStream(18, tag + "-W", items, tag + "-OUTSIDE", alliance, from, to, records);
        Tally tally = new Tally();
        List<Path> files = new ArrayList<>();
        List<BufferedWriter> writers = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            Path f = dir.resolve("exams-" + made.get(h).code() + ".csv");
            files.add(f);
            BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
            w.write("recordId,institution,patientId,item,performedAt,recognisable,exception\n");
            writers.add(w);
        }
        long written = 0;
        while (written < records) {
            ExamStream.Row r = stream.next();
            if (!r.month().isAfter(last)) {
                written++;
                String code = made.get(r.institution()).code();
                writers.get(r.institution()).write(r.recordId() + "," + code + "," + r.patientId() + ","
                        + stream.itemCode(r.item()) + "," + r.performedAt() + "," + r.recognisable() + ","
                        + (r.exception() == null ? "" : r.exception()) + "\n");
                if (r.item() >= 0) {
                    tally.add(code + "@" + code, stream.itemCode(r.item()), r.month(), r.expected());
                }
            } else {
                break; // in time order: every later record is after the last month too
            }
        }
        for (BufferedWriter w : writers) {
            w.close();
        }
        List<Integer> order = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            order.add(h);
        }
        IngestBench.Load upload = IngestBench.throughApi("exams CSV import", written, sizes.clients(), order,
                (Integer h) -> made.get(h).client().importFile("/api/v1/exams/import", files.get(h)), serverCpu);
        if (upload.answer().accepted() != written || upload.answer().rejected() > 0) {
            failures.add("the exam import accepted " + upload.answer().accepted() + " of " + written + ", first: "
                    + upload.answer().firstRejection());
        }
        String password = "Bench-regulator-2026";
        String regulatorName = regulator(made.get(0), password);
        BenchClient regulatorApi = regionAdmin.withToken(tokens.apply(regulatorName));
        Set<String> itemCodes = new TreeSet<>(items.stream().map(ExamStream.Item::code).toList());
        Map<String, List<Long>> read = new TreeMap<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            ownFigures(made, Integer.toString(year), itemCodes).forEach((k, v) -> read.merge(k, v,
                    (x, y) -> List.of(x.get(0) + y.get(0), x.get(1) + y.get(1), x.get(2) + y.get(2))));
        }
        differences(tally.over(first, last), read).stream().limit(10).forEach(d -> failures.add("workbench data: " + d));
        waitUntilIdle(serverCpu);
        double setUp = (System.nanoTime() - start) / 1e9;

        SignedIn regulator = new SignedIn(regulatorName, password);
        String district = enc(district(0));
        String lastPage = Integer.toString((n - 1) / 20);
        List<String> pages = List.of("/", "/region/workbench?page=" + lastPage, "/region/workbench?district=" + district,
                "/region/workbench?q=" + made.get(n / 2).code(), "/region/rankings",
                "/region/rankings?by=COST&period=" + last, "/region/districts", "/region/districts?district=" + district,
                "/region/institutions/" + made.get(n / 2).code(), "/region/completeness",
                "/region/completeness?page=" + lastPage, "/region/alliances",
                "/region/alliances/" + tag + "-WA0?period=" + last.getYear(), "/region/repeat-alerts",
                "/region/evaluations", "/exams", "/exams?period=" + last);
        List<PageTimes> times = new ArrayList<>();
        for (String page : pages) {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i <= sizes.samples(); i++) {
                long t = System.nanoTime();
                HttpResponse<String> answer = regulator.get(page);
                long took = System.nanoTime() - t;
                if (answer.statusCode() != 200 || answer.uri().getPath().startsWith("/login")) {
                    failures.add("GET " + page + " answered " + answer.statusCode() + " at " + answer.uri());
                    break;
                }
                if (i > 0) {
                    nanos.add(took);
                }
            }
            if (!nanos.isEmpty()) {
                java.util.Collections.sort(nanos);
                times.add(new PageTimes(page, nanos.size(), LoadBench.percentile(nanos, 50),
                        LoadBench.percentile(nanos, 95), LoadBench.percentile(nanos, 99),
                        nanos.get(nanos.size() - 1) / 1e6));
            }
        }
        return new WorkbenchResult(setUp, written, upload, times, failures);
    }

    static String district(int hospital) {
        return "基准区 " + (hospital % 12 + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A person signed in with the sign-in form (its CSRF token, then the session cookie), as a browser is. */
    private final class SignedIn {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

        SignedIn(String username, String password) {
            HttpResponse<String> home = post("/login", "username=" + enc(username) + "&password=" + enc(password)
                    + "&_csrf=" + enc(csrf(get("/login").body())));
            if (home.statusCode() != 200 || home.uri().getPath().startsWith("/login")) {
                throw new IllegalStateException("signing in as " + username + " ended at " + home.uri() + " ("
                        + home.statusCode() + ")");
            }
        }

        static String csrf(String html) {
            Matcher m = LoadBench.CSRF.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("the page has no CSRF token");
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(String path, String form) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
