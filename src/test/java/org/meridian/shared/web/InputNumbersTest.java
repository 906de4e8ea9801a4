package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, point 3: every number from outside lies below 10^15 with at most 10 decimal places, whatever the field;
 * outside it the request is bad input of that field (400, the field named), nothing is computed or stored.
 */
@MeridianTest
class InputNumbersTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired UserDetailsService accounts;

    @Test
    void theRangeIsFifteenDigitsBeforeAndTenAfterThePoint() {
        // edges: 15 nines and 10 decimal places are in; 10^15 and an eleventh decimal place are out
        assertThat(InputNumbers.inRange(new BigDecimal("999999999999999.9999999999"))).isTrue();
        assertThat(InputNumbers.inRange(new BigDecimal("-999999999999999"))).isTrue();
        assertThat(InputNumbers.inRange(new BigDecimal("0.0000000001"))).isTrue();
        assertThat(InputNumbers.inRange(new BigDecimal("2.50000000000000000000"))).isTrue();
        assertThat(InputNumbers.inRange(new BigDecimal("0E+100000"))).isTrue();
        assertThat(InputNumbers.inRange(new BigDecimal("1000000000000000"))).isFalse();
        assertThat(InputNumbers.inRange(new BigDecimal("0.00000000001"))).isFalse();
        assertThat(InputNumbers.inRange(new BigDecimal("1E+100000"))).isFalse();
        assertThat(InputNumbers.inRange(new BigDecimal("1E-100000"))).isFalse();
        assertThat(InputNumbers.inRange(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(InputNumbers.inRange(Double.NaN)).isFalse();
        assertThat(InputNumbers.inRange(1e15)).isFalse();
        assertThat(InputNumbers.inRange(999_999_999_999_999.0)).isTrue();
        assertThat(InputNumbers.inRange(BigInteger.TEN.pow(15))).isFalse();
        assertThat(InputNumbers.inRange(12)).isTrue();
        // parameters: only decimal numbers with a point or an exponent are judged; codes and words are not numbers
        assertThat(InputNumbers.textInRange("1e100000")).isFalse();
        assertThat(InputNumbers.textInRange("1e99999999999")).isFalse();
        assertThat(InputNumbers.textInRange("12.5")).isTrue();
        assertThat(InputNumbers.textInRange("110101199003077777")).isTrue();
        assertThat(InputNumbers.textInRange("体检中心")).isTrue();
        assertThat(InputNumbers.textInRange("v1.2.3")).isTrue();
    }

    @Test
    void anUnboundedNumberInABodyIsBadInputOfItsField() throws Exception {
        String analyst = users.create(Role.ANALYST);
        mvc.perform(post("/api/v1/methods/allocation").with(httpBasic(analyst, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"budget\": 1e100000, \"demand\": [1, 2]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:request:invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("budget"));
        // 1e400 is beyond a double: Jackson reads it as infinity, which is refused as out of range
        mvc.perform(post("/api/v1/methods/inequality").with(httpBasic(analyst, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": [1, 1e400, 3], \"populations\": [1, 1, 1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values[1]"));
        // the same request in range is computed: budget 3 over demands 1 and 2 gives each its demand
        mvc.perform(post("/api/v1/methods/allocation").with(httpBasic(analyst, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"budget\": 3, \"demand\": [1, 2]}"))
                .andExpect(status().isOk());
    }

    @Test
    void anUnboundedNumberInAParameterIsBadInputOnTheApiAndOnThePage() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(get("/api/v1/channels").param("q", "1e100000").with(httpBasic(office, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/channels").param("q", "1e100000").accept(MediaType.TEXT_HTML)
                        .with(user(accounts.loadUserByUsername(office))))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("error"));
    }
}
