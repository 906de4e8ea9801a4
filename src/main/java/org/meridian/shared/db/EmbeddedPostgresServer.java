package org.meridian.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.meridian.shared.security.SecretKeyFile;
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
 *   <li>Password authentication: every connection, local socket or TCP, must give the superuser's password
 *       (SCRAM-SHA-256). The password is 32 random bytes generated on first start into
 *       {@code <dataDir>/postgres.password}, readable by its owner only. A cluster of an earlier Meridian, which
 *       trusted every local connection, gets the password and the new {@code pg_hba.conf} on its next start.</li>
 *   <li>Owner-only folders: the data directory, the cluster and the unpacked binaries are readable, writable
 *       and runnable by the owner only (no group, no others).</li>
 *   <li>Stopped by {@link #close()} only (the application context closes it last), never by a shutdown hook
 *       racing the beans that still need it.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The superuser the embedded cluster is created with. */
    public static final String USER = "postgres";
    static final String PASSWORD_FILE = "postgres.password";
    /** Every line of the cluster's {@code pg_hba.conf}: no connection without the password. */
    static final String HBA = """
            # Written by Meridian on every start: every connection gives the password (SCRAM-SHA-256).
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** Set from {@code durable} alone. */
    private static final Set<String> DURABILITY = Set.of("fsync", "synchronous_commit", "full_page_writes");

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final boolean ephemeral;
    private final String password;

    private EmbeddedPostgresServer(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
                                   boolean ephemeral, String password) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.ephemeral = ephemeral;
        this.password = password;
    }

    /**
     * Starts (or restarts) the cluster under {@code dataDir}, with the PostgreSQL binaries unpacked
     * into {@code runtimeDir}. An {@code ephemeral} server (tests) deletes its data directory on close.
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path runtimeDir, boolean durable, boolean ephemeral) {
        return start(dataDir, runtimeDir, durable, ephemeral, Map.of());
    }

    /**
     * Meridian's own server settings, applied on every start before {@code settings}: room for a busy day's writes
     * between checkpoints (fewer full-page images in the WAL when exam records and events arrive in bulk), and 1 GB
     * of shared buffers, so that the indexes a batch probes (exam records by patient, recordIds, events by
     * eventId) stay in PostgreSQL's own memory rather than being read back from the operating system's cache at
     * every batch (docs/benchmarks.md, <i>Exam batches after the server's settings</i>).
     */
    static final Map<String, String> DEFAULT_SETTINGS = Map.of(
            "shared_buffers", "1GB",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "15min");

    /**
     * As {@link #start(Path, Path, boolean, boolean)}, with server settings ({@code postgresql.conf} names and
     * values, e.g. {@code shared_buffers=2GB}) over {@link #DEFAULT_SETTINGS}; durability's own three settings
     * cannot be changed here.
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path runtimeDir, boolean durable, boolean ephemeral,
                                               Map<String, String> settings) {
        Map<String, String> server = new TreeMap<>(DEFAULT_SETTINGS);
        settings.forEach((name, value) -> {
            if (!name.matches("[a-z_]+(\\.[a-z_]+)?") || value.isBlank() || DURABILITY.contains(name)) {
                throw new IllegalArgumentException("not a PostgreSQL setting Meridian may set: " + name + "=" + value);
            }
            server.put(name, value.strip());
        });
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("meridian.lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ownerOnlyIfOurs(dataDir, lockFile);
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
                String password = password(dataDir);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                server.forEach(builder::setServerConfig);
                EmbeddedPostgres postgres = builder
                        .setDataDirectory(cluster)
                        .setCleanDataDirectory(false)
                        // stopped by close() when the application context closes, after every bean that still
                        // uses the database (the event publication registry reads it while shutting down); a
                        // shutdown hook of its own would stop it in parallel, and that bean would wait for a
                        // connection until Hikari gives up
                        .setRegisterShutdownHook(false)
                        .setOverrideWorkingDirectory(binaries.toFile())
                        // zonky's own readiness check connects as the superuser: with the password once required
                        .setConnectConfig("password", password)
                        .setPGStartupWait(Duration.ofSeconds(120))
                        .setServerConfig("fsync", durable ? "on" : "off")
                        .setServerConfig("synchronous_commit", durable ? "on" : "off")
                        .setServerConfig("full_page_writes", durable ? "on" : "off")
                        .setServerConfig("timezone", "UTC")
                        .setServerConfig("max_connections", "100")
                        .start();
                try {
                    requirePassword(postgres, cluster, password);
                    ownerOnlyTree(binaries);
                    ownerOnly(cluster); // PostgreSQL keeps everything inside it owner-only itself
                } catch (IOException | RuntimeException e) {
                    postgres.close();
                    throw e;
                }
                log.info("Embedded PostgreSQL running on port {} with data in {} (durable: {})",
                        postgres.getPort(), cluster, durable);
                return new EmbeddedPostgresServer(dataDir, channel, lock, postgres, ephemeral, password);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * The superuser's password of the cluster under {@code dataDir} (64 hex digits), generated on first use into
     * {@code <dataDir>/postgres.password} with owner-only permissions.
     */
    public static String password(Path dataDir) {
        return HexFormat.of().formatHex(SecretKeyFile.readOrCreate(dataDir.resolve(PASSWORD_FILE), "database password"));
    }

    /**
     * Sets the superuser's password (SCRAM-SHA-256) and makes {@code pg_hba.conf} ask every connection for it. A
     * cluster created by zonky (or by an earlier Meridian) trusts every local connection until then; the password
     * is set first, so no moment exists in which the cluster asks for a password it does not have. Returns only
     * once a connection without the password is refused.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path cluster, String password) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'"); // 64 hex digits: nothing to escape
            Path hba = cluster.resolve("pg_hba.conf");
            if (!Files.isRegularFile(hba) || !Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
                s.execute("SELECT pg_reload_conf()");
                log.info("The embedded PostgreSQL now asks every connection for the password in {}",
                        cluster.getParent().resolve(PASSWORD_FILE));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
        }
        // the postmaster reloads pg_hba.conf when it handles the signal: wait until it refuses a connection
        // without the password, so that nothing after start ever runs on a cluster that still trusts
        String url = postgres.getJdbcUrl(USER, "postgres");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The embedded PostgreSQL still accepts connections without a password");
                }
            } catch (SQLException refused) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the embedded PostgreSQL reloaded pg_hba.conf", e);
            }
        }
    }

    /**
     * Makes the data directory owner-only when it is Meridian's own (its owner is that of the lock file Meridian has
     * just made in it). A directory that belongs to someone else stays as it is: a container image's volume
     * {@code /var/lib/meridian} belongs to root and is writable by group 0, in which the image's user runs
     * (docs/deployment.md), and only its owner may change its mode; what Meridian makes inside (the cluster, the
     * binaries, the key files) is owner-only all the same.
     */
    static void ownerOnlyIfOurs(Path dataDir, Path madeByUs) throws IOException {
        if (!dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        if (Files.getOwner(dataDir).equals(Files.getOwner(madeByUs))) {
            ownerOnly(dataDir);
        } else {
            log.info("The data directory {} belongs to {}, not to this process's user: its permissions are kept, and "
                    + "what Meridian makes in it is owner-only", dataDir, Files.getOwner(dataDir).getName());
        }
    }

    /** Takes every permission of group and others from {@code path} (nothing on a file system without POSIX). */
    static void ownerOnly(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix") || Files.isSymbolicLink(path)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.removeAll(GROUP_AND_OTHERS)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static void ownerOnlyTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                try {
                    ownerOnly(path);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a file PostgreSQL removed meanwhile (a temporary one)
                }
            }
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

    /** The JDBC URL of the {@code postgres} database, without the password: give {@link #password()} too. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /** The superuser's password. */
    public String password() {
        return password;
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
