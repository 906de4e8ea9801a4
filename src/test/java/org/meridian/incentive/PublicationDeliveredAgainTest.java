package org.meridian.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.evaluation.EvaluationPublished;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listeners of {@link EvaluationPublished} are idempotent. A publication is delivered again when Meridian
 * crashed after a listener's work had committed but before the registry recorded it as completed; the second
 * delivery runs the listeners again (incentive drafting, feedback reports and notifications) and must leave
 * exactly the statements, sanctions and reports of the first.
 */
@MeridianTest
class PublicationDeliveredAgainTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired IncompleteEventPublications incomplete;

    @Test
    void aSecondDeliveryOfAPublishedEvaluationDraftsNothingAndGeneratesNothingTwice() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("R1", "R2", "R3"),
                IncentivesFromEvaluationsTest.SERVICE_FEE, IncentivesFromEvaluationsTest.LOWEST_TIER);
        // totals 10 × referrals (Hospital4Incentives.SCHEME): R1 100 → A, R2 60 → C, R3 20 → D
        h.referrals("R1", "2026-08-03", 10);
        h.referrals("R2", "2026-08-04", 6);
        h.referrals("R3", "2026-08-05", 2);
        long id = h.publish("2026-Q3", "EXAM_CENTER");

        // R1: 5000 × 1.2 = 6000 > cap 5500 → 5500.00; R2: 5000 × 0.5 = 2500.00; R3 (D) has no rate → no statement,
        // and a first period in the lowest tier D gives a warning
        List<String> statements = statements(h);
        assertThat(statements).containsExactlyInAnyOrder("R1 5500.00", "R2 2500.00");
        List<String> sanctions = sanctions(h);
        assertThat(sanctions).containsExactly("R3 WARNING");
        List<Long> reports = reports(h, id);
        assertThat(reports).hasSize(3);

        // as after a crash between the listeners' commits and the registry's completion: both publications
        // of the event (one per listener) are incomplete again, and are delivered again
        int reopened = jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING'
                        WHERE event_type = :type AND (serialized_event::jsonb ->> 'hospitalId')::bigint = :h
                          AND (serialized_event::jsonb ->> 'evaluationId')::bigint = :e""")
                .param("type", EvaluationPublished.class.getName()).param("h", h.hospital.id()).param("e", id)
                .update();
        assertThat(reopened).as("one publication per listener (incentive, feedback, notification)").isEqualTo(3);
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof EvaluationPublished e
                && e.hospitalId() == h.hospital.id() && e.evaluationId() == id);

        assertThat(completed(h, id)).as("the three listeners ran again and completed").isEqualTo(3);
        assertThat(audit.recent(h.hospital.id(), "INCENTIVE_EVALUATION_DRAFTED", 10))
                .as("drafted once, then found already drafted").hasSize(2)
                .first().satisfies(second -> assertThat(json.readTree(second.details()).get("alreadyDrafted")
                        .asInt()).isEqualTo(2));
        assertThat(statements(h)).containsExactlyElementsOf(statements);
        assertThat(sanctions(h)).containsExactlyElementsOf(sanctions);
        assertThat(reports(h, id)).containsExactlyElementsOf(reports);
    }

    private List<String> statements(Hospital4Incentives h) throws Exception {
        List<String> out = new ArrayList<>();
        h.read(h.as(h.analyst, get("/api/v1/statements").param("period", "2026-Q3")).andExpect(status().isOk()))
                .get("items").forEach(s -> out.add(s.get("channelCode").asString() + " " + s.get("total").decimalValue()
                        .setScale(2).toPlainString()));
        return out;
    }

    private List<String> sanctions(Hospital4Incentives h) throws Exception {
        List<String> out = new ArrayList<>();
        h.read(h.as(h.analyst, get("/api/v1/sanctions")).andExpect(status().isOk()))
                .get("items").forEach(s -> out.add(s.get("channelCode").asString() + " " + s.get("level").asString()));
        return out;
    }

    private List<Long> reports(Hospital4Incentives h, long evaluationId) throws Exception {
        JsonNode page = h.read(h.as(h.analyst, get("/api/v1/feedback-reports")
                .param("evaluationId", String.valueOf(evaluationId))).andExpect(status().isOk()));
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private int completed(Hospital4Incentives h, long evaluationId) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE event_type = :type AND (serialized_event::jsonb ->> 'hospitalId')::bigint = :h
                          AND (serialized_event::jsonb ->> 'evaluationId')::bigint = :e
                          AND completion_date IS NOT NULL AND status = 'COMPLETED'""")
                .param("type", EvaluationPublished.class.getName()).param("h", h.hospital.id())
                .param("e", evaluationId).query(Integer.class).single();
    }
}
