package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.evaluation.EvaluationApiTest.referrals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@MeridianTest
class ScheduledRunsTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired ScheduledRuns runs;

    @Test
    void periodsThatEndedTheDayBefore() {
        assertThat(ScheduledRuns.endedBefore(LocalDate.of(2026, 9, 15))).isEmpty();
        assertThat(ScheduledRuns.endedBefore(LocalDate.of(2026, 9, 1))).extracting(Object::toString)
                .containsExactly("2026-08");
        assertThat(ScheduledRuns.endedBefore(LocalDate.of(2026, 10, 1))).extracting(Object::toString)
                .containsExactly("2026-09", "2026-Q3");
        assertThat(ScheduledRuns.endedBefore(LocalDate.of(2026, 7, 1))).extracting(Object::toString)
                .containsExactly("2026-06", "2026-Q2", "2026-H1");
        assertThat(ScheduledRuns.endedBefore(LocalDate.of(2027, 1, 1))).extracting(Object::toString)
                .containsExactly("2026-12", "2026-Q4", "2026-H2", "2026");
    }

    @Test
    void draftsOfTheEndedPeriodsForEveryUnitTypeWithASchemeButNeverOverAPublishedOne() throws Exception {
        TestHospital c = new TestHospital(mvc, users, hospitals);
        c.channel("S1", "EXAM_CENTER", null, null);
        c.channel("S2", "COMMUNITY_HEALTH", null, null);
        c.channel("S3", "OTHER", null, null); // no scheme for OTHER
        c.scheme("EXAM_CENTER", EvaluationApiTest.VOLUME_SCHEME);
        c.scheme("COMMUNITY_HEALTH", EvaluationApiTest.VOLUME_SCHEME);
        c.events("[" + referrals("S1", "a", 3, "2026-09-29") + "]", 3);
        long published = c.run("2026-Q3", "COMMUNITY_HEALTH");
        c.as(c.office, post("/api/v1/evaluations/" + published + "/publish")).andExpect(status().isOk());

        var ran = runs.runEnded(c.hospital.id(), LocalDate.of(2026, 10, 1));
        assertThat(ran).extracting(e -> e.period() + " " + e.unitType() + " " + e.status() + " v" + e.version())
                .containsExactlyInAnyOrder("2026-09 EXAM_CENTER DRAFT v1", "2026-09 COMMUNITY_HEALTH DRAFT v1",
                        "2026-Q3 EXAM_CENTER DRAFT v1");
        assertThat(ran).allSatisfy(e -> assertThat(e.ranBy()).isEqualTo("system:scheduler"));
        // running again re-runs the same drafts
        assertThat(runs.runEnded(c.hospital.id(), LocalDate.of(2026, 10, 1))).extracting(Evaluation::id)
                .containsExactlyInAnyOrderElementsOf(ran.stream().map(Evaluation::id).toList());
    }
}
