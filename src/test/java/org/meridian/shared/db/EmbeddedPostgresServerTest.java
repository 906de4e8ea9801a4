package org.meridian.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's promises: data survives restarts, durability is on, a second process on
 * the same data directory is refused at once, a kill -9 is recovered from on the next start, no connection gets
 * in without the password, and nothing in the folders is open to group or others.
 */
class EmbeddedPostgresServerTest {

    static final Path RUNTIME = Path.of(System.getProperty("java.io.tmpdir"), "meridian-pg-runtime");

    @TempDir
    Path dataDir;

    @Test
    void durableServerHasFsyncAndSynchronousCommitOnAndKeepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false)) {
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
            assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
            execute(server, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false)) {
            assertThat(query(server, "SELECT v FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void meridiansServerSettingsApplyAndAnOperatorsSettingWinsButNeverOverDurability() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false)) {
            // Meridian's own: 1 GB of shared buffers, 4 GB of WAL and 15 minutes between checkpoints
            assertThat(query(server, "SHOW shared_buffers")).isEqualTo("1GB");
            assertThat(query(server, "SHOW max_wal_size")).isEqualTo("4GB");
            assertThat(query(server, "SHOW checkpoint_timeout")).isEqualTo("15min");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false,
                EmbeddedDatabaseConfiguration.settings("shared_buffers=256MB, work_mem=8MB"))) {
            assertThat(query(server, "SHOW shared_buffers")).isEqualTo("256MB");
            assertThat(query(server, "SHOW work_mem")).isEqualTo("8MB");
            assertThat(query(server, "SHOW max_wal_size")).isEqualTo("4GB");
        }
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false, Map.of("fsync", "off")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fsync=off");
        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.settings("shared_buffers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'shared_buffers' is not name=value");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false)) {
            assertThat(query(server, "SHOW fsync")).isEqualTo("on"); // nothing refused changed anything
        }
    }

    @Test
    void secondServerOnTheSameDirectoryInThisProcessIsRefused() {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, RUNTIME, false, false)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, RUNTIME, false, false))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running Meridian");
        }
    }

    @Test
    void anotherProcessIsRefusedAndAKilledOneIsRecoveredFrom() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildServer.class.getName(),
                dataDir.toString(), RUNTIME.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // skip the child's log output
            }
            assertThat(line).as("child server started").startsWith("READY");

            // refused by the lock, without waiting for the other process (how fast is the benchmarks' business)
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by another running Meridian process");

            child.destroyForcibly(); // kill -9: the child's PostgreSQL keeps running as an orphan
            child.waitFor(30, TimeUnit.SECONDS);
            assertThat(EmbeddedPostgresServer.orphanPid(dataDir.resolve("postgres"))).isPresent();

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false)) {
                assertThat(query(server, "SELECT v FROM written_by_child")).isEqualTo("committed");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aConnectionWithoutTheRightPasswordIsRefusedAndTheFoldersAreOwnerOnly() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, false, false)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no password was provided");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER,
                    "not-the-password").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            // the stored secret is a SCRAM verifier, never the password itself
            assertThat(query(server, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'"))
                    .startsWith("SCRAM-SHA-256$");
            assertThat(query(server, "SELECT 'with the password'")).isEqualTo("with the password");

            Path passwordFile = dataDir.resolve("postgres.password");
            assertThat(permissions(passwordFile)).isEqualTo("rw-------");
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("postgres"))).isEqualTo("rwx------");
            try (Stream<Path> binaries = Files.walk(RUNTIME)) {
                assertThat(binaries.filter(p -> !Files.isSymbolicLink(p)))
                        .as("nothing of the unpacked binaries is readable, writable or runnable by group or others")
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(permissions(p).substring(3)).as(p.toString()).isEqualTo("------"));
            }
        }
    }

    @Test
    void aClusterOfAnEarlierVersionThatTrustedEveryoneGetsThePasswordAndKeepsItsData() throws Exception {
        // what Meridian did before: zonky's cluster with initdb -A trust, no password, world-readable folders
        Path cluster = dataDir.resolve("postgres");
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(RUNTIME.toFile()).start();
             Connection c = DriverManager.getConnection(before.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE from_before (v text); INSERT INTO from_before VALUES ('kept')");
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, false, false)) {
            assertThat(query(server, "SELECT v FROM from_before")).isEqualTo("kept");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close())
                    .isInstanceOf(SQLException.class);
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
        }
        // and the next start, with the password already required, works as well
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, false, false)) {
            assertThat(query(server, "SELECT v FROM from_before")).isEqualTo("kept");
        }
    }

    @Test
    void aDataDirectoryOfAnotherUserKeepsItsModeAndWhatMeridianMakesInItIsOwnerOnly() throws Exception {
        // as a container image's volume: owned by root, writable by group 0, in which the image's user (10001) runs;
        // here the tests' user plays the image's user and "nobody" the directory's owner
        Path volume = Files.createTempDirectory("meridian-volume");
        Path lock = volume.resolve("meridian.lock");
        Files.createFile(lock);
        java.nio.file.attribute.UserPrincipal nobody;
        try {
            nobody = volume.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(volume, nobody);
        } catch (IOException notRootOrNoNobody) {
            org.junit.jupiter.api.Assumptions.abort("giving a directory to another user needs root and a user nobody");
            return;
        }
        Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxrwx---"));

        EmbeddedPostgresServer.ownerOnlyIfOurs(volume, lock);
        assertThat(permissions(volume)).isEqualTo("rwxrwx---");
        assertThat(Files.getOwner(volume)).isEqualTo(nobody);

        // a directory of our own is made owner-only
        Path own = Files.createTempDirectory("meridian-own");
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path ownLock = Files.createFile(own.resolve("meridian.lock"));
        EmbeddedPostgresServer.ownerOnlyIfOurs(own, ownLock);
        assertThat(permissions(own)).isEqualTo("rwx------");
        for (Path p : List.of(lock, volume, ownLock, own)) {
            Files.delete(p);
        }
    }

    static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Started in a separate JVM: runs a durable server, commits a row, then waits to be killed. */
    public static final class ChildServer {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]), true, false);
            execute(server, "CREATE TABLE written_by_child (v text); INSERT INTO written_by_child VALUES ('committed')");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

}
