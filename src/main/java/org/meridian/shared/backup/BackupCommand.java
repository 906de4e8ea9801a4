package org.meridian.shared.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.meridian.shared.db.DataDirectoryInUseException;
import org.meridian.shared.db.EmbeddedPostgresServer;

/**
 * {@code java -jar meridian.jar --backup FILE} and {@code --restore FILE}, run without starting Meridian itself.
 *
 * <p>The database is the one Meridian would use: {@code SPRING_DATASOURCE_URL} (with {@code _USERNAME} and
 * {@code _PASSWORD}) when set, else the embedded PostgreSQL of {@code MERIDIAN_DATA_DIR}. A backup of the embedded
 * database works whether Meridian runs or not (a running one is read through its own server). The passphrase is
 * {@code MERIDIAN_BACKUP_PASSPHRASE} or, when unset, asked on the terminal (twice for a backup); at least
 * {@value #MIN_PASSPHRASE} characters. A restore goes only into an empty data directory (and, with an external
 * database, an empty database). Each setting may also be given as {@code --name=value} (e.g.
 * {@code --meridian.data-dir=/srv/meridian}).
 */
public final class BackupCommand {

    static final int MIN_PASSPHRASE = 12;
    static final String PASSPHRASE = "MERIDIAN_BACKUP_PASSPHRASE";

    private final Map<String, String> settings;
    private final Console console;
    private final PrintStream out;

    BackupCommand(Map<String, String> settings, Console console, PrintStream out) {
        this.settings = settings;
        this.console = console;
        this.out = out;
    }

    /** Whether the arguments ask for a backup or a restore instead of starting Meridian. */
    public static boolean wanted(String[] args) {
        return Arrays.asList(args).contains("--backup") || Arrays.asList(args).contains("--restore");
    }

    /** Runs the command of {@code args} and answers the exit status (0 done, 1 refused or failed, 2 misused). */
    public static int run(String[] args, Map<String, String> environment, Console console, PrintStream out,
                          PrintStream err) {
        quietLogs();
        Map<String, String> settings = new java.util.HashMap<>(environment);
        String action = null;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--backup") || arg.equals("--restore")) && i + 1 < args.length) {
                if (action != null) {
                    err.println("Give either --backup FILE or --restore FILE, once.");
                    return 2;
                }
                action = arg;
                file = Path.of(args[++i]);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                String name = arg.substring(2, arg.indexOf('='));
                settings.put(name.toUpperCase().replace('.', '_').replace('-', '_'), arg.substring(arg.indexOf('=') + 1));
            } else {
                err.println("Usage: java -jar meridian.jar --backup FILE | --restore FILE  [--meridian.data-dir=DIR]");
                return 2;
            }
        }
        if (action == null) {
            err.println("Usage: java -jar meridian.jar --backup FILE | --restore FILE  [--meridian.data-dir=DIR]");
            return 2;
        }
        BackupCommand command = new BackupCommand(settings, console, out);
        try {
            if (action.equals("--backup")) {
                command.backup(file);
            } else {
                command.restore(file);
            }
            return 0;
        } catch (BackupException e) {
            err.println((action.equals("--backup") ? "Backup" : "Restore") + " refused: " + e.getMessage());
            return 1;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println((action.equals("--backup") ? "Backup" : "Restore") + " failed: " + e);
            return 1;
        }
    }

    Path dataDir() {
        return Path.of(settings.getOrDefault("MERIDIAN_DATA_DIR", "./data")).toAbsolutePath().normalize();
    }

    private Path runtimeDir() {
        String runtime = settings.get("MERIDIAN_DB_RUNTIME_DIR");
        return runtime == null || runtime.isBlank() ? dataDir().resolve("pg-runtime") : Path.of(runtime).toAbsolutePath();
    }

    private String externalUrl() {
        String url = settings.get("SPRING_DATASOURCE_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /** Writes the backup to {@code file} (through a temporary file beside it, so a failed backup leaves none). */
    void backup(Path file) throws IOException, SQLException {
        Path dataDir = dataDir();
        if (externalUrl() == null && !Files.isRegularFile(dataDir.resolve("postgres").resolve("PG_VERSION"))) {
            throw new BackupException("there is no database in " + dataDir + " (set MERIDIAN_DATA_DIR)");
        }
        char[] passphrase = passphrase(true);
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        DatabaseBackup.Summary summary;
        try (Database db = open(); Connection c = db.connect();
             OutputStream encrypted = BackupCipher.encrypting(new BufferedOutputStream(Files.newOutputStream(partial)),
                     passphrase)) {
            summary = DatabaseBackup.write(c, dataDir, encrypted);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.printf("Backed up %d tables (%d rows) and %d key file(s) %s to %s (%d bytes)%n", summary.tables(),
                summary.rows(), summary.keyFiles().size(), summary.keyFiles(), target, Files.size(target));
        configuredKeys().forEach(name -> out.println("Note: " + name + " is set, so that key is not in the backup;"
                + " keep it with the backup, a restore needs it as well."));
    }

    /** Restores {@code file} into the empty data directory (and, with an external database, the empty database). */
    void restore(Path file) throws IOException, SQLException {
        Path dataDir = dataDir();
        if (!Files.isRegularFile(file)) {
            throw new BackupException("there is no file " + file);
        }
        if (externalUrl() == null ? !emptyOrAbsent(dataDir) : !DatabaseBackup.keyFiles(dataDir).isEmpty()) {
            throw new BackupException("the data directory " + dataDir + " is not empty; restore only into an empty"
                    + " one (set MERIDIAN_DATA_DIR to a new directory)");
        }
        char[] passphrase = passphrase(false);
        DatabaseBackup.Summary summary;
        try (InputStream plain = new BufferedInputStream(BackupCipher.decrypting(
                new BufferedInputStream(Files.newInputStream(file)), passphrase))) {
            // the first part is decrypted before any database is touched: a wrong passphrase changes nothing
            plain.mark(1);
            plain.read();
            plain.reset();
            try (Database db = open(); Connection c = db.connect()) {
                summary = DatabaseBackup.restore(c, dataDir, plain, versions -> migrate(db, versions));
            }
        }
        out.printf("Restored %d tables (%d rows) and %d key file(s) into %s. Start Meridian with this data directory.%n",
                summary.tables(), summary.rows(), summary.keyFiles().size(), dataDir);
        configuredKeys().forEach(name -> out.println("Note: " + name + " is set here; Meridian uses it instead of the"
                + " restored key file, so it must be the key the backed-up Meridian used."));
    }

    /** Builds the schema with this Meridian's migrations up to the backup's newest. */
    private static void migrate(Database db, List<String> versions) throws BackupException {
        Flyway flyway = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration").outOfOrder(true).load();
        Set<String> known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .filter(java.util.Objects::nonNull).map(MigrationVersion::getVersion).collect(Collectors.toSet());
        List<String> unknown = versions.stream().filter(v -> !known.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new BackupException("the backup was made by a later Meridian (schema " + unknown
                    + "); restore it with that version or a later one");
        }
        MigrationVersion newest = versions.stream().map(MigrationVersion::fromVersion)
                .max(MigrationVersion::compareTo).orElseThrow();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
                .outOfOrder(true).target(newest).load().migrate();
    }

    private List<String> configuredKeys() {
        return List.of("MERIDIAN_PSEUDONYM_KEY", "MERIDIAN_REGION_PSEUDONYM_KEY", "MERIDIAN_REFERRAL_KEY").stream()
                .filter(name -> settings.get(name) != null && !settings.get(name).isBlank()).toList();
    }

    private static boolean emptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private char[] passphrase(boolean twice) throws BackupException {
        String configured = settings.get(PASSPHRASE);
        char[] passphrase;
        if (configured != null && !configured.isEmpty()) {
            passphrase = configured.toCharArray();
        } else if (console != null) {
            passphrase = console.readPassword("Backup passphrase: ");
            if (twice && !Arrays.equals(passphrase, console.readPassword("Once more: "))) {
                throw new BackupException("the two passphrases differ");
            }
        } else {
            throw new BackupException("no passphrase: set " + PASSPHRASE + " or run on a terminal");
        }
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new BackupException("the passphrase must have at least " + MIN_PASSPHRASE + " characters");
        }
        return passphrase;
    }

    /** The database to back up or restore into: external, the running embedded one, or one started for this. */
    private Database open() throws IOException {
        String url = externalUrl();
        if (url != null) {
            return new Database(url, settings.get("SPRING_DATASOURCE_USERNAME"),
                    settings.get("SPRING_DATASOURCE_PASSWORD"), null);
        }
        Path dataDir = dataDir();
        try {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, runtimeDir(), true, false);
            return new Database(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password(), server);
        } catch (DataDirectoryInUseException running) {
            // Meridian runs on it: read through its server (its port is the fourth line of postmaster.pid)
            List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return new Database("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres",
                    EmbeddedPostgresServer.USER, EmbeddedPostgresServer.password(dataDir), null);
        }
    }

    private record Database(String url, String user, String password, EmbeddedPostgresServer server)
            implements AutoCloseable {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Without Spring Boot's logging set-up, Logback would print every library's debug lines. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
