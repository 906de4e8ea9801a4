package org.meridian.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

import org.postgresql.PGConnection;

/**
 * The three loads of the ingestion benchmark: the same rows through {@code POST /api/v1/events} (batches,
 * concurrent clients), through {@code POST /api/v1/imports} (one CSV file), and with PostgreSQL {@code COPY} into
 * a bare table (no index, no constraint: the physical reference of what the disk and the database can take).
 */
final class IngestBench {

    /**
     * One load's outcome: how many rows, in how many seconds, what the server answered, and the CPU seconds the
     * server (Meridian and its PostgreSQL) and this client spent on it.
     */
    record Load(String route, long rows, double seconds, BenchClient.Answer answer, double serverCpu, double clientCpu) {
        double perSecond() {
            return rows / seconds;
        }

        /** Rows per CPU-second of the server: what the route costs, whatever else runs on the machine. */
        double perServerCpuSecond() {
            return rows / serverCpu;
        }
    }

    /** Measures wall time and CPU around one load. */
    private static final class Clock {
        private final DoubleSupplier server;
        private final long start = System.nanoTime();
        private final double serverStart;
        private final long clientStart = clientCpuNanos();

        Clock(DoubleSupplier server) {
            this.server = server;
            this.serverStart = server.getAsDouble();
        }

        Load stop(String route, long rows, BenchClient.Answer answer) {
            return new Load(route, rows, (System.nanoTime() - start) / 1e9, answer, server.getAsDouble() - serverStart,
                    (clientCpuNanos() - clientStart) / 1e9);
        }

        private static long clientCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private IngestBench() {
    }

    /**
     * Sends {@code count} rows of {@code events} as JSON arrays of {@code batch} rows from {@code clients}
     * concurrent clients. The rows are generated while they are sent (one producer thread), as a hospital system
     * would; the clock runs from the first request until the last answer.
     */
    static Load throughApi(BenchClient client, BenchEvents events, long count, int clients, int batch,
                           DoubleSupplier serverCpu) throws InterruptedException {
        java.util.Iterator<byte[]> batches = new java.util.Iterator<>() {
            long left = count;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public byte[] next() {
                int n = (int) Math.min(batch, left);
                left -= n;
                return BenchEvents.json(events.next(n));
            }
        };
        return throughApi("REST API", count, clients, () -> batches, client::postEvents, serverCpu);
    }

    /**
     * Sends prepared batches ({@code batches}: JSON arrays, or files; {@code rows} rows in all) with {@code post} from {@code clients}
     * concurrent clients; the clock runs from the first request until the last answer.
     */
    static <T> Load throughApi(String route, long rows, int clients, Iterable<T> batches,
                               java.util.function.Function<T, BenchClient.Answer> post, DoubleSupplier serverCpu)
            throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(clients * 2);
        Object end = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        Clock clock = new Clock(serverCpu);
        try {
            Future<?> producer = pool.submit(() -> {
                for (T b : batches) {
                    queue.put(b);
                }
                for (int i = 0; i < clients; i++) {
                    queue.put(end);
                }
                return null;
            });
            List<Future<BenchClient.Answer>> senders = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                senders.add(pool.submit(() -> {
                    BenchClient.Answer sum = BenchClient.NONE;
                    for (Object body = queue.take(); body != end; body = queue.take()) {
                        @SuppressWarnings("unchecked")
                        T batch = (T) body;
                        sum = sum.plus(post.apply(batch));
                    }
                    return sum;
                }));
            }
            producer.get();
            BenchClient.Answer total = BenchClient.NONE;
            for (Future<BenchClient.Answer> s : senders) {
                total = total.plus(s.get());
            }
            return clock.stop(route, rows, total);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the " + route + " load failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Uploads files (written before the clock starts) one after the other to {@code POST /api/v1/imports}. */
    static Load throughImports(String route, long rows, BenchClient client, List<Path> files,
                               DoubleSupplier serverCpu) {
        Clock clock = new Clock(serverCpu);
        BenchClient.Answer answer = BenchClient.NONE;
        for (Path f : files) {
            answer = answer.plus(client.importFile(f));
        }
        return clock.stop(route, rows, answer);
    }

    /** Uploads one CSV file (written before the clock starts) to {@code POST /api/v1/imports}. */
    static Load throughImport(BenchClient client, Path csv, long rows, DoubleSupplier serverCpu) {
        Clock clock = new Clock(serverCpu);
        BenchClient.Answer answer = client.importFile(csv);
        return clock.stop("CSV import", rows, answer);
    }

    /**
     * Loads the same CSV file with {@code COPY} into a fresh table {@code bench_copy}: bare (no key, no index), or
     * {@code keyed} with the keys every stored event needs in {@code intake_event} — a generated primary key, the
     * unique eventId and the unique live REFERRAL/ACCEPTED per referralId — and nothing else (no validation, no
     * pseudonymisation, no rollups): the floor under any route that stores events with Meridian's guarantees.
     */
    static Load throughCopy(Connection connection, Path csv, long rows, DoubleSupplier serverCpu, boolean keyed)
            throws SQLException, IOException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_copy");
            s.execute("CREATE TABLE bench_copy (" + (keyed ? "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, " : "")
                    + """
                    event_id text, type text, channel text, occurred_at timestamptz,
                        referral_id text, patient_id text, value numeric, department text, recommend integer)""");
            if (keyed) {
                s.execute("ALTER TABLE bench_copy ADD UNIQUE (event_id)");
                s.execute("CREATE UNIQUE INDEX ON bench_copy (referral_id, type) WHERE type IN ('REFERRAL', 'ACCEPTED')");
            }
        }
        Clock clock = new Clock(serverCpu);
        long copied;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy (event_id, type, channel,"
                    + " occurred_at, referral_id, patient_id, value, department, recommend) FROM STDIN (FORMAT csv, HEADER true)", in);
        }
        Load load = clock.stop(keyed ? "COPY with keys" : "PostgreSQL COPY", rows,
                new BenchClient.Answer(copied, 0, 0, null));
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE bench_copy");
        }
        return load;
    }
}
