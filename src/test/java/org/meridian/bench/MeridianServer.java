package org.meridian.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Meridian started for the benchmark exactly as in production ({@code java -Xmx… -jar target/meridian.jar}) on a
 * fresh data directory, so with its own embedded, durable PostgreSQL ({@code fsync} and
 * {@code synchronous_commit} on). Its memory is watched while it works: the heap in use (actuator) and the resident
 * set of the process ({@code /proc}).
 */
final class MeridianServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Bench-secret-2026";
    static final String DEMO_PASSWORD = "meridian2026";

    private final Process process;
    private final Path dataDir;
    private final BenchClient client;
    private volatile BenchClient sampleClient;
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakRss = new AtomicLong();
    private Thread sampler;

    private MeridianServer(Process process, Path dataDir, BenchClient client) {
        this.process = process;
        this.dataDir = dataDir;
        this.client = client;
        this.sampleClient = client;
    }

    static MeridianServer start(Path jar, Path workDir, String maxHeap) throws IOException, InterruptedException {
        return start(jar, workDir, maxHeap, false);
    }

    /**
     * As {@link #start(Path, Path, String)}; with {@code demo} the server creates the demo hospital, its accounts (all
     * with the password {@code meridian2026}, {@code admin} too) and every module's demo data on its first start.
     */
    static MeridianServer start(Path jar, Path workDir, String maxHeap, boolean demo) throws IOException,
            InterruptedException {
        Path data = workDir.resolve("data");
        Files.createDirectories(data);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
        // extra JVM options for the server, e.g. a flight recording: BENCH_SERVER_OPTS="-XX:StartFlightRecording=..."
        String extra = System.getenv("BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server.log").toFile());
        builder.environment().put("MERIDIAN_DATA_DIR", data.toString());
        builder.environment().put("MERIDIAN_ADMIN_PASSWORD", demo ? DEMO_PASSWORD : ADMIN_PASSWORD);
        builder.environment().put("MERIDIAN_DEMO", Boolean.toString(demo));
        // it calls the API by HTTP Basic as admin, which two-step verification (required of ADMIN outside the demo)
        // refuses; the second factor is not what it is about
        builder.environment().put("MERIDIAN_SECOND_FACTOR_ROLES", "none");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        MeridianServer server = new MeridianServer(process, data,
                new BenchClient("http://localhost:" + port, "admin", demo ? DEMO_PASSWORD : ADMIN_PASSWORD));
        // the demo data (a year of events, evaluations, reports…) takes minutes on a busy machine
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(demo ? 900 : 240);
        while (!server.client.healthy()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("Meridian did not start; see " + workDir.resolve("server.log"));
            }
            Thread.sleep(500);
        }
        return server;
    }

    BenchClient client() {
        return client;
    }

    /**
     * Gives the administrator a personal access token straight in the database (the API has no call for it; the
     * My account page does the same) and answers a client that uses it.
     */
    BenchClient tokenClient() throws IOException, SQLException {
        String secret;
        try (Connection c = DriverManager.getConnection(jdbcUrl())) {
            secret = token(c, "admin");
        }
        BenchClient withToken = client.withToken(secret);
        // the memory sampler asks every quarter second: with HTTP Basic each sample cost the server a BCrypt check
        // (measured: 44 % of the server's JVM samples during the ingest loads), so it uses the token from now on
        sampleClient = withToken;
        return withToken;
    }

    /**
     * Gives an account a personal access token straight in the database (as the My account page would) and answers its
     * secret ({@code mrd_…}).
     */
    static String token(Connection c, String username) throws SQLException {
        String secret = "mrd_bench" + UUID.randomUUID().toString().replace("-", "");
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO api_token (hospital_id, user_id, name, token_prefix, token_hash)
                SELECT hospital_id, id, 'bench', ?, ? FROM app_user WHERE username = ?""")) {
            s.setString(1, secret.substring(0, 10));
            s.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8))));
            s.setString(3, username);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no account " + username + " to give a token to");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return secret;
    }

    /** The server's address, e.g. {@code http://localhost:41234}. */
    String base() {
        return client.base();
    }

    /**
     * CPU seconds (user + system) used so far by Meridian's JVM and everything it started — its PostgreSQL server
     * and the backends serving it, including the connections the benchmark opens itself.
     */
    double cpuSeconds() {
        double ticks = 0;
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(process.pid()).ifPresent(tree::add);
        process.descendants().forEach(tree::add);
        // pg_ctl detaches the postmaster from the JVM: find it by its pid file
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .get(0).trim());
            ProcessHandle.of(postmaster).ifPresent(p -> {
                if (!tree.contains(p)) {
                    tree.add(p);
                    p.descendants().filter(d -> !tree.contains(d)).forEach(tree::add);
                }
            });
        } catch (IOException | RuntimeException e) {
            // not started yet or already stopped
        }
        for (ProcessHandle p : tree) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14–17 of proc(5): utime, stime, cutime, cstime (here shifted by the two before ')')
                for (int i = 11; i <= 14; i++) {
                    ticks += Long.parseLong(f[i]);
                }
            } catch (IOException | RuntimeException e) {
                // a backend that just ended
            }
        }
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    /** CPU seconds (user + system) used so far by Meridian's JVM alone (the rest of {@link #cpuSeconds()} is PostgreSQL). */
    double jvmCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    long pid() {
        return process.pid();
    }

    /** The JDBC URL of the server's embedded PostgreSQL (its port is the fourth line of {@code postmaster.pid}). */
    String jdbcUrl() throws IOException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres?user=postgres&password="
                + org.meridian.shared.db.EmbeddedPostgresServer.password(dataDir);
    }

    /**
     * Starts sampling heap and resident memory every quarter second (peaks since the last call), with a personal
     * access token: by HTTP Basic each sample cost the server a BCrypt check (24 % of the server's JVM samples during
     * a load run before the load mode used the token too).
     */
    void watchMemory() throws IOException, SQLException {
        if (sampleClient == client) {
            tokenClient();
        }
        peakHeap.set(0);
        peakRss.set(0);
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peakHeap.accumulateAndGet(sampleClient.heapUsed(), Math::max);
                    peakRss.accumulateAndGet(rss(), Math::max);
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a sample lost while the server is very busy; the next one counts
                }
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling; returns {peak heap used, peak resident set} in bytes. */
    long[] stopWatching() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        return new long[]{peakHeap.get(), Math.max(peakRss.get(), statusKb("VmHWM") * 1024)};
    }

    private long rss() {
        return statusKb("VmRSS") * 1024;
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Stops Meridian gracefully (it stops its PostgreSQL); forcibly after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
