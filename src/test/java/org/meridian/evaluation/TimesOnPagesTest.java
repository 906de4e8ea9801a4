package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every time on the evaluation and scheme pages is the hospital's local time, never UTC. The test clock stands at
 * 2027-01-15 12:00 in Shanghai (UTC+8), which is 04:00 UTC: a page showing "2027-01-15 04:0x" shows UTC.
 */
@MeridianTest
class TimesOnPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    @Test
    void runPublishAndSaveTimesAreShownInTheHospitalsZone() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("TZ-1", "EXAM_CENTER", null, null);
        h.scheme("EXAM_CENTER", EvaluationApiTest.VOLUME_SCHEME);
        long id = h.run("2026-12", "EXAM_CENTER");
        h.publish(id);

        for (String page : new String[] {"/evaluations", "/evaluations/" + id, "/indicators",
                "/indicators/schemes/EXAM_CENTER"}) {
            String html = mvc.perform(get(page).with(user(accounts.loadUserByUsername(h.office)))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).as(page).contains("2027-01-15 12:0").doesNotContain("2027-01-15 04:0");
        }
    }
}
