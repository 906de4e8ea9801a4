package org.meridian.intake;

import org.meridian.shared.db.BinaryCopyRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.support.Actors;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events are written with binary COPY ({@link BinaryCopyRows}): what PostgreSQL stores must be exactly what was
 * sent — every numeric value with its scale, instants to the microsecond, local dates, and attribute texts
 * with quotes, backslashes, line breaks and Chinese — read back here with plain SQL.
 */
@MeridianTest
class StoredValuesTest {

    @Autowired EventIntake intake;
    @Autowired TestChannels channels;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    final String p = "sv" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void everyRevenueValueIsStoredWithItsExactDigitsAndScale() {
        long hospital = users.firstHospital().id();
        channels.create(hospital, p + "CH");
        List<String> values = List.of("0", "0.00", "1", "100.25", "10.50", "-12.5", "10000", "100000000", "0.0001",
                "0.00001", "-0.000123", "99999999.123456789", "1234567890123456789.5", "12345678.9",
                "-98765.4321", "5E+3", "7.000000",
                // about the largest a long holds (2^63 − 1), and beyond it: long and BigInteger arithmetic both
                "9223372036854775807", "-92233720368547758.08", "9999999999999999999.999999999",
                "33.333333333");
        List<RawEvent> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(RawEvent.of(p + i, "REVENUE", p + "CH", "2026-09-03T10:15:00+08:00", null, null,
                    new BigDecimal(values.get(i)), Map.of()));
        }
        assertThat(intake.record(Actors.manager(hospital, "tester"), rows, 0, EventIntake.Source.API, null).accepted())
                .isEqualTo(values.size());
        for (int i = 0; i < values.size(); i++) {
            BigDecimal sent = new BigDecimal(values.get(i));
            String stored = jdbc.sql("SELECT CAST(value AS text) FROM intake_event WHERE hospital_id = :h AND event_id = :e")
                    .param("h", hospital).param("e", p + i).query(String.class).single();
            String expected = sent.scale() < 0 ? sent.toBigInteger().toString() : sent.toPlainString();
            assertThat(stored).as("value %s", values.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void instantsDatesTextsAndAttributesComeBackAsSent() {
        long hospital = users.firstHospital().id();
        long channel = channels.create(hospital, p + "CH2");
        Map<String, String> attributes = Map.of("department", "心内科", "note", "say \"hi\"\\ then\nnew line\tand tab",
                "ctl", "bell\u0007", "empty", "");
        IngestReport report = intake.record(Actors.manager(hospital, "李四"), List.of(
                RawEvent.of(p + "r", "REFERRAL", p + "CH2", "2026-10-31T23:59:59.123456+08:00", p + "R-1", "P-1",
                        null, attributes),
                RawEvent.of(p + "o", "ARRIVED", p + "CH2", "1999-12-31T23:30:00-01:00", null, null, null, Map.of())),
                0, EventIntake.Source.CSV, null);
        assertThat(report.accepted()).isEqualTo(2);
        Map<String, Object> r = jdbc.sql("""
                        SELECT type, channel_id, occurred_at, local_date, referral_id, patient_hash, value, source,
                          import_id, received_by, attributes->>'department' AS department, attributes->>'note' AS note,
                          attributes->>'ctl' AS ctl, attributes->>'empty' AS empty, voided_at
                        FROM intake_event WHERE hospital_id = :h AND event_id = :e""")
                .param("h", hospital).param("e", p + "r").query().singleRow();
        assertThat(r.get("type")).isEqualTo("REFERRAL");
        assertThat(((Number) r.get("channel_id")).longValue()).isEqualTo(channel);
        assertThat(((java.sql.Timestamp) r.get("occurred_at")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-10-31T23:59:59.123456+08:00").toInstant());
        assertThat(r.get("local_date").toString()).isEqualTo("2026-10-31");
        assertThat(r.get("referral_id")).isEqualTo(p + "R-1");
        assertThat((String) r.get("patient_hash")).hasSize(64).doesNotContain("P-1");
        assertThat(r.get("value")).isNull();
        assertThat(r.get("source")).isEqualTo("CSV");
        assertThat(r.get("import_id")).isNull();
        assertThat(r.get("received_by")).isEqualTo("李四");
        assertThat(r.get("department")).isEqualTo("心内科");
        assertThat(r.get("note")).isEqualTo("say \"hi\"\\ then\nnew line\tand tab");
        assertThat(r.get("ctl")).isEqualTo("bell\u0007");
        assertThat(r.get("empty")).isEqualTo("");
        assertThat(r.get("voided_at")).isNull();
        // an instant before PostgreSQL's epoch (2000-01-01) and its local date in the hospital's zone
        assertThat(jdbc.sql("SELECT CAST(occurred_at AS text) || ' ' || CAST(local_date AS text) FROM intake_event"
                        + " WHERE hospital_id = :h AND event_id = :e").param("h", hospital).param("e", p + "o")
                .query(String.class).single())
                .isEqualTo(jdbc.sql("SELECT CAST(TIMESTAMPTZ '2000-01-01 00:30:00+00' AS text)").query(String.class).single()
                        + " " + LocalDate.of(2000, 1, 1).toString());
    }
}
