package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.intake.EventIntake;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Referrals through {@code /api/v1/referrals}: the whole loop from the channel to the desk, its events in intake, and every refusal. */
@MeridianTest
class ReferralApiTest {

    static final String BODY = """
            {"patientName": "张三", "patientPhone": "138 1234 5678", "department": "骨科", "urgency": "URGENT",
             "note": "腰痛两周", "consent": true}""";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired EventIntake intake;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void theWholeLoopRecordsTheEnginesEventsThroughIntakeAndTheirResponseTime() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        String first = d.submit(d.partner, "tap-1", BODY).andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("RF1"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.urgency").value("URGENT"))
                .andExpect(jsonPath("$.department").value("骨科"))
                .andExpect(jsonPath("$.patient.name").value("张三"))
                .andExpect(jsonPath("$.patient.phone").value("13812345678"))
                .andExpect(jsonPath("$.events.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(first, "$.id")).longValue();
        String referralEvent = "portal-" + id + "-referral";
        assertThat((String) JsonPath.read(first, "$.events[0]")).isEqualTo(referralEvent);

        // a double tap or a retry with the same key: the same referral, 200, nothing new
        d.submit(d.partner, "tap-1", BODY).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.events.length()").value(1));
        assertThat(count("SELECT count(*) FROM referral WHERE hospital_id = :h", d)).isEqualTo(1);

        d.step(d.clerk, id, "accept", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.events[1]").value("portal-" + id + "-accepted"));
        String tomorrow = LocalDate.ofInstant(clock.instant(), d.hospital.timeZone()).plusDays(1).toString();
        d.step(d.clerk, id, "schedule", "{\"date\": \"" + tomorrow + "\", \"department\": \"骨科\", \"doctor\": \"李医生\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.appointment.date").value(tomorrow))
                .andExpect(jsonPath("$.appointment.doctor").value("李医生"))
                .andExpect(jsonPath("$.events.length()").value(2)); // accepted before: no second ACCEPTED
        d.step(d.clerk, id, "arrive", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ARRIVED"))
                .andExpect(jsonPath("$.events[2]").value("portal-" + id + "-arrived"));
        String done = d.step(d.clerk, id, "convert", "{\"feedback\": \"已入院手术，恢复良好\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONVERTED"))
                .andExpect(jsonPath("$.feedback").value("已入院手术，恢复良好"))
                .andExpect(jsonPath("$.events.length()").value(5))
                .andReturn().getResponse().getContentAsString();

        // the channel sees every step on its own list
        d.as(d.partner, get("/api/v1/referrals")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("CONVERTED"));

        // intake has the five events from the portal, the patient only as the pseudonym the referral keeps
        List<Map<String, Object>> events = jdbc.sql("""
                        SELECT event_id, type, source, referral_id, patient_hash FROM intake_event
                        WHERE hospital_id = :h ORDER BY occurred_at, event_id""")
                .param("h", d.hospital.id()).query().listOfRows();
        assertThat(events).extracting(e -> e.get("type")).containsExactly("REFERRAL", "ACCEPTED", "ARRIVED",
                "CONVERTED", "FEEDBACK");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("source")).isEqualTo("PORTAL");
            assertThat(e.get("referral_id")).isEqualTo("portal-" + id);
        });
        String pseudonym = jdbc.sql("SELECT patient_pseudonym FROM referral WHERE hospital_id = :h AND id = :id")
                .param("h", d.hospital.id()).param("id", id).query(String.class).single();
        assertThat(events.get(0).get("patient_hash")).isEqualTo(pseudonym);
        assertThat(pseudonym).hasSize(64).isEqualTo(intake.pseudonym("tel:13812345678"));

        // the rollups see it as any imported referral: 1 each, and the pair's response time (engine.md §2):
        // hours = (ACCEPTED.occurredAt − REFERRAL.occurredAt) / 3600 s, kept to 6 decimals half-up
        OffsetDateTime created = OffsetDateTime.parse(JsonPath.read(done, "$.createdAt"));
        OffsetDateTime accepted = OffsetDateTime.parse(JsonPath.read(done, "$.acceptedAt"));
        BigDecimal hours = BigDecimal.valueOf(Duration.between(created, accepted).toNanos())
                .divide(BigDecimal.valueOf(3_600_000_000_000L), 6, RoundingMode.HALF_UP);
        LocalDate today = LocalDate.ofInstant(clock.instant(), d.hospital.timeZone());
        Map<Measure, BigDecimal> totals = intake.totals(d.hospital.id(), today, today).get(d.rf1);
        assertThat(totals.get(Measure.REFERRALS)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.ACCEPTED)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.ARRIVALS)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.CONVERSIONS)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.FEEDBACKS)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.RESPONSE_COUNT)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.RESPONSE_HOURS_SUM)).isEqualByComparingTo(hours);
        assertThat(intake.checkRollups(d.hospital.id())).isEmpty();
    }

    @Test
    void stepsOutOfOrderAreConflictsThatChangeNothing() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "k-1", BODY);
        d.step(d.clerk, id, "arrive", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:step-out-of-order"))
                .andExpect(jsonPath("$.detail").value("转诊 " + id + " 当前为“待受理”，不能登记到诊。"));
        d.step(d.clerk, id, "convert", null).andExpect(status().isConflict());
        d.step(d.clerk, id, "accept", null).andExpect(status().isOk());
        d.step(d.clerk, id, "accept", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:step-out-of-order"));
        d.step(d.clerk, id, "decline", "{\"reason\": \"本院该科室暂停接诊\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("本院该科室暂停接诊"))
                .andExpect(jsonPath("$.events.length()").value(3));
        d.step(d.clerk, id, "schedule", "{\"date\": \"2099-01-01\", \"department\": \"骨科\", \"doctor\": \"王\"}")
                .andExpect(status().isConflict());
        d.step(d.clerk, id, "arrive", null).andExpect(status().isConflict());
        // REFERRAL, ACCEPTED and the FEEDBACK of the decline; nothing from the refused steps
        assertThat(count("SELECT count(*) FROM intake_event WHERE hospital_id = :h", d)).isEqualTo(3);
        d.as(d.clerk, get("/api/v1/referrals/" + id)).andExpect(jsonPath("$.status").value("DECLINED"));
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        d.submit(d.partner, null, """
                {"patientName": " ", "patientPhone": "12345", "department": "不存在的科", "urgency": "SOON",
                 "consent": false}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "patientName", "patientPhone", "urgency", "consent", "Idempotency-Key", "department")));
        // consent missing altogether is the same as not given
        d.submit(d.partner, "k-2", """
                {"patientName": "李四", "patientPhone": "13912345678", "urgency": "ROUTINE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consent"))
                .andExpect(jsonPath("$.errors[0].message").value("须经患者同意并勾选同意声明后才能发起转诊"));
        // the messages never repeat the number typed
        String answer = d.submit(d.partner, "k-3", """
                {"patientName": "李四", "patientPhone": "0000-1234", "urgency": "ROUTINE", "consent": true}""")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain("0000-1234").doesNotContain("李四");
        assertThat(count("SELECT count(*) FROM referral WHERE hospital_id = :h", d)).isZero();
        assertThat(count("SELECT count(*) FROM intake_event WHERE hospital_id = :h", d)).isZero();
        // a landline with its area code is a number the desk can call
        d.submit(d.partner, "k-4", """
                {"patientName": "李四", "patientPhone": "(0755) 8234-5678", "urgency": "ROUTINE", "consent": true}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.patient.phone").value("0755-82345678"))
                .andExpect(jsonPath("$.department").doesNotExist());
    }

    @Test
    void eachChannelSeesOnlyItsOwnAndOnlyTheDeskWorksThem() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long mine = d.submitted(d.partner, "same-key", BODY);
        long theirs = d.submitted(d.otherPartner, "same-key", BODY); // keys are per channel
        assertThat(theirs).isNotEqualTo(mine);

        d.as(d.partner, get("/api/v1/referrals")).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(mine));
        d.as(d.partner, get("/api/v1/referrals/" + theirs)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:referral-not-found"));
        d.as(d.clerk, get("/api/v1/referrals")).andExpect(jsonPath("$.total").value(2));
        d.as(d.office, get("/api/v1/referrals").param("status", "SUBMITTED")).andExpect(jsonPath("$.total").value(2));
        d.as(d.clerk, get("/api/v1/referrals").param("status", "LOST")).andExpect(status().isBadRequest());

        // a referral for a channel the user is not bound to
        d.submit(d.partner, "k-9", BODY.replace("\"consent\": true", "\"consent\": true, \"channel\": \"RF2\""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:other-channel"));
        // a channel user without a channel, the analyst and the desk cannot refer; the channel cannot work the desk
        d.submit(d.user(Role.CHANNEL_USER), "k-10", BODY).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:not-bound"));
        d.submit(d.analyst, "k-11", BODY).andExpect(status().isForbidden());
        d.submit(d.clerk, "k-12", BODY).andExpect(status().isForbidden());
        d.step(d.partner, mine, "accept", null).andExpect(status().isForbidden());
        d.as(d.analyst, get("/api/v1/referrals")).andExpect(status().isForbidden());
        assertThat(count("SELECT count(*) FROM referral WHERE hospital_id = :h", d)).isEqualTo(2);

        // another hospital's desk does not find it
        ReferralHospital other = new ReferralHospital(mvc, users, hospitals);
        other.step(other.clerk, mine, "accept", null).andExpect(status().isNotFound());
        other.as(other.clerk, get("/api/v1/referrals")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void departmentsAreTheHospitalsOwnListOrTheDefaultOne() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        d.as(d.partner, get("/api/v1/referrals/departments")).andExpect(status().isOk())
                .andExpect(jsonPath("$.departments[0]").value("内科"));
        d.as(d.office, json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/v1/referrals/departments"), "{\"departments\": [\"心内科\", \" \", \"心内科\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("departments[1]",
                        "departments[2]")));
        d.as(d.office, json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/v1/referrals/departments"), "{\"departments\": [\"心内科\", \"健康管理中心\"]}"))
                .andExpect(status().isOk());
        d.submit(d.partner, "d-1", BODY).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
        d.submit(d.partner, "d-2", BODY.replace("骨科", "健康管理中心")).andExpect(status().isCreated());
        d.as(d.clerk, json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/referrals/departments"), "{\"departments\": [\"内科\"]}")).andExpect(status().isForbidden());
    }

    private long count(String sql, ReferralHospital d) {
        return jdbc.sql(sql).param("h", d.hospital.id()).query(Long.class).single();
    }
}
