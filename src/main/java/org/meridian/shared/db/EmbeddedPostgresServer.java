package org.meridian.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded, real PostgreSQL server Meridian runs on when no {@code SPRING_DATASOURCE_URL} is set.
 *
 * <p>Its cluster lives in {@code <dataDir>/postgres} and survives restarts. Guarantees:
 * <ul>
 *   <li>One process per data directory: an exclusive lock on {@code <dataDir>/meridian.lock} is taken
 *       before anything else; a second Meridian on the same directory fails at once with
 *       {@link DataDirectoryInUseException} and touches nothing.</li>
 *   <li>Crash recovery: when the previous JVM was killed, its PostgreSQL may still run (an orphan
 *       holding {@code postmaster.pid}). Holding the lock proves no Meridian owns it any more, so the
 *       orphan is shut down (fast, then immediate) and the cluster restarts with PostgreSQL's own WAL
 *       recovery.</li>
 *   <li>Durability: {@code fsync} and {@code synchronous_commit} are on unless {@code durable} is false
 *       (tests only); zonky's defaults turn both off.</li>
 *   <li>Stopped by {@link #close()} only (the application context closes it last), never by a shutdown hook
 *       racing the beans that still need it.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final boolean ephemeral;

    private EmbeddedPostgresServer(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
                                   boolean ephemeral) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts (or restarts) the cluster under {@code dataDir}, with the PostgreSQL binaries unpacked
     * into {@code runtimeDir}. An {@code ephemeral} server (tests) deletes its data directory on close.
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path runtimeDir, boolean durable, boolean ephemeral) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("meridian.lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDir);
            }
            try {
                Path cluster = dataDir.resolve("postgres");
                stopOrphan(cluster);
                Path binaries = runtimeDir;
                Files.createDirectories(binaries);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(cluster)
                        .setCleanDataDirectory(false)
                        // stopped by close() when the application context closes, after every bean that still
                        // uses the database (the event publication registry reads it while shutting down); a
                        // shutdown hook of its own would stop it in parallel, and that bean would wait for a
                        // connection until Hikari gives up
                        .setRegisterShutdownHook(false)
                        .setOverrideWorkingDirectory(binaries.toFile())
                        .setPGStartupWait(Duration.ofSeconds(120))
                        .setServerConfig("fsync", durable ? "on" : "off")
                        .setServerConfig("synchronous_commit", durable ? "on" : "off")
                        .setServerConfig("full_page_writes", durable ? "on" : "off")
                        .setServerConfig("timezone", "UTC")
                        .setServerConfig("max_connections", "100")
                        .start();
                log.info("Embedded PostgreSQL running on port {} with data in {} (durable: {})",
                        postgres.getPort(), cluster, durable);
                return new EmbeddedPostgresServer(dataDir, channel, lock, postgres, ephemeral);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Stops a postmaster left behind by a killed JVM. Only called while holding the directory lock,
     * so any live postmaster of this cluster is an orphan.
     */
    static void stopOrphan(Path cluster) {
        orphanPid(cluster).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            log.warn("Found PostgreSQL (pid {}) left running by a previous Meridian that did not shut down; stopping it",
                    orphan.pid());
            // SIGTERM on a postmaster with no clients is a clean shutdown; SIGKILL only if it refuses.
            orphan.destroy();
            if (!waitForExit(orphan, Duration.ofSeconds(30))) {
                orphan.destroyForcibly();
                waitForExit(orphan, Duration.ofSeconds(10));
            }
        });
    }

    static Optional<Long> orphanPid(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.error("Could not stop the embedded PostgreSQL cleanly", e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.warn("Could not release {}", dataDir.resolve("meridian.lock"), e);
            }
            if (ephemeral) {
                deleteTree(dataDir);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}", root, e);
        }
    }
}
