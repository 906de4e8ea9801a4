package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.shared.security.PseudonymKey;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The region's pseudonym of a patient is HMAC-SHA-256 under the region's key truncated to its first 128 bits, stored
 * as PostgreSQL's {@code uuid}; and the migration that made it so ({@code V20261207_0200__exam_patient_uuid.sql})
 * turns the 64 hex digits stored before into the same 128 bits, so that a patient's records stored before it still
 * match the records sent after it.
 */
@MeridianTest
class PatientPseudonymTest {

    private static final String SCHEMA = "patient_uuid_migration";

    @Autowired DataSource dataSource;
    @TempDir Path dir;

    @AfterEach
    void dropSchema() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }

    /**
     * RFC 4231 ("Identifiers and Test Vectors for HMAC-SHA-224, HMAC-SHA-256, HMAC-SHA-384, and HMAC-SHA-512"),
     * test case 5: key 0x0c twenty times, data "Test With Truncation", HMAC-SHA-256 truncated to 128 bits
     * a3b6167473100ee06e0c796c2955552b — exactly the truncation the region's pseudonym uses. Case 2 (key "Jefe",
     * "what do ya want for nothing?", 5bdcc146bf60754e6a042426089575c7 5a00…) gives its first 128 bits.
     */
    @Test
    void thePseudonymIsTheFirst128BitsOfTheHmacOfThePatientId() throws Exception {
        assertThat(regionKey(filled(0x0c, 20)).pseudonym("Test With Truncation"))
                .isEqualTo(UUID.fromString("a3b61674-7310-0ee0-6e0c-796c2955552b"));
        assertThat(regionKey("Jefe".getBytes(StandardCharsets.US_ASCII)).pseudonym("what do ya want for nothing?"))
                .isEqualTo(UUID.fromString("5bdcc146-bf60-754e-6a04-2426089575c7"));
        assertThat(regionKey(filled(0x0c, 20)).pseudonym(null)).isNull();
    }

    @Test
    void recordsStoredAs64HexDigitsKeepTheirPatientAfterTheMigration() {
        PseudonymKey key = new PseudonymKey("a-region-secret-of-at-least-32-characters", "TEST", dir.resolve("k"));
        String before = key.pseudonym("P-000123"); // 64 hex digits, as stored until 2026-12-07
        assertThat(before).hasSize(64);
        flyway("20261207.0010").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                        INSERT INTO patient_uuid_migration.exam_record (region_id, patient, record_id, hospital_id,
                             institution_id, item, performed_at, month, recognisable, received_at, received_by)
                        VALUES (1, :p, 'R-1', 1, 0, 'CT', TIMESTAMPTZ '2026-10-01 08:00+08', DATE '2026-10-01', true,
                                now(), 'test')""").param("p", before).update();
        jdbc.sql("""
                        INSERT INTO patient_uuid_migration.exam_record_key (region_id, record_id, patient, id)
                        SELECT region_id, record_id, patient, id FROM patient_uuid_migration.exam_record""").update();
        jdbc.sql("""
                        INSERT INTO patient_uuid_migration.exam_patient_year (hospital_id, region_id, patient, year,
                             months)
                        VALUES (1, 1, :p, 2026, 512)""").param("p", before).update();

        flyway("20261207.0200").migrate();

        UUID after = key.pseudonym128("P-000123");
        assertThat(after.toString().replace("-", "")).isEqualTo(before.substring(0, 32));
        for (String table : new String[]{"exam_record", "exam_record_key", "exam_patient_year"}) {
            assertThat(jdbc.sql("SELECT patient FROM " + SCHEMA + "." + table).query(UUID.class).single())
                    .as(table).isEqualTo(after);
        }
    }

    private RegionPseudonymiser regionKey(byte[] key) throws Exception {
        Path dataDir = Files.createTempDirectory(dir, "region");
        Files.writeString(dataDir.resolve(RegionPseudonymiser.KEY_FILE), Base64.getEncoder().encodeToString(key),
                StandardCharsets.US_ASCII);
        return new RegionPseudonymiser("", dataDir);
    }

    private static byte[] filled(int value, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .outOfOrder(true).target(target).load();
    }
}
