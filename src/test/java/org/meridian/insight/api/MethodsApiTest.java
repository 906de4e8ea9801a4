package org.meridian.insight.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/** The calculator as an integrating script or an auditor sees it. */
@MeridianTest
class MethodsApiTest {

    static final List<String> METHODS = List.of("ahp", "entropy", "topsis", "rsr", "wilson", "nps", "holt-winters",
            "outliers");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    /** A number in the answer within {@code tolerance}, read as a double whatever its digits. */
    static ResultMatcher near(String path, double expected, double tolerance) {
        return jsonPath(path).value(closeTo(expected, tolerance), Double.class);
    }

    ResultActions call(String user, String method, String body) throws Exception {
        return mvc.perform(post("/api/v1/methods/" + method).with(httpBasic(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void ahpAnswersWeightsAndConsistency() throws Exception {
        // the closed form for n = 3 (see AhpTest): w ∝ row geometric means, λmax = 1 + 1.2^(1/3) + 1.2^(−1/3)
        String analyst = users.create(Role.ANALYST);
        double g1 = Math.cbrt(10);
        double g2 = Math.cbrt(1.5);
        double g3 = Math.cbrt(1.0 / 15);
        call(analyst, "ahp", "{\"matrix\": [[1, 2, 5], [0.5, 1, 3], [0.2, 0.3333333333333333, 1]]}")
                .andExpect(status().isOk())
                .andExpect(near("$.weights[0]", g1 / (g1 + g2 + g3), 1e-9))
                .andExpect(near("$.lambdaMax", 3.003695, 1e-6))
                .andExpect(jsonPath("$.ri").value(0.58))
                .andExpect(jsonPath("$.consistent").value(true))
                .andExpect(jsonPath("$.worstJudgements", hasSize(0)));
        // the same judgements as pairs, 0-based
        call(analyst, "ahp", "{\"n\": 3, \"pairs\": [[0, 1, 2], [0, 2, 5], [1, 2, 3]], \"priority\": \"EIGENVECTOR\"}")
                .andExpect(status().isOk())
                .andExpect(near("$.weights[2]", g3 / (g1 + g2 + g3), 1e-9));
    }

    @Test
    void everyRoleMayCalculateAndNobodyWithoutSigningIn() throws Exception {
        // Newcombe (1998) Table II: 81/263 → 0.2553 to 0.3662
        for (Role role : List.of(Role.REGULATOR, Role.CHANNEL_USER, Role.ADMIN)) {
            call(users.create(role), "wilson", "{\"successes\": 81, \"trials\": 263}")
                    .andExpect(status().isOk())
                    .andExpect(near("$.estimate", 81.0 / 263, 1e-12))
                    .andExpect(near("$.lower", 0.2553, 5e-5))
                    .andExpect(near("$.upper", 0.3662, 5e-5));
        }
        mvc.perform(post("/api/v1/methods/wilson").contentType(MediaType.APPLICATION_JSON)
                .content("{\"successes\": 81, \"trials\": 263}")).andExpect(status().isUnauthorized());
    }

    @Test
    void theOtherMethodsAnswerInTheirDocumentedShape() throws Exception {
        String user = users.create(Role.ANALYST);
        call(user, "nps", "{\"promoters\": 50, \"passives\": 30, \"detractors\": 20}")
                .andExpect(status().isOk())
                .andExpect(near("$.nps", 30, 1e-12))
                .andExpect(near("$.standardError", 7.81025, 1e-5));
        call(user, "entropy", "{\"matrix\": [[1, 1], [2, 1], [3, 4]]}")
                .andExpect(status().isOk())
                .andExpect(near("$.weights[0]", 0.274018, 1e-6))
                .andExpect(jsonPath("$.entropy", hasSize(2)))
                .andExpect(jsonPath("$.divergence", hasSize(2)));
        call(user, "topsis", "{\"matrix\": [[3, 1], [4, 2], [0, 2]], \"weights\": [1, 1],"
                + " \"directions\": [\"BENEFIT\", \"COST\"]}")
                .andExpect(status().isOk())
                .andExpect(near("$.scores[1]", 12.0 / 17, 1e-12))
                .andExpect(jsonPath("$.ranks", contains(1, 2, 3)))
                .andExpect(jsonPath("$.positiveIdeal", hasSize(2)))
                .andExpect(near("$.dMinus[2]", 0, 1e-12));
        call(user, "rsr", "{\"matrix\": [[10, 3], [20, 1], [30, 2], [40, 4]], \"directions\": [\"BENEFIT\", \"BENEFIT\"]}")
                .andExpect(status().isOk())
                .andExpect(near("$.rsr[1]", 0.375, 1e-15))
                .andExpect(near("$.slope", 0.2780983, 1e-6))
                .andExpect(jsonPath("$.grades", contains(2, 2, 2, 3)));
    }

    @Test
    void holtWintersReproducesRAndSaysWhichMethod() throws Exception {
        String user = users.create(Role.ANALYST);
        String series = Arrays.stream(org.meridian.insight.method.Datasets.AIR_PASSENGERS)
                .mapToObj(v -> Long.toString((long) v)).collect(Collectors.joining(", ", "[", "]"));
        // R: HoltWinters(AirPassengers, alpha = 0.2479595, beta = 0.03453373, gamma = 1) → a = 477.827781
        call(user, "holt-winters", "{\"series\": " + series + ", \"frequency\": 12, \"seasonal\": \"ADDITIVE\","
                + " \"alpha\": 0.2479595, \"beta\": 0.03453373, \"gamma\": 1, \"horizon\": 6, \"interval\": 0.8}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.method").value("HOLT_WINTERS"))
                .andExpect(near("$.level", 477.827781, 5e-4))
                .andExpect(near("$.trend", 3.127627, 1e-5))
                .andExpect(jsonPath("$.seasonals", hasSize(12)))
                .andExpect(jsonPath("$.fitted", hasSize(132)))
                .andExpect(jsonPath("$.forecast", hasSize(6)))
                .andExpect(near("$.forecast[0].mean", 453.497723, 1e-4));
        call(user, "holt-winters", "{\"series\": [3, 4, 5, 4], \"frequency\": 12}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.method").value("SIMPLE_EXPONENTIAL"))
                .andExpect(jsonPath("$.forecast", hasSize(12)));
    }

    @Test
    void outliersFollowTheNistExample() throws Exception {
        String user = users.create(Role.ANALYST);
        String values = Arrays.stream(org.meridian.insight.method.Datasets.ROSNER).mapToObj(Double::toString)
                .collect(Collectors.joining(", ", "[", "]"));
        call(user, "outliers", "{\"values\": " + values + ", \"method\": \"GENERALIZED_ESD\", \"maxOutliers\": 10}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outliers", contains(53, 52, 51)))
                .andExpect(jsonPath("$.steps", hasSize(10)))
                .andExpect(jsonPath("$.median").doesNotExist());
        call(user, "outliers", "{\"values\": [5, 5, 5, 9], \"method\": \"MODIFIED_Z\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outliers", hasSize(0)))
                .andExpect(jsonPath("$.mad").value(0.0))
                .andExpect(jsonPath("$.note").value("MAD_ZERO"));
    }

    @Test
    void badInputAnswers400WithEveryProblem() throws Exception {
        String user = users.create(Role.ANALYST);
        call(user, "entropy", "{\"matrix\": [[1, -2], [3], [4, 5]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("matrix[1]")));
        call(user, "entropy", "{\"matrix\": [[1, -2], [-3, 4]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("matrix[0][1]", "matrix[1][0]")))
                .andExpect(jsonPath("$.errors[0].message").value("熵权法（不标准化时）要求数值不小于 0"));
        call(user, "ahp", "{\"matrix\": [[1, 2], [2, 1]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("matrix[1][0]")));
        call(user, "ahp", "{\"n\": 16, \"pairs\": [[0, 1, 2]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("n")));
        call(user, "topsis", "{\"matrix\": [[1, 2], [3, 4]], \"weights\": [0, -1], \"directions\": [\"BENEFIT\", \"UP\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("directions[1]")));
        call(user, "topsis", "{\"matrix\": [[1, 2], [3, 4]], \"weights\": [0, -1], \"directions\": [\"BENEFIT\", \"COST\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("weights[0]", "weights[1]")));
        call(user, "holt-winters", "{\"series\": [1, null, \"x\", 4], \"frequency\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:insight:invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("series[1]", "series[2]")));
        call(user, "holt-winters", "{\"series\": [1, 2, 4], \"frequency\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("frequency")));
        mvc.perform(post("/api/v1/methods/holt-winters").param("lang", "en").with(httpBasic(user, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"series\": [1, 2, 4], \"frequency\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The frequency must be at least 2"));
        call(user, "rsr", "not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(""));
    }

    @Test
    void neverAServerError() throws Exception {
        String user = users.create(Role.ANALYST);
        List<String> bodies = List.of("", "null", "[]", "\"x\"", "{}", "{\"matrix\": \"a\"}", "{\"matrix\": [[]]}",
                "{\"matrix\": [null]}", "{\"matrix\": [[1e308, 1e-308], [1e308, 1e308]], \"weights\": [1, 1e308],"
                        + " \"directions\": [\"COST\", \"COST\"]}",
                "{\"matrix\": [[1, 1e300], [1e-300, 1]]}", "{\"n\": 3, \"pairs\": [[0, 0, 1], [5, 1, 2], [0.5, 1, 2]]}",
                "{\"series\": [0, 0, 0, 0, 0, 0, 0, 0, 0], \"frequency\": 4, \"seasonal\": \"MULTIPLICATIVE\"}",
                "{\"series\": [1e308, -1e308, 1e308, -1e308, 1e308, -1e308, 1e308], \"frequency\": 2}",
                "{\"series\": [1], \"frequency\": 2147483647, \"horizon\": 1}",
                "{\"values\": [1, 2, 3], \"method\": \"SEASONAL_ESD\", \"frequency\": 2}",
                "{\"values\": [1, 1, 1, 1, 1, 1, 1, 1], \"method\": \"SEASONAL_ESD\", \"frequency\": 2}",
                "{\"values\": [1, 2], \"method\": \"GENERALIZED_ESD\", \"maxOutliers\": 0}",
                "{\"successes\": 1e300, \"trials\": 1e300, \"confidence\": 0.9999999999}",
                "{\"promoters\": 1e308, \"passives\": 1e308, \"detractors\": 1e308}",
                "{\"matrix\": [[1, 2], [3, 4]], \"directions\": [\"BENEFIT\", \"COST\"], \"grades\": 99.5}");
        for (String method : METHODS) {
            for (String body : bodies) {
                int status = call(user, method, body).andReturn().getResponse().getStatus();
                assertThat(status).as("%s with %s", method, body).isIn(200, 400);
            }
        }
    }
}
