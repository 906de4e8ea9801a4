package org.meridian.shared.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.MeridianApplication;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.db.EmbeddedPostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code --backup} of the running demo hospital and {@code --restore} into another data directory: every row of
 * every table comes back (events, evaluations, statements among them), and a Meridian started on the restored
 * directory gives a new event of a known patient the pseudonym the original gives that patient.
 */
class BackupRestoreTest {

    static final String RUNTIME = Path.of(System.getProperty("java.io.tmpdir"), "meridian-pg-runtime").toString();
    static final String PASSPHRASE = "correct horse battery staple";

    /** The hospital backed up: Meridian with the demo data, running on a data directory of its own. */
    static ConfigurableApplicationContext original;
    static Path dataDir;
    static JdbcClient jdbc;
    static EventIntake intake;

    @TempDir
    Path temp;

    @BeforeAll
    static void startTheDemoHospital(@TempDir Path home) {
        // its own context, not the shared demo test's: the test profile's data directory is a ${random.uuid}, read
        // anew by every bean, so the shared context's key files are not in its database's data directory
        dataDir = home.resolve("data");
        original = start(dataDir, true);
        jdbc = original.getBean(JdbcClient.class);
        intake = original.getBean(EventIntake.class);
    }

    @AfterAll
    static void stopIt() {
        original.close();
    }

    static ConfigurableApplicationContext start(Path dataDir, boolean demo) {
        return new SpringApplicationBuilder(MeridianApplication.class).run(
                "--spring.profiles.active=test", "--meridian.data-dir=" + dataDir, "--server.port=0",
                "--meridian.db.ephemeral=true", "--meridian.demo=" + demo, "--meridian.admin-password=");
    }

    @Test
    void aRestoredBackupHoldsEveryRowAndTheSamePseudonymKey() throws Exception {
        Path file = temp.resolve("nightly").resolve("meridian.backup");
        Command backup = run(dataDir, PASSPHRASE, "--backup", file.toString());
        assertThat(backup.status).as(backup.err).isZero();
        assertThat(backup.out).contains("pseudonym.key");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                .as("the file is encrypted: no table name or key in clear").doesNotContain("intake_event", "hospital");

        Map<String, String> original = digests(jdbc);
        assertThat(original.get("intake_event")).doesNotStartWith("0 ");
        assertThat(original.get("evaluation")).doesNotStartWith("0 ");
        assertThat(original.get("incentive_statement")).doesNotStartWith("0 ");

        Path restoredDir = temp.resolve("restored");
        Command restore = run(restoredDir, PASSPHRASE, "--restore", file.toString());
        assertThat(restore.status).as(restore.err).isZero();
        try (EmbeddedPostgresServer restored = EmbeddedPostgresServer.start(restoredDir, Path.of(RUNTIME), false, false);
             Connection c = DriverManager.getConnection(restored.jdbcUrl(), EmbeddedPostgresServer.USER,
                     restored.password())) {
            assertThat(digests(c)).isEqualTo(original);
        }

        String patient = "P-BACKUP-0001";
        String expected = intake.pseudonym(patient); // what the backed-up Meridian stores for this patient
        try (ConfigurableApplicationContext second = start(restoredDir, false)) {
            JdbcClient restoredJdbc = second.getBean(JdbcClient.class);
            long hospital = restoredJdbc.sql("SELECT id FROM hospital ORDER BY id LIMIT 1").query(Long.class).single();
            String channel = "CH-001"; // the demo channel of the partner account
            var report = second.getBean(EventIntake.class).record(org.meridian.support.Actors.manager(hospital, "backup-test"), List.of(RawEvent.of("BACKUP-NEW-1",
                    "REFERRAL", channel, "2026-12-01T10:00:00+08:00", "R-BACKUP-1", patient, null, Map.of())),
                    0, EventIntake.Source.API, null);
            assertThat(report.accepted()).isEqualTo(1);
            assertThat(restoredJdbc.sql("SELECT patient_hash FROM intake_event WHERE event_id = 'BACKUP-NEW-1'")
                    .query(String.class).single()).isEqualTo(expected);
        }
    }

    @Test
    void aWrongPassphraseAndANonEmptyDirectoryAreRefusedAndChangeNothing() throws Exception {
        Path file = temp.resolve("meridian.backup");
        assertThat(run(dataDir, PASSPHRASE, "--backup", file.toString()).status).isZero();

        Path empty = temp.resolve("empty");
        Command wrong = run(empty, "not the passphrase at all", "--restore", file.toString());
        assertThat(wrong.status).isEqualTo(1);
        assertThat(wrong.err).contains("wrong passphrase");
        assertThat(empty).doesNotExist();

        byte[] whole = Files.readAllBytes(file);
        Path cut = temp.resolve("cut.backup");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
        Command shortened = run(temp.resolve("cut"), PASSPHRASE, "--restore", cut.toString());
        assertThat(shortened.status).isEqualTo(1);
        assertThat(shortened.err).containsAnyOf("cut short", "changed or damaged");

        Path used = temp.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("notes.txt"), "mine");
        Command occupied = run(used, PASSPHRASE, "--restore", file.toString());
        assertThat(occupied.status).isEqualTo(1);
        assertThat(occupied.err).contains("is not empty");
        try (var entries = Files.list(used)) {
            assertThat(entries).containsExactly(used.resolve("notes.txt"));
        }

        Command weak = run(dataDir, "short", "--backup", temp.resolve("weak.backup").toString());
        assertThat(weak.status).isEqualTo(1);
        assertThat(weak.err).contains("at least 12 characters");
    }

    record Command(int status, String out, String err) {
    }

    static Command run(Path dataDir, String passphrase, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("MERIDIAN_DATA_DIR", dataDir.toString(), "MERIDIAN_DB_RUNTIME_DIR", RUNTIME,
                BackupCommand.PASSPHRASE, passphrase);
        int status = BackupCommand.run(args, env, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String TABLES = """
            SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace
            AND relkind IN ('r', 'p') AND NOT relispartition AND relname <> 'flyway_schema_history' ORDER BY 1
            """;

    /** Each table's row count and the MD5 of its rows as text in a fixed order. */
    static String digestSql(String table) {
        return "SELECT count(*) || ' ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT t::text r FROM "
                + table + " t) x";
    }

    static Map<String, String> digests(JdbcClient jdbc) {
        Map<String, String> digests = new TreeMap<>();
        for (String table : jdbc.sql(TABLES).query(String.class).list()) {
            digests.put(table, jdbc.sql(digestSql(table)).query(String.class).single());
        }
        return digests;
    }

    static Map<String, String> digests(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(digestSql(table))) {
                rs.next();
                digests.put(table, rs.getString(1));
            }
        }
        return digests;
    }
}
