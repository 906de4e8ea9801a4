package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the channel typed about the patient stays with the desk: encrypted in the database, absent from every other
 * table (events, audit, evaluations), from the logs and from other channels, and deleted after the retention period.
 */
@MeridianTest
@ExtendWith(OutputCaptureExtension.class)
class ReferralPrivacyTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ContactRetention retention;

    @Test
    void theNameAndPhoneAreOnlyInTheCiphertextsAndGoneAfterTheRetentionPeriod(CapturedOutput output) throws Exception {
        ReferralHospital h = new ReferralHospital(mvc, users, hospitals);
        String partner = h.partner;
        String otherPartner = h.otherPartner;
        String clerk = h.clerk;
        String name = "患者" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String note = "备注" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

        String answer = h.as(partner, json(post("/api/v1/referrals").header("Idempotency-Key", "p-1"), """
                        {"patientName": "%s", "patientPhone": "%s", "urgency": "ROUTINE", "note": "%s", "consent": true}"""
                        .formatted(name, phone, note)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
        h.as(clerk, post("/api/v1/referrals/" + id + "/accept")).andExpect(status().isOk());
        // the desk reads it back decrypted
        h.as(clerk, get("/api/v1/referrals/" + id)).andExpect(jsonPath("$.patient.name").value(name))
                .andExpect(jsonPath("$.patient.phone").value(phone)).andExpect(jsonPath("$.patient.note").value(note));
        // another channel does not see it at all
        h.as(otherPartner, get("/api/v1/referrals/" + id)).andExpect(status().isNotFound());
        h.as(otherPartner, get("/api/v1/referrals")).andExpect(jsonPath("$.total").value(0));

        for (String secret : List.of(name, phone, note)) {
            assertThat(tablesHolding(secret)).as(secret).isEmpty();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE id = :id AND patient_name IS NOT NULL"
                + " AND patient_phone IS NOT NULL AND note IS NOT NULL").param("id", id).query(Long.class).single())
                .isEqualTo(1);

        // a day before the period ends nothing goes; after it, name, phone and note are deleted, the rest stays
        Instant now = clock.instant();
        assertThat(retention.purge(h.hospital, now.plus(retention.retention()).minus(Duration.ofDays(1)))).isZero();
        assertThat(retention.purge(h.hospital, now.plus(retention.retention()).plusSeconds(1))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE id = :id AND patient_name IS NULL"
                + " AND patient_phone IS NULL AND note IS NULL AND purged_at IS NOT NULL AND patient_pseudonym <> ''")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        String after = h.as(partner, get("/api/v1/referrals")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.items[0].patient").doesNotExist())
                .andExpect(jsonPath("$.items[0].purgedAt").exists())
                .andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain(name).doesNotContain(phone).doesNotContain(note);
        h.as(clerk, get("/api/v1/referrals/" + id)).andExpect(jsonPath("$.patient").doesNotExist())
                .andExpect(jsonPath("$.events.length()").value(2));
        assertThat(retention.purge(h.hospital, now.plus(retention.retention()).plusSeconds(2))).isZero();

        assertThat(output.getAll()).doesNotContain(name).doesNotContain(phone).doesNotContain(note);
    }

    /** Every column (text, JSON or bytes) of every table in which the text occurs in clear. */
    private List<String> tablesHolding(String secret) {
        List<String[]> columns = jdbc.sql("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema = current_schema()
                          AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea')""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(columns).extracting(c -> c[0] + "." + c[1]).contains("referral.patient_name", "audit_log.details",
                "intake_event.attributes", "intake_event.patient_hash");
        return columns.stream().filter(c -> {
            String test = c[2].equals("bytea")
                    ? "position(convert_to(:v, 'UTF8') IN \"" + c[1] + "\") > 0"
                    : "CAST(\"" + c[1] + "\" AS text) LIKE '%' || :v || '%'";
            return jdbc.sql("SELECT count(*) FROM \"" + c[0] + "\" WHERE " + test).param("v", secret)
                    .query(Long.class).single() > 0;
        }).map(c -> c[0] + "." + c[1]).toList();
    }
}
