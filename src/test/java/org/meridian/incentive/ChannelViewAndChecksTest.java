package org.meridian.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.meridian.incentive.Hospital4Incentives.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A channel sees its own approved and paid statements and nothing else; channel codes are checked against the
 * channel register wherever incentives take one; refusals read in the reader's language.
 */
@MeridianTest
class ChannelViewAndChecksTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    static final String SERVICE_FEE = IncentivesFromEvaluationsTest.SERVICE_FEE;

    long statementOf(Hospital4Incentives h, String period, String channel) throws Exception {
        for (var s : h.read(h.as(h.analyst, get("/api/v1/statements").param("period", period))).get("items")) {
            if (s.get("channelCode").asString().equals(channel)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no statement of " + channel);
    }

    void approve(Hospital4Incentives h, long id) throws Exception {
        h.as(h.office, post("/api/v1/statements/" + id + "/review")).andExpect(status().isOk());
        h.as(h.manager, post("/api/v1/statements/" + id + "/approve")).andExpect(status().isOk());
    }

    @Test
    void aChannelUserSeesOnlyItsOwnApprovedAndPaidStatements() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        long mine = h.channel("MINE", "EXAM_CENTER");
        h.examCentres(List.of("OTHER"), SERVICE_FEE);
        h.referrals("MINE", "2026-05-10", 10);   // A: 5500.00
        h.referrals("OTHER", "2026-05-10", 8);   // B: 5000.00
        h.publish("2026-Q2", "EXAM_CENTER");
        h.referrals("MINE", "2026-08-10", 10);
        h.publish("2026-Q3", "EXAM_CENTER");
        long mineQ2 = statementOf(h, "2026-Q2", "MINE");
        long otherQ2 = statementOf(h, "2026-Q2", "OTHER");
        long mineQ3 = statementOf(h, "2026-Q3", "MINE");

        UserDetails channelUser = accounts.loadUserByUsername(users.create(h.hospital.id(), Role.CHANNEL_USER, mine));
        // nothing approved yet: an empty list, and the drafts do not exist for the channel
        mvc.perform(get("/incentives/own").with(user(channelUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"own-none\"")));
        mvc.perform(get("/incentives/own/" + mineQ2).with(user(channelUser))).andExpect(status().isNotFound());

        approve(h, mineQ2);
        approve(h, otherQ2);
        h.as(h.office, post("/api/v1/statements/" + mineQ3 + "/review")).andExpect(status().isOk());  // REVIEWED only

        String list = mvc.perform(get("/incentives/own").with(user(channelUser))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/incentives/own/" + mineQ2, "5,500.00", "已批准")
                .doesNotContain("/incentives/own/" + otherQ2, "/incentives/own/" + mineQ3, "5,000.00");
        String own = mvc.perform(get("/incentives/own/" + mineQ2).with(user(channelUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("SERVICE-FEE")))
                .andExpect(content().string(containsString("5,500.00")))
                .andExpect(content().string(not(containsString("id=\"review\""))))
                .andExpect(content().string(not(containsString("adjust-form"))))
                .andReturn().getResponse().getContentAsString();
        // read only, and nothing that leads to the staff pages: back to its own list, its own download
        String page = own.substring(own.indexOf("<main"));
        assertThat(page).contains("href=\"/incentives/own\"", "href=\"/incentives/own/" + mineQ2 + "/xlsx\"")
                .doesNotContain("/incentives/statements", "<form");
        // another channel's statement, and its own statement while only reviewed: not found
        mvc.perform(get("/incentives/own/" + otherQ2).with(user(channelUser))).andExpect(status().isNotFound());
        mvc.perform(get("/incentives/own/" + mineQ3).with(user(channelUser))).andExpect(status().isNotFound());
        mvc.perform(get("/incentives/own/" + otherQ2 + "/xlsx").with(user(channelUser)))
                .andExpect(status().isNotFound());

        byte[] xlsx = mvc.perform(get("/incentives/own/" + mineQ2 + "/xlsx").with(user(channelUser)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.stream().anyMatch(r -> r.getCellCount() > 1 && "MINE".equals(r.getCellText(1)))).isTrue();
            assertThat(rows.stream().map(r -> r.getCellCount() > 2 ? r.getCellText(2) : "")).contains("SERVICE-FEE");
        }

        // the staff pages and the API stay closed to the channel user
        mvc.perform(get("/incentives").with(user(channelUser))).andExpect(status().isForbidden());
        mvc.perform(get("/incentives/statements/" + mineQ2).with(user(channelUser))).andExpect(status().isForbidden());
        // and staff do not use the channel view
        mvc.perform(get("/incentives/own").with(user(accounts.loadUserByUsername(h.analyst))))
                .andExpect(status().isForbidden());
    }

    @Test
    void unknownChannelCodesAreRefusedWithTheFieldNamedInTheReadersLanguage() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.channel("KNOWN", "COMMUNITY_HEALTH");
        String unknown = """
                {"period": "2026-Q3", "result": {"channelCode": "NOPE", "unitType": "EXAM_CENTER", "tier": "A",
                 "total": 90, "rank": 1}}""";
        h.as(h.office, json(post("/api/v1/statements"), unknown)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors[0].field").value("result.channelCode"))
                .andExpect(jsonPath("$.errors[0].message").value("本院未登记编码为\"NOPE\"的渠道。"));
        h.asInEnglish(h.office, json(post("/api/v1/statements"), unknown)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].message").value("No channel \"NOPE\" is registered in your hospital."));
        // a registered channel of another type
        h.asInEnglish(h.office, json(post("/api/v1/statements"), unknown.replace("NOPE", "KNOWN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("result.unitType"))
                .andExpect(jsonPath("$.errors[0].message", containsString("KNOWN")));
        h.as(h.analyst, get("/api/v1/statements")).andExpect(jsonPath("$.items.length()").value(0));
        // the sanction check takes a channel too
        h.as(h.analyst, json(post("/api/v1/incentive-rules/sanction-recommendations"),
                        "{\"channelCode\": \"NOPE\", \"unitType\": \"EXAM_CENTER\", \"history\": [{\"period\": "
                                + "\"2026-Q3\", \"tier\": \"D\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channelCode"));
        // and the preparation form says it beside the field, keeping what was typed
        UserDetails office = accounts.loadUserByUsername(h.office);
        mvc.perform(post("/incentives/statements").with(user(office)).with(csrf()).param("period", "2026-Q3")
                        .param("channelCode", "NOPE").param("unitType", "EXAM_CENTER").param("tier", "A")
                        .param("total", "90").param("rank", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"NOPE\"")))
                .andExpect(content().string(containsString("本院未登记编码为")));

        // other refusals in both languages: overlapping bands, a statement that does not exist, four eyes
        String overlapping = """
                {"code": "BANDS", "name": "分数段", "type": "FEE", "validFrom": "2026-01-01", "baseKind": "FIXED",
                 "baseAmount": 100, "rateBy": "SCORE_BAND",
                 "scoreBands": [{"from": 70, "to": 90, "rate": 1}, {"from": 85, "rate": 2}]}""";
        h.as(h.office, json(post("/api/v1/incentive-rules"), overlapping)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("重叠")));
        h.asInEnglish(h.office, json(post("/api/v1/incentive-rules"), overlapping)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("overlap")));
        h.as(h.analyst, get("/api/v1/statements/999999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("本院不存在结算单 999999999。"));
        h.asInEnglish(h.analyst, get("/api/v1/statements/999999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Statement 999999999 does not exist in your hospital."));
        long id = h.read(h.as(h.office, json(post("/api/v1/statements"),
                        "{\"period\": \"2026-Q3\", \"channelCode\": \"KNOWN\"}")).andExpect(status().isCreated()))
                .get("id").asLong();
        h.as(h.office, post("/api/v1/statements/" + id + "/review")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("四眼原则")));
        h.asInEnglish(h.office, post("/api/v1/statements/" + id + "/review")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("four eyes")));
    }
}
