package org.meridian.efficiency.api;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
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

/** The DEA and Malmquist calculators through HTTP: any signed-in role, every problem listed, never a 500. */
@MeridianTest
class DeaCalculatorApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    ResultActions call(String method, String body, Role role) throws Exception {
        return mvc.perform(post("/api/v1/methods/" + method + "?lang=en").with(httpBasic(users.create(role),
                TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void deaAnswersDeapExampleOneForAChannelUserToo() throws Exception {
        // DEAP 2.1 EG1 (CRS, input orientated): te 0.500 1.000 0.833 0.714 1.000; firm 1 slack 0.5 on input 2
        String eg1 = """
                {"inputs": [[2,5],[2,4],[6,6],[3,2],[6,2]], "outputs": [[1],[2],[3],[1],[2]],
                 "model": "CCR", "orientation": "INPUT", "superEfficiency": true}""";
        call("dea", eg1, Role.ANALYST).andExpect(status().isOk())
                .andExpect(jsonPath("$.units", hasSize(5)))
                .andExpect(jsonPath("$.units[0].score").value(closeTo(0.5, 1e-9)))
                .andExpect(jsonPath("$.units[0].theta").value(closeTo(0.5, 1e-9)))
                .andExpect(jsonPath("$.units[0].status").value("INEFFICIENT"))
                .andExpect(jsonPath("$.units[0].slacks.inputs[1]").value(closeTo(0.5, 1e-9)))
                .andExpect(jsonPath("$.units[0].peers[0].unit").value(1))
                .andExpect(jsonPath("$.units[0].peers[0].lambda").value(closeTo(0.5, 1e-9)))
                .andExpect(jsonPath("$.units[2].score").value(closeTo(5.0 / 6, 1e-9)))
                .andExpect(jsonPath("$.units[3].targets.inputs[0]").value(closeTo(15.0 / 7, 1e-9)))
                .andExpect(jsonPath("$.units[1].status").value("EFFICIENT"))
                .andExpect(jsonPath("$.units[1].infeasible").value(false))
                .andExpect(jsonPath("$.units[1].returnsToScale").exists())
                .andExpect(jsonPath("$.units[0].phi").doesNotExist())
                .andExpect(jsonPath("$.warnings", hasSize(0)));
        call("dea", eg1, Role.CHANNEL_USER).andExpect(status().isOk());
    }

    @Test
    void infeasibleSuperEfficiencyIsNullNotAnError() throws Exception {
        // stores of Cooper–Seiford–Tone Table 1.1; H has the most sales: BCC super-efficiency infeasible
        call("dea", """
                {"inputs": [[2],[3],[3],[4],[5],[5],[6],[8]], "outputs": [[1],[3],[2],[3],[4],[2],[3],[5]],
                 "model": "BCC", "orientation": "INPUT", "superEfficiency": true}""", Role.ANALYST)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[7].efficiency").value(nullValue()))
                .andExpect(jsonPath("$.units[7].infeasible").value(true))
                .andExpect(jsonPath("$.units[7].rank").doesNotExist())
                .andExpect(jsonPath("$.units[0].efficiency").value(closeTo(1.5, 1e-9)))
                .andExpect(jsonPath("$.units[0].rank").value(1));
    }

    @Test
    void fewUnitsWarn() throws Exception {
        call("dea", """
                {"inputs": [[1,2,3],[2,1,3]], "outputs": [[1,2],[2,1]], "model": "BCC", "orientation": "OUTPUT"}""",
                Role.ANALYST).andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[0].field").value("inputs"))
                .andExpect(jsonPath("$.warnings[0].message").value(containsString("fewer units (2)")));
    }

    @Test
    void badInputIs400ListingEveryProblem() throws Exception {
        call("dea", """
                {"inputs": [[1,2],[3],[-1,2]], "outputs": [[1],[1],[1]], "model": "XYZ"}""", Role.ANALYST)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:efficiency:invalid-input"))
                .andExpect(jsonPath("$.errors", hasSize(4)))
                .andExpect(jsonPath("$.errors[0].field").value("model"))
                .andExpect(jsonPath("$.errors[0].message").value("XYZ is not one of CCR, BCC"))
                .andExpect(jsonPath("$.errors[1].field").value("orientation"))
                .andExpect(jsonPath("$.errors[2].field").value("inputs[1]"))
                .andExpect(jsonPath("$.errors[2].message").value("Row 1 has 1 values, the first row has 2"))
                .andExpect(jsonPath("$.errors[3].field").value("inputs[2][0]"));
        call("dea", """
                {"inputs": [[1]], "outputs": [[1]], "model": "CCR", "orientation": "INPUT"}""", Role.ANALYST)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("At least 2 units are needed; 1 given"));
        call("dea", "{}", Role.ANALYST).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(4)));
        call("dea", "{\"inputs\": [[1, \"x\"]]", Role.ANALYST).andExpect(status().isBadRequest());
        call("dea", "{\"inputs\": \"nonsense\"}", Role.ANALYST).andExpect(status().isBadRequest());
        call("malmquist", "{\"periods\": [null, {}]}", Role.ANALYST).andExpect(status().isBadRequest());
    }

    @Test
    void malmquistAnswersDeapExampleFour() throws Exception {
        // DEAP 2.1 EG4, output orientated; year 2 firm 2: effch 1.125 techch 1.333 pech 1.222 sech 0.920 tfpch 1.500
        String year2 = """
                {"inputs": [[2],[4],[3],[5],[5]], "outputs": [[1],[3],[4],[3],[5]]}""";
        call("malmquist", """
                {"orientation": "OUTPUT", "periods": [
                  {"inputs": [[2],[4],[3],[5],[6]], "outputs": [[1],[2],[3],[4],[5]]}, %s, %s]}"""
                .formatted(year2, year2), Role.REGULATOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transitions", hasSize(2)))
                .andExpect(jsonPath("$.transitions[0].units[1].effch").value(closeTo(1.125, 1e-9)))
                .andExpect(jsonPath("$.transitions[0].units[1].techch").value(closeTo(4.0 / 3, 1e-9)))
                .andExpect(jsonPath("$.transitions[0].units[1].pech").value(closeTo(11.0 / 9, 1e-9)))
                .andExpect(jsonPath("$.transitions[0].units[1].tfpch").value(closeTo(1.5, 1e-9)))
                .andExpect(jsonPath("$.transitions[0].mean.techch").value(closeTo(1.333, 0.001)))
                .andExpect(jsonPath("$.mean.tfpch").value(closeTo(1.061, 0.001)));
    }

    @Test
    void signInIsNeeded() throws Exception {
        mvc.perform(post("/api/v1/methods/dea").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }
}
