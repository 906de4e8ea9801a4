package org.meridian.referral;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A hospital of its own for referral tests: channels RF1 and RF2, each with its own user ({@link #partner},
 * {@link #otherPartner}), and a referral desk clerk ({@link #clerk}, role REFERRAL_DESK).
 */
class ReferralHospital extends TestHospital {

    final long rf1;
    final long rf2;
    final String partner;
    final String otherPartner;
    final String clerk;

    ReferralHospital(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        super(mvc, users, hospitals, "RF", "转诊测试医院");
        rf1 = channel("RF1", "REFERRAL_INSTITUTION", null, null);
        rf2 = channel("RF2", "REFERRAL_INSTITUTION", null, null);
        partner = channelUser(rf1);
        otherPartner = channelUser(rf2);
        clerk = user(Role.REFERRAL_DESK);
    }

    ResultActions submit(String user, String key, String body) throws Exception {
        var request = json(post("/api/v1/referrals"), body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return as(user, request);
    }

    long submitted(String user, String key, String body) throws Exception {
        String answer = submit(user, key, body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    ResultActions step(String user, long id, String step, String body) throws Exception {
        return as(user, json(post("/api/v1/referrals/" + id + "/" + step), body == null ? "{}" : body));
    }
}
