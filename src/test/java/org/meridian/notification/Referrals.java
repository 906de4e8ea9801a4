package org.meridian.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.meridian.support.TestHospital;

/**
 * A channel user's referral and the referral desk's steps on it, through the API: what sets off the notifications
 * that the delivery tests follow (the e-mail and the webhook tests alike).
 */
final class Referrals {

    /** An urgent referral to orthopaedics (骨科), with the patient's consent. */
    static final String REFERRAL = """
            {"patientName": "钱多多", "patientPhone": "13912340001", "department": "骨科", "urgency": "URGENT",
             "note": "膝盖疼", "consent": true}""";

    private Referrals() {
    }

    /** The partner refers {@link #REFERRAL}; its id. */
    static long submit(TestHospital h, String partner) throws Exception {
        String answer = h.as(partner, TestHospital.json(post("/api/v1/referrals"), REFERRAL)
                        .header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** The desk's clerk takes a step on the referral ({@code accept}, {@code decline}…) with its body. */
    static void step(TestHospital h, String clerk, long id, String step, String body) throws Exception {
        h.as(clerk, TestHospital.json(post("/api/v1/referrals/" + id + "/" + step), body))
                .andExpect(status().isOk());
    }
}
