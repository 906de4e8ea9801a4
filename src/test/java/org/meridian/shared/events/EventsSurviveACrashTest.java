package org.meridian.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.MeridianApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events between modules survive a crash (docs/adr/0004-event-publication-registry.md). A real Meridian runs in a
 * child JVM on its own data directory; an evaluation is published, and the JVM is killed with SIGKILL (kill -9)
 * after the publication has committed but while its listeners (incentive drafting and feedback reports) are still
 * at work: the test holds a lock on their tables (and the notifications'), so the first listener waits inside its transaction. Started again
 * on the same data directory, Meridian delivers the event again, and the statements and reports then exist exactly
 * once.
 */
class EventsSurviveACrashTest {

    static final String PASSWORD = "Crash-test-2026";
    static final String SCHEME = """
            {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 100,
                             "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";
    static final String SERVICE_FEE = """
            {"code": "SERVICE-FEE", "name": "服务费（按等级）", "type": "FEE", "validFrom": "2026-01-01",
             "baseKind": "FIXED", "baseAmount": 5000, "rateBy": "TIER",
             "tierRates": {"A": 1.2, "B": 1.0, "C": 0.5}, "cap": 5500}""";

    static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path work;

    @Test
    void statementsAndReportsOfAPublicationInterruptedByKillMinus9ExistExactlyOnceAfterTheRestart() throws Exception {
        Path data = work.resolve("data");
        try {
            long evaluation = publishAndKill(data);
            restartAndCheck(data, evaluation);
        } finally {
            stopOrphanedPostgres(data);
        }
    }

    /** Publishes an evaluation and kills Meridian while the listeners wait; answers the evaluation's id. */
    private long publishAndKill(Path data) throws Exception {
        Child first = Child.start(work, data, "first");
        try {
            first.send("POST", "/api/v1/channels", "{\"code\": \"K1\", \"name\": \"渠道 K1\", \"type\": \"EXAM_CENTER\"}", 201);
            first.send("POST", "/api/v1/channels", "{\"code\": \"K2\", \"name\": \"渠道 K2\", \"type\": \"EXAM_CENTER\"}", 201);
            first.send("PUT", "/api/v1/schemes/EXAM_CENTER", SCHEME, 200);
            first.send("POST", "/api/v1/incentive-rules", SERVICE_FEE, 201);
            // K1 10 referrals → total 100, tier A; K2 6 → 60, tier C
            first.send("POST", "/api/v1/events", "[" + events("K1", 10, 0) + "," + events("K2", 6, 10) + "]", 200);
            long evaluation = first.send("POST", "/api/v1/evaluations",
                    "{\"period\": \"2026-Q3\", \"unitType\": \"EXAM_CENTER\"}", 200).get("id").asLong();

            try (Connection db = DriverManager.getConnection(first.jdbcUrl())) {
                db.setAutoCommit(false);
                try (Statement s = db.createStatement()) {
                    // writes to the listeners' tables wait; reading them does not
                    s.execute("LOCK TABLE feedback_report, incentive_statement, notification IN EXCLUSIVE MODE");
                }
                // the answer never comes: the listeners run right after the commit, before the answer
                first.sendInBackground("POST", "/api/v1/evaluations/" + evaluation + "/publish");
                awaitListenerWaitingForTheLock(db, first);

                assertThat(single(db, "SELECT status FROM evaluation WHERE id = " + evaluation))
                        .as("the publication has committed").isEqualTo("PUBLISHED");
                assertThat(single(db, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
                        .as("one incomplete publication per listener (incentive, feedback, notification)").isEqualTo("3");
                assertThat(single(db, "SELECT count(*) FROM incentive_statement WHERE evaluation_id = " + evaluation))
                        .isEqualTo("0");
                assertThat(single(db, "SELECT count(*) FROM feedback_report WHERE evaluation_id = " + evaluation))
                        .isEqualTo("0");

                first.kill();
                db.rollback();
            }
            return evaluation;
        } finally {
            first.kill();
        }
    }

    private void restartAndCheck(Path data, long evaluation) throws Exception {
        Child second = Child.start(work, data, "second");
        try {
            // K1: 5000 × 1.2 = 6000 > cap 5500 → 5500.00; K2: 5000 × 0.5 = 2500.00
            List<String> statements = new ArrayList<>();
            second.send("GET", "/api/v1/statements?period=2026-Q3", null, 200).get("items").forEach(s -> statements.add(
                    s.get("channelCode").asString() + " " + s.get("total").decimalValue().setScale(2).toPlainString()
                            + " v" + s.get("evaluationVersion").asInt()));
            assertThat(statements).containsExactlyInAnyOrder("K1 5500.00 v1", "K2 2500.00 v1");
            JsonNode reports = second.send("GET", "/api/v1/feedback-reports?evaluationId=" + evaluation, null, 200);
            assertThat(reports.get("total").asInt()).isEqualTo(2);
            List<String> channels = new ArrayList<>();
            reports.get("items").forEach(r -> channels.add(r.get("channel").asString()));
            assertThat(channels).containsExactlyInAnyOrder("K1", "K2");
            try (Connection db = DriverManager.getConnection(second.jdbcUrl())) {
                assertThat(single(db, "SELECT count(*) FROM incentive_statement WHERE evaluation_id = " + evaluation))
                        .as("exactly once").isEqualTo("2");
                assertThat(single(db, "SELECT count(*) FROM feedback_report WHERE evaluation_id = " + evaluation))
                        .as("exactly once").isEqualTo("2");
                assertThat(single(db, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
                        .as("nothing owed any more").isEqualTo("0");
            }
        } finally {
            second.stop();
        }
    }

    /** A killed child leaves its PostgreSQL running: stop it as the next Meridian would (docs/adr/0001). */
    private static void stopOrphanedPostgres(Path data) throws Exception {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(postmaster -> {
            postmaster.destroy();
            try {
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.destroyForcibly();
            }
        });
    }

    /** Waits until a backend of the child waits for the test's lock on a listener's table. */
    private static void awaitListenerWaitingForTheLock(Connection db, Child child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!"1".equals(single(db, """
                SELECT least(count(*), 1) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE NOT l.granted AND c.relname IN ('feedback_report', 'incentive_statement', 'notification')"""))) {
            if (System.nanoTime() > deadline || !child.process.isAlive()) {
                throw new AssertionError("no listener reached its table; see " + child.log);
            }
            Thread.sleep(100);
        }
    }

    private static String events(String channel, int referrals, int offset) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= referrals; i++) {
            int n = offset + i;
            rows.add("{\"eventId\": \"crash-" + n + "\", \"type\": \"REFERRAL\", \"channel\": \"" + channel
                    + "\", \"occurredAt\": \"2026-08-0" + (1 + i % 9) + "T12:00:00+08:00\", \"referralId\": \"CR-"
                    + n + "\"}");
        }
        return String.join(",", rows);
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Meridian in a JVM of its own, started as in production on the given data directory, with HTTP Basic. */
    private static final class Child {

        final Process process;
        final Path data;
        final Path log;
        final String base;
        final HttpClient http = HttpClient.newHttpClient();

        private Child(Process process, Path data, Path log, String base) {
            this.process = process;
            this.data = data;
            this.log = log;
            this.base = base;
        }

        static Child start(Path work, Path data, String name) throws IOException, InterruptedException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = work.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    MeridianApplication.class.getName(),
                    // the PostgreSQL binaries unpacked once for every test
                    "--meridian.db.runtime-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "meridian-pg-runtime"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("MERIDIAN_DATA_DIR", data.toString());
            builder.environment().put("MERIDIAN_ADMIN_PASSWORD", PASSWORD);
            builder.environment().put("MERIDIAN_DEMO", "false");
            // it calls the API by HTTP Basic as admin, which two-step verification (required of ADMIN outside the demo)
            // refuses; the second factor is not what it is about
            builder.environment().put("MERIDIAN_SECOND_FACTOR_ROLES", "none");
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().remove("SPRING_DATASOURCE_URL");
            Child child = new Child(builder.start(), data, log, "http://localhost:" + port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!child.healthy()) {
                if (!child.process.isAlive() || System.nanoTime() > deadline) {
                    child.kill();
                    throw new IllegalStateException("Meridian did not start; see " + log);
                }
                Thread.sleep(250);
            }
            return child;
        }

        private boolean healthy() throws InterruptedException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }

        private HttpRequest request(String method, String path, String body) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .timeout(Duration.ofSeconds(120))
                    .build();
        }

        JsonNode send(String method, String path, String body, int expected) throws Exception {
            HttpResponse<String> r = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
            return r.body().isBlank() ? null : JSON.readTree(r.body());
        }

        void sendInBackground(String method, String path) {
            http.sendAsync(request(method, path, null), HttpResponse.BodyHandlers.discarding());
        }

        /** The JDBC URL of the child's embedded PostgreSQL (its port is the fourth line of {@code postmaster.pid}). */
        String jdbcUrl() throws IOException {
            List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
            return "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres?user=postgres&password="
                + org.meridian.shared.db.EmbeddedPostgresServer.password(data);
        }

        /** SIGKILL, as {@code kill -9}: no shutdown hook runs, and the child's PostgreSQL is left running. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** SIGTERM: Meridian shuts down and stops its PostgreSQL. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
