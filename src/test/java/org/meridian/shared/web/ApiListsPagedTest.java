package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18 point 6: the lists that answered bare arrays and ignored {@code size=abc} (tier changes waiting for a
 * decision, incentive rules, statements, sanctions) are paged like every API list: {@code {items, page, size, total}},
 * and a bad {@code page} or {@code size} is a 400 problem. Checked on the demo hospital, where each has data.
 */
@MeridianDemoTest
class ApiListsPagedTest {

    static final List<String> LISTS = List.of("/api/v1/channel-tier-changes", "/api/v1/incentive-rules",
            "/api/v1/statements", "/api/v1/sanctions");

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    JsonNode read(String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(httpBasic("manager", "meridian2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void eachListAnswersPagesAndTheirTotal() throws Exception {
        for (String list : LISTS) {
            JsonNode all = read(list + "?size=1000");
            long total = all.get("total").asLong();
            assertThat(all.get("items").size()).as(list + ": every item on one page of 1,000").isEqualTo((int) total);
            assertThat(all.get("page").asInt()).isZero();

            JsonNode first = read(list + "?page=0&size=1");
            assertThat(first.get("size").asInt()).isEqualTo(1);
            assertThat(first.get("total").asLong()).as(list).isEqualTo(total);
            assertThat(first.get("items").size()).as(list).isEqualTo(total == 0 ? 0 : 1);
            if (total > 0) {
                assertThat(first.get("items").get(0)).as(list + ": page 0 of size 1 is the first item")
                        .isEqualTo(all.get("items").get(0));
            }
            assertThat(read(list + "?page=" + total + "&size=1").get("items").size()).as(list + ": past the end")
                    .isZero();
        }
        assertThat(read("/api/v1/incentive-rules?size=1000").get("total").asLong())
                .as("the demo has several rule versions").isGreaterThan(1);
    }

    @Test
    void aBadPageOrSizeIsA400Problem() throws Exception {
        for (String list : LISTS) {
            for (String bad : List.of("size=abc", "size=0", "size=1001", "page=-1", "page=x")) {
                mvc.perform(get(list + "?" + bad).with(httpBasic("manager", "meridian2026")))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
            mvc.perform(get(list + "?size=0").header("Accept-Language", "en")
                            .with(httpBasic("manager", "meridian2026")))
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
        }
    }
}
