package org.meridian.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table of the migrated schema can be placed on Citus as {@link Distribution} and docs/adr/0009 say: read from
 * pg_catalog, so a new table that breaks the rules fails here, whoever writes it. A second test builds a small schema
 * that breaks each rule once and checks that each break is reported, so the check itself can fail.
 */
@MeridianTest
class DistributionRulesTest {

    @Autowired JdbcClient jdbc;

    @Test
    void everyTableOfTheSchemaCanBeDistributedAsListed() {
        String schema = jdbc.sql("SELECT current_schema()").query(String.class).single();

        assertThat(violations(schema, Distribution::columnOf)).isEmpty();
    }

    @Test
    void theListedExceptionsNameTablesThatExist() {
        String schema = jdbc.sql("SELECT current_schema()").query(String.class).single();
        Set<String> tables = tables(schema);
        Set<String> listed = new TreeSet<>(Distribution.REFERENCE);
        listed.addAll(Distribution.COORDINATOR_LOCAL.keySet());
        listed.addAll(Distribution.OTHER_COLUMN.keySet());

        assertThat(tables).containsAll(listed);
    }

    @Test
    void eachBrokenRuleIsReported() {
        String probe = "distribution_probe";
        jdbc.sql("DROP SCHEMA IF EXISTS " + probe + " CASCADE").update();
        jdbc.sql("CREATE SCHEMA " + probe).update();
        try {
            jdbc.sql("""
                    CREATE TABLE %1$s.tenant (id bigint PRIMARY KEY);
                    CREATE TABLE %1$s.local_log (id bigint PRIMARY KEY);
                    CREATE TABLE %1$s.good (hospital_id bigint NOT NULL REFERENCES %1$s.tenant (id), id bigint NOT NULL,
                        code text NOT NULL, PRIMARY KEY (hospital_id, id), UNIQUE (hospital_id, code));
                    CREATE TABLE %1$s.no_column (id bigint PRIMARY KEY);
                    CREATE TABLE %1$s.nullable (hospital_id bigint, id bigint);
                    CREATE TABLE %1$s.key_without (hospital_id bigint NOT NULL, id bigint PRIMARY KEY);
                    CREATE TABLE %1$s.unique_without (hospital_id bigint NOT NULL, id bigint, code text,
                        PRIMARY KEY (hospital_id, id));
                    CREATE UNIQUE INDEX unique_without_code ON %1$s.unique_without (code);
                    CREATE TABLE %1$s.fk_without (hospital_id bigint NOT NULL, id bigint, good_id bigint,
                        PRIMARY KEY (hospital_id, id));
                    ALTER TABLE %1$s.good ADD UNIQUE (id);
                    ALTER TABLE %1$s.fk_without ADD FOREIGN KEY (good_id) REFERENCES %1$s.good (id);
                    CREATE TABLE %1$s.fk_to_local (hospital_id bigint NOT NULL, id bigint, log_id bigint
                        REFERENCES %1$s.local_log (id), PRIMARY KEY (hospital_id, id));
                    CREATE TABLE %1$s.small_identity (hospital_id bigint NOT NULL,
                        id int GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (hospital_id, id));
                    CREATE TABLE %1$s.reference_to_distributed (id bigint PRIMARY KEY, hospital_id bigint,
                        good_id bigint, FOREIGN KEY (hospital_id, good_id) REFERENCES %1$s.good (hospital_id, id));
                    """.formatted(probe)).update();
            Map<String, String> placement = new HashMap<>();
            placement.put("tenant", null);
            placement.put("local_log", null);
            placement.put("reference_to_distributed", null);

            List<String> found = violations(probe, table -> placement.containsKey(table)
                    ? null : Distribution.TENANT_COLUMN, Set.of("tenant", "reference_to_distributed"));

            assertThat(found).containsExactlyInAnyOrder(
                    "no_column: no column hospital_id",
                    "nullable: hospital_id may be null",
                    "nullable: no primary key",
                    "key_without: primary key (id) lacks hospital_id",
                    "unique_without: unique index unique_without_code (code) lacks hospital_id",
                    // the probe's good table breaks the rule too, once on purpose, for fk_without to point at
                    "good: unique index good_id_key (id) lacks hospital_id",
                    "fk_without: foreign key to good (good_id) does not carry hospital_id to hospital_id",
                    "fk_to_local: foreign key to local_log, which is not distributed and not a reference table",
                    "small_identity: identity column id is integer, not bigint",
                    "reference_to_distributed: reference table with a foreign key to good, which is distributed");
        } finally {
            jdbc.sql("DROP SCHEMA " + probe + " CASCADE").update();
        }
    }

    interface Placement {
        /** The distribution column, or null for a reference or coordinator-local table. */
        String columnOf(String table);
    }

    private List<String> violations(String schema, Placement placement) {
        return violations(schema, placement, Distribution.REFERENCE);
    }

    /** Every break of the rules in the schema, one sentence each. */
    private List<String> violations(String schema, Placement placement, Set<String> reference) {
        List<String> found = new ArrayList<>();
        jdbc.sql("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = :s AND is_identity = 'YES' AND data_type <> 'bigint'
                ORDER BY table_name, column_name""").param("s", schema)
                .query((rs, i) -> placement.columnOf(rs.getString(1)) == null ? null
                        : rs.getString(1) + ": identity column " + rs.getString(2) + " is " + rs.getString(3)
                        + ", not bigint")
                .list().stream().filter(Objects::nonNull).forEach(found::add);
        Map<String, Map<String, Boolean>> columns = new HashMap<>();
        jdbc.sql("""
                SELECT table_name, column_name, is_nullable = 'YES' FROM information_schema.columns
                WHERE table_schema = :s""").param("s", schema)
                .query((rs, i) -> columns.computeIfAbsent(rs.getString(1), t -> new HashMap<>())
                        .put(rs.getString(2), rs.getBoolean(3)))
                .list();
        for (String table : tables(schema)) {
            String column = placement.columnOf(table);
            if (column == null) {
                continue;
            }
            Map<String, Boolean> own = columns.getOrDefault(table, Map.of());
            if (!own.containsKey(column)) {
                found.add(table + ": no column " + column);
                continue;
            }
            if (own.get(column)) {
                found.add(table + ": " + column + " may be null");
            }
            boolean primary = false;
            for (UniqueIndex index : uniqueIndexes(schema, table)) {
                primary |= index.primary();
                if (!index.columns().contains(column)) {
                    found.add(table + ": " + (index.primary() ? "primary key" : "unique index " + index.name())
                            + " (" + String.join(", ", index.columns()) + ") lacks " + column);
                }
            }
            if (!primary) {
                found.add(table + ": no primary key");
            }
        }
        for (ForeignKey fk : foreignKeys(schema)) {
            boolean fromReference = reference.contains(fk.table());
            String from = placement.columnOf(fk.table());
            String to = placement.columnOf(fk.references());
            boolean toReference = reference.contains(fk.references());
            if (fromReference) {
                if (!toReference) {
                    found.add(fk.table() + ": reference table with a foreign key to " + fk.references()
                            + (to != null ? ", which is distributed" : ", which is not a reference table"));
                }
            } else if (from != null) {
                if (toReference) {
                    continue;
                }
                if (to == null) {
                    found.add(fk.table() + ": foreign key to " + fk.references()
                            + ", which is not distributed and not a reference table");
                    continue;
                }
                int at = fk.columns().indexOf(from);
                if (at < 0 || !fk.referenced().get(at).equals(to)) {
                    found.add(fk.table() + ": foreign key to " + fk.references() + " ("
                            + String.join(", ", fk.columns()) + ") does not carry " + from + " to " + to);
                }
            }
        }
        return found;
    }

    private Set<String> tables(String schema) {
        return new TreeSet<>(jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = :s AND table_type = 'BASE TABLE'""").param("s", schema)
                .query(String.class).list());
    }

    record UniqueIndex(String name, boolean primary, List<String> columns) {
    }

    /** Unique indexes (the primary key among them) with their key columns; an expression appears as "(expr)". */
    private List<UniqueIndex> uniqueIndexes(String schema, String table) {
        return jdbc.sql("""
                SELECT ic.relname, x.indisprimary,
                       array(SELECT coalesce(a.attname, '(' || pg_get_indexdef(x.indexrelid, k.n::int, true) || ')')
                             FROM generate_subscripts(x.indkey, 1) AS k(n)
                             LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.n]
                             WHERE k.n < x.indnkeyatts ORDER BY k.n)
                FROM pg_index x
                JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_class ic ON ic.oid = x.indexrelid
                JOIN pg_namespace ns ON ns.oid = c.relnamespace
                WHERE ns.nspname = :s AND c.relname = :t AND x.indisunique
                ORDER BY ic.relname""").param("s", schema).param("t", table)
                .query((rs, i) -> new UniqueIndex(rs.getString(1), rs.getBoolean(2),
                        List.of((String[]) rs.getArray(3).getArray())))
                .list();
    }

    record ForeignKey(String table, String references, List<String> columns, List<String> referenced) {
    }

    private List<ForeignKey> foreignKeys(String schema) {
        return jdbc.sql("""
                SELECT c.relname, r.relname,
                       array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(n, o)
                             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o),
                       array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(n, o)
                             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o)
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_class r ON r.oid = k.confrelid
                JOIN pg_namespace ns ON ns.oid = c.relnamespace
                WHERE ns.nspname = :s AND k.contype = 'f'
                ORDER BY c.relname, k.conname""").param("s", schema)
                .query((rs, i) -> new ForeignKey(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()), List.of((String[]) rs.getArray(4).getArray())))
                .list();
    }
}
