package org.meridian.allocation.api;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The inequality and allocation calculators through HTTP: any signed-in role, every problem listed, never a 500. */
@MeridianTest
class AllocationCalculatorApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    ResultActions call(String method, String body) throws Exception {
        return mvc.perform(post("/api/v1/methods/" + method + "?lang=en").with(httpBasic(users.create(Role.ANALYST),
                TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void inequalityByHand() throws Exception {
        // beds 10, 30, 60 for populations 40, 40, 20: G = 1 − (.4·.1 + .4·.5 + .2·1.4) = 0.48
        call("inequality", """
                {"values": [60, 10, 30], "populations": [20, 40, 40], "groups": ["a", "b", "b"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gini").value(closeTo(0.48, 1e-12)))
                .andExpect(jsonPath("$.lorenz", hasSize(4)))
                .andExpect(jsonPath("$.between.t").exists())
                .andExpect(jsonPath("$.hrad").doesNotExist());
        // a zero value: L is null, with a note
        call("inequality", """
                {"values": [0, 2, 2]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.theilL").value(nullValue()))
                .andExpect(jsonPath("$.notes[0].field").value("theilL"));
    }

    @Test
    void allocationToTheFen() throws Exception {
        // floor 150 for unit 0; the other 850 over demand 2, 3, 4 (λ = 850/9), rounded by largest remainder
        call("allocation", """
                {"budget": 1000, "demand": [1, 2, 3, 4], "floors": [150, 0, 0, 0]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocations[0]").value(150.00))
                .andExpect(jsonPath("$.allocations[1]").value(188.89))
                .andExpect(jsonPath("$.allocations[2]").value(283.33))
                .andExpect(jsonPath("$.allocations[3]").value(377.78))
                .andExpect(jsonPath("$.lambda").value(closeTo(850.0 / 9, 1e-12)));
    }

    @Test
    void impossibleBoundsAndBadInputAre400NamingTheBound() throws Exception {
        call("allocation", """
                {"budget": 100, "demand": [1, 1], "floors": [60, 60]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:allocation:invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("floors"))
                .andExpect(jsonPath("$.errors[0].message").value("The floors add up to 120, more than the budget 100"));
        call("allocation", """
                {"budget": 100, "demand": [1, 1], "caps": [30, 30]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caps"));
        call("allocation", """
                {"budget": 100.005, "demand": [0, 0], "unit": "BEDS"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].field").value("unit"))
                .andExpect(jsonPath("$.errors[1].field").value("budget"))
                .andExpect(jsonPath("$.errors[2].field").value("demand"));
        call("allocation", "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors", hasSize(2)));
        call("inequality", "{\"values\": [1, -1], \"basis\": \"AREA\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)));
        call("allocation", "{\"budget\": \"lots\"}").andExpect(status().isBadRequest());
        call("inequality", "[1, 2").andExpect(status().isBadRequest());
    }
}
