package org.meridian.shared.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent logical copy of Meridian's database and key files, and its restoration into an empty database.
 *
 * <p>The plain content (encrypted by {@link BackupCipher}) is a ZIP archive: {@code manifest.properties} (the
 * format, the applied schema migrations, the tables in the order they are loaded and each table's columns), then
 * {@code keys/<name>} for each key file of the data directory ({@code *.key}: the pseudonymisation keys, the referral
 * key), then {@code tables/<table>} for each table in PostgreSQL's COPY text format, then {@code end.properties} (the
 * rows of each table and every sequence's value, read after the rows so that no restored id is handed out again).
 *
 * <p>Every table is read in one {@code REPEATABLE READ} read-only transaction, so the copy is one moment of the
 * database even while Meridian keeps writing (what {@code pg_dump} does). The schema is not copied: a restore first
 * builds it with Meridian's own migrations up to the backup's version, empties what those migrations inserted, and
 * loads the rows in an order where every referenced table comes first, with the tables' own triggers (the statement
 * guards) off while loading and on again before the commit; the foreign keys stay checked.
 */
public final class DatabaseBackup {

    static final int FORMAT = 1;
    private static final String HISTORY = "flyway_schema_history";

    private DatabaseBackup() {
    }

    /** What a backup holds. */
    public record Summary(int tables, long rows, List<String> keyFiles) {
    }

    /** Writes the backup of the database on {@code db} and the key files of {@code dataDir} to {@code plain}. */
    public static Summary write(Connection db, Path dataDir, OutputStream plain) throws IOException, SQLException {
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        db.setReadOnly(true);
        try (ZipOutputStream zip = new ZipOutputStream(plain, StandardCharsets.UTF_8)) {
            List<String> tables = loadOrder(db);
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (String table : tables) {
                columns.put(table, columns(db, table));
            }
            List<String> keyFiles = keyFiles(dataDir);

            Properties manifest = new Properties();
            manifest.setProperty("format", Integer.toString(FORMAT));
            manifest.setProperty("schema", String.join(",", schemaVersions(db)));
            manifest.setProperty("tables", String.join(",", tables));
            columns.forEach((table, names) -> manifest.setProperty("columns." + table, String.join(",", names)));
            manifest.setProperty("keys", String.join(",", keyFiles));
            entry(zip, "manifest.properties", text(manifest));
            for (String key : keyFiles) {
                entry(zip, "keys/" + key, Files.readAllBytes(dataDir.resolve(key)));
            }

            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            Properties end = new Properties();
            long total = 0;
            for (String table : tables) {
                zip.putNextEntry(new ZipEntry("tables/" + table));
                long rows = copy.copyOut("COPY (SELECT " + columnList(columns.get(table)) + " FROM " + quote(table)
                        + ") TO STDOUT", new FilterOutputStream(zip) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                            }

                            @Override
                            public void close() {
                                // the archive stays open for the next table
                            }
                        });
                zip.closeEntry();
                end.setProperty("rows." + table, Long.toString(rows));
                total += rows;
            }
            sequences(db).forEach((name, value) -> end.setProperty("sequence." + name, value == null ? "" : value));
            entry(zip, "end.properties", text(end));
            db.commit();
            return new Summary(tables.size(), total, keyFiles);
        }
    }

    /**
     * Restores a backup read from {@code plain} into {@code db}, whose schema has no table yet: {@code migrate} is
     * called with the backup's schema version once the manifest is read and must build the schema up to it.
     * The key files are written into {@code dataDir} (owner-only) after the rows are committed.
     *
     * @throws BackupException when the database is not empty, the backup was made by a later Meridian, or it is
     *                         damaged; nothing is committed then
     */
    public static Summary restore(Connection db, Path dataDir, InputStream plain, Migrator migrate)
            throws IOException, SQLException {
        try (ZipInputStream zip = new ZipInputStream(plain, StandardCharsets.UTF_8)) {
            Properties manifest = properties(zip, "manifest.properties");
            if (!Integer.toString(FORMAT).equals(manifest.getProperty("format"))) {
                throw new BackupException("this backup has format " + manifest.getProperty("format")
                        + "; this Meridian reads format " + FORMAT);
            }
            if (!tables(db).isEmpty()) {
                throw new BackupException("the database already has tables; restore only into an empty database");
            }
            List<String> versions = split(manifest.getProperty("schema", ""));
            if (versions.isEmpty()) {
                throw new BackupException("the backup names no schema version");
            }
            migrate.migrate(versions);

            Map<String, byte[]> keys = new TreeMap<>();
            for (String key : split(manifest.getProperty("keys", ""))) {
                keys.put(key, expect(zip, "keys/" + key).readAllBytes());
            }
            db.setAutoCommit(false);
            List<String> tables = split(manifest.getProperty("tables", ""));
            Set<String> present = tables(db);
            present.remove(HISTORY);
            if (!present.containsAll(tables)) {
                Set<String> missing = new TreeSet<>(tables);
                missing.removeAll(present);
                throw new BackupException("the schema lacks the backup's tables " + missing);
            }
            List<String> triggered = withOwnTriggers(db);
            try (Statement s = db.createStatement()) {
                // the migrations' own rows (a region, an exam catalogue) are in the backup as they were then
                s.execute("TRUNCATE " + String.join(", ", present.stream().map(DatabaseBackup::quote).toList()));
                for (String table : triggered) {
                    s.execute("ALTER TABLE " + quote(table) + " DISABLE TRIGGER USER");
                }
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> loaded = new HashMap<>();
            for (String table : tables) {
                InputStream rows = expect(zip, "tables/" + table);
                loaded.put(table, copy.copyIn("COPY " + quote(table) + " (" + columnList(split(
                        manifest.getProperty("columns." + table, ""))) + ") FROM STDIN", new FilterInputStream(rows) {
                            @Override
                            public void close() {
                                // the archive stays open for the next table
                            }
                        }));
            }
            Properties end = properties(zip, "end.properties");
            long total = 0;
            for (String table : tables) {
                long expected = Long.parseLong(end.getProperty("rows." + table, "-1"));
                if (loaded.get(table) != expected) {
                    throw new BackupException("the backup's table " + table + " has " + loaded.get(table)
                            + " rows, its end says " + expected);
                }
                total += expected;
            }
            try (PreparedStatement setval = db.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                for (String name : end.stringPropertyNames()) {
                    if (!name.startsWith("sequence.")) {
                        continue;
                    }
                    String value = end.getProperty(name);
                    setval.setString(1, quote(name.substring("sequence.".length())));
                    setval.setLong(2, value.isEmpty() ? 1 : Long.parseLong(value));
                    setval.setBoolean(3, !value.isEmpty());
                    setval.execute();
                }
            }
            try (Statement s = db.createStatement()) {
                for (String table : triggered) {
                    s.execute("ALTER TABLE " + quote(table) + " ENABLE TRIGGER USER");
                }
            }
            db.commit();
            writeKeys(dataDir, keys);
            return new Summary(tables.size(), total, List.copyOf(keys.keySet()));
        } catch (IOException | SQLException | RuntimeException e) {
            if (!db.getAutoCommit()) {
                db.rollback();
            }
            throw e;
        }
    }

    /** Builds the schema up to the newest of the given migration versions. */
    @FunctionalInterface
    public interface Migrator {
        void migrate(List<String> versions) throws BackupException;
    }

    /** The key files of a data directory: every {@code *.key} beside the database. */
    static List<String> keyFiles(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".key")).sorted().toList();
        }
    }

    private static void writeKeys(Path dataDir, Map<String, byte[]> keys) throws IOException {
        Files.createDirectories(dataDir);
        boolean posix = dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (Map.Entry<String, byte[]> key : keys.entrySet()) {
            Path file = dataDir.resolve(key.getKey());
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.write(file, key.getValue());
        }
    }

    /** The schema's tables (partitions through their parent) with every referenced table before its referrers. */
    static List<String> loadOrder(Connection db) throws SQLException, BackupException {
        Set<String> tables = tables(db);
        tables.remove(HISTORY);
        Map<String, Set<String>> references = new TreeMap<>();
        tables.forEach(t -> references.put(t, new TreeSet<>()));
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
                JOIN pg_class r ON r.oid = c.conrelid
                WHERE c.contype = 'f' AND r.relnamespace = current_schema()::regnamespace
                """)) {
            while (rs.next()) {
                String from = unquote(rs.getString(1));
                String to = unquote(rs.getString(2));
                if (!from.equals(to) && tables.contains(from) && tables.contains(to)) {
                    references.get(from).add(to);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        references.forEach((t, refs) -> {
            if (refs.isEmpty()) {
                ready.add(t);
            }
        });
        while (!ready.isEmpty()) {
            String next = ready.poll();
            order.add(next);
            references.forEach((t, refs) -> {
                if (refs.remove(next) && refs.isEmpty()) {
                    ready.add(t);
                }
            });
        }
        if (order.size() != tables.size()) {
            Set<String> cycle = new TreeSet<>(tables);
            order.forEach(cycle::remove);
            throw new BackupException("these tables refer to each other in a circle, no load order exists: " + cycle);
        }
        return order;
    }

    private static Set<String> tables(Connection db) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace
                AND relkind IN ('r', 'p') AND NOT relispartition
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> columns(Connection db, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped
                AND attgenerated = '' ORDER BY attnum
                """)) {
            s.setString(1, quote(table));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<String> withOwnTriggers(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT DISTINCT r.relname FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND r.relnamespace = current_schema()::regnamespace ORDER BY 1
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> schemaVersions(Connection db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static Map<String, String> sequences(Connection db) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"") : regclass;
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
    }

    private static List<String> split(String list) {
        return list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] text(Properties properties) throws IOException {
        StringWriter out = new StringWriter();
        properties.store(out, null);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream expect(ZipInputStream zip, String name) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null || !entry.getName().equals(name)) {
            throw new BackupException("the backup is incomplete: expected " + name + ", found "
                    + (entry == null ? "its end" : entry.getName()));
        }
        return zip;
    }

    private static Properties properties(ZipInputStream zip, String name) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(expect(zip, name).readAllBytes(), StandardCharsets.UTF_8)));
        return properties;
    }
}
