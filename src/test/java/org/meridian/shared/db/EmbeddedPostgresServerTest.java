package org.meridian.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's promises: data survives restarts, durability is on, a second process on
 * the same data directory is refused at once, and a kill -9 is recovered from on the next start.
 */
class EmbeddedPostgresServerTest {

    static final Path RUNTIME = Path.of(System.getProperty("java.io.tmpdir"), "meridian-pg-runtime");

    @TempDir
    Path dataDir;

    @Test
    void durableServerHasFsyncAndSynchronousCommitOnAndKeepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false)) {
            assertThat(query(server.jdbcUrl(), "SHOW fsync")).isEqualTo("on");
            assertThat(query(server.jdbcUrl(), "SHOW synchronous_commit")).isEqualTo("on");
            execute(server.jdbcUrl(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, RUNTIME, true, false)) {
            assertThat(query(server.jdbcUrl(), "SELECT v FROM kept")).isEqualTo("still here");
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
                assertThat(query(server.jdbcUrl(), "SELECT v FROM written_by_child")).isEqualTo("committed");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** Started in a separate JVM: runs a durable server, commits a row, then waits to be killed. */
    public static final class ChildServer {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]), true, false);
            execute(server.jdbcUrl(), "CREATE TABLE written_by_child (v text); INSERT INTO written_by_child VALUES ('committed')");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    static String query(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

}
