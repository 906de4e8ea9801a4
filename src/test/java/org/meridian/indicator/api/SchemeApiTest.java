package org.meridian.indicator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.scoring.ScoringRule;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The scheme and catalogue calls of api.md as an integrating script sees them. */
@MeridianTest
class SchemeApiTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    /** api.md's example, verbatim. */
    static final String API_EXAMPLE = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 200}},
               {"code": "RESPONSE_TIME", "weight": 15, "scoring": {"method": "BANDS", "bands": [[4, 100], [24, 80], [48, 60]]}},
               {"code": "SATISFACTION", "weight": 15, "scoring": {"method": "PEER_RANK"}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired AuditLog audit;
    @Autowired SchemeCatalogue schemes;

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void putThenGetAnswersTheSameShapeAndEveryChangeIsANewAuditedVersion() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        String analyst = users.create(Role.ANALYST);
        long hospital = users.firstHospital().id();
        int before = schemes.current(hospital, UnitType.EXAM_CENTER).map(SchemeSnapshot::version).orElse(0);

        as(office, json(put("/api/v1/schemes/EXAM_CENTER"), API_EXAMPLE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.savedBy").value(office));
        as(analyst, get("/api/v1/schemes/EXAM_CENTER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitType").value("EXAM_CENTER"))
                .andExpect(jsonPath("$.indicators", hasSize(3)))
                .andExpect(jsonPath("$.indicators[0].code").value("REFERRAL_VOLUME"))
                .andExpect(jsonPath("$.indicators[0].weight").value(20))
                .andExpect(jsonPath("$.indicators[0].scoring.method").value("LINEAR"))
                .andExpect(jsonPath("$.indicators[0].scoring.zero").value(0))
                .andExpect(jsonPath("$.indicators[0].scoring.full").value(200))
                .andExpect(jsonPath("$.indicators[1].scoring.bands[2][0]").value(48))
                .andExpect(jsonPath("$.indicators[1].scoring.bands[2][1]").value(60))
                .andExpect(jsonPath("$.indicators[2].scoring.method").value("PEER_RANK"))
                .andExpect(jsonPath("$.indicators[2].scoring.zero").doesNotExist())
                .andExpect(jsonPath("$.tiers[0].tier").value("A"))
                .andExpect(jsonPath("$.tiers[2].minTotal").value(55));

        // the snapshot an evaluation takes carries the rules and the indicator definitions
        SchemeSnapshot first = schemes.current(hospital, UnitType.EXAM_CENTER).orElseThrow();
        assertThat(first.item("RESPONSE_TIME").orElseThrow().rule()).isInstanceOf(ScoringRule.Bands.class);
        assertThat(first.item("SATISFACTION").orElseThrow().indicator().formula().text())
                .isEqualTo("100 * satisfied / survey_count");

        // a change is a new version; the old one stays readable
        as(office, json(put("/api/v1/schemes/EXAM_CENTER"), API_EXAMPLE.replace("\"weight\": 20", "\"weight\": 30")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(before + 2));
        as(analyst, get("/api/v1/schemes/EXAM_CENTER")).andExpect(jsonPath("$.indicators[0].weight").value(30));
        as(analyst, get("/api/v1/schemes/EXAM_CENTER/versions/" + (before + 1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.indicators[0].weight").value(20));
        as(analyst, get("/api/v1/schemes/EXAM_CENTER/versions"))
                .andExpect(jsonPath("$.items[0].version").value(before + 2))
                .andExpect(jsonPath("$.items[0].savedBy").value(office));
        assertThat(schemes.version(hospital, UnitType.EXAM_CENTER, before + 1).orElseThrow()).isEqualTo(first);

        assertThat(audit.recent(hospital, "SCHEME_SAVED", 20)).filteredOn(e -> e.actor().equals(office))
                .hasSize(2)
                .first().satisfies(e -> {
                    assertThat(e.target()).isEqualTo("EXAM_CENTER");
                    assertThat(e.details()).contains("\"version\": " + (before + 2)).contains("\"old\"")
                            .contains("\"weight\": 30");
                });
    }

    @Test
    void invalidContentAnswers400ListingEveryProblemAndSavesNothing() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        long hospital = users.firstHospital().id();
        as(office, json(put("/api/v1/schemes/HEALTH_PLATFORM"), API_EXAMPLE)).andExpect(status().isOk());
        SchemeSnapshot saved = schemes.current(hospital, UnitType.HEALTH_PLATFORM).orElseThrow();

        String bad = """
                {"indicators": [
                   {"code": "NO_SUCH", "weight": 10, "scoring": {"method": "PEER_RANK"}},
                   {"code": "ARRIVAL_RATE", "weight": 0, "scoring": {"method": "LINEAR", "zero": 60, "full": 60}},
                   {"code": "ARRIVAL_RATE", "weight": 5, "scoring": {"method": "PEER_RANK"}},
                   {"code": "RESPONSE_TIME", "weight": -2, "scoring": {"method": "BANDS", "bands": [[48, 60], [24, 60], [4, 60]]}}
                 ],
                 "tiers": [{"tier": "A", "minTotal": 70}, {"tier": "B", "minTotal": 70}, {"tier": "D", "minTotal": 50},
                           {"tier": "UNRATED", "minTotal": 10}]}""";
        as(office, json(put("/api/v1/schemes/HEALTH_PLATFORM"), bad).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
                        "indicators[0].code", "indicators[1].weight", "indicators[1].scoring.full",
                        "indicators[2].code", "indicators[3].weight", "indicators[3].scoring.bands[1]",
                        "indicators[3].scoring.bands[2]", "tiers[1].minTotal", "tiers[2].tier", "tiers[3].tier")))
                .andExpect(jsonPath("$.errors[?(@.field == 'indicators[0].code')].message")
                        .value("Unknown indicator 'NO_SUCH'"))
                .andExpect(jsonPath("$.errors[?(@.field == 'indicators[1].scoring.full')].message")
                        .value("Zero and full must differ (both are 60)"))
                .andExpect(jsonPath("$.errors[?(@.field == 'indicators[2].code')].message")
                        .value("Indicator ARRIVAL_RATE is listed twice"));
        // Chinese by default
        as(office, json(put("/api/v1/schemes/HEALTH_PLATFORM"), """
                {"indicators": [], "tiers": []}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(containsInAnyOrder("方案至少需要一个指标",
                        "至少需要一个分级阈值")));
        assertThat(schemes.current(hospital, UnitType.HEALTH_PLATFORM).orElseThrow()).isEqualTo(saved);
    }

    @Test
    void writingNeedsChannelManagerReadingAnalystAndChannelUsersGetNothing() throws Exception {
        String analyst = users.create(Role.ANALYST);
        String partner = users.create(Role.CHANNEL_USER);
        String regulator = users.create(Role.REGULATOR);
        as(analyst, json(put("/api/v1/schemes/OTHER"), API_EXAMPLE)).andExpect(status().isForbidden());
        as(partner, get("/api/v1/schemes/OTHER")).andExpect(status().isForbidden());
        as(partner, get("/api/v1/indicators")).andExpect(status().isForbidden());
        as(regulator, get("/api/v1/schemes/OTHER")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/schemes/OTHER")).andExpect(status().isUnauthorized());
        // the administrator may call everything
        mvc.perform(json(put("/api/v1/schemes/OTHER"), API_EXAMPLE).with(httpBasic("admin", "Root-secret-2026")))
                .andExpect(status().isOk());
    }

    @Test
    void anotherHospitalDoesNotSeeTheScheme() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        as(office, json(put("/api/v1/schemes/ALLIANCE_MEMBER"), API_EXAMPLE)).andExpect(status().isOk());
        String stranger = users.create(users.otherHospital().id(), Role.ANALYST, null);
        as(stranger, get("/api/v1/schemes/ALLIANCE_MEMBER")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value("urn:meridian:indicator:scheme-not-found"))
                .andExpect(jsonPath("$.detail").value("本院还没有单元类型 ALLIANCE_MEMBER 的方案。"));
    }

    @Test
    void unknownUnitTypeIs400() throws Exception {
        String analyst = users.create(Role.ANALYST);
        as(analyst, get("/api/v1/schemes/HOSPITAL").param("lang", "en")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitType"))
                .andExpect(jsonPath("$.errors[0].message").value("Unknown unit type: HOSPITAL"));
    }

    @Test
    void catalogueListsTheTwelveBuiltInIndicatorsFirstThenTheHospitalsOwn() throws Exception {
        String analyst = users.create(Role.ANALYST);
        as(analyst, get("/api/v1/indicators"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].code").value("REFERRAL_VOLUME"))
                .andExpect(jsonPath("$.items[0].nameZh").value("转诊量"))
                .andExpect(jsonPath("$.items[4].code").value("RESPONSE_TIME"))
                .andExpect(jsonPath("$.items[4].direction").value("LOWER_IS_BETTER"))
                .andExpect(jsonPath("$.items[4].measures[0]").value("response_hours_sum"))
                .andExpect(jsonPath("$.items[11].code").value("REVENUE"))
                .andExpect(jsonPath("$.items[11].unitZh").value("万元"))
                .andExpect(jsonPath("$.items[11].builtIn").value(true));
        as(analyst, get("/api/v1/indicators").param("size", "5").param("page", "2"))
                .andExpect(jsonPath("$.items[0].code").value("FEEDBACK_RATE")); // entries 10 and 11 (0-based)
        as(analyst, get("/api/v1/indicators").param("size", "1001")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aHospitalAddsItsOwnIndicatorWithAValidatedFormulaAndUsesItInAScheme() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        String code = "GREEN_" + RUN + "_" + SEQ.incrementAndGet();
        String body = """
                {"code": "%s", "nameZh": "绿色通道使用率", "nameEn": "Green channel use", "unitZh": "%%", "unitEn": "%%",
                 "direction": "HIGHER_IS_BETTER", "formula": "100 * conversions / (arrivals + accepted)"}""".formatted(code);
        as(office, json(post("/api/v1/indicators"), body)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.builtIn").value(false))
                .andExpect(jsonPath("$.measures").value(containsInAnyOrder("conversions", "arrivals", "accepted")));
        as(office, get("/api/v1/indicators")).andExpect(jsonPath("$.items[*].code").value(hasItem(code)));
        // the same code again, or a built-in code: 409
        as(office, json(post("/api/v1/indicators"), body)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:indicator:code-taken"))
                .andExpect(jsonPath("$.detail").value("编码 " + code + " 已在指标库中"));
        as(office, json(post("/api/v1/indicators"), body.replace(code, "ARRIVAL_RATE"))).andExpect(status().isConflict());
        assertThat(audit.recent(users.firstHospital().id(), "INDICATOR_CREATED", 50))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo(code));

        as(office, json(put("/api/v1/schemes/REFERRAL_INSTITUTION"), """
                {"indicators": [{"code": "%s", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 50}}],
                 "tiers": [{"tier": "A", "minTotal": 80}]}""".formatted(code))).andExpect(status().isOk());
        // another hospital does not know the indicator
        String stranger = users.create(users.otherHospital().id(), Role.CHANNEL_MANAGER, null);
        as(stranger, json(put("/api/v1/schemes/REFERRAL_INSTITUTION"), """
                {"indicators": [{"code": "%s", "weight": 1, "scoring": {"method": "PEER_RANK"}}],
                 "tiers": [{"tier": "A", "minTotal": 80}]}""".formatted(code)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("indicators[0].code"));
    }

    @Test
    void aBadFormulaIsRejectedNamingItsPositionAndTokenTogetherWithEveryOtherProblem() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        String code = "BAD_" + RUN + "_" + SEQ.incrementAndGet();
        as(office, json(post("/api/v1/indicators"), """
                {"code": "%s", "nameZh": "坏公式", "unitZh": "%%", "unitEn": "%%", "direction": "SIDEWAYS",
                 "formula": "100 * arivals / referrals"}""".formatted(code)).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("nameEn", "direction", "formula")))
                .andExpect(jsonPath("$.errors[?(@.field == 'formula')].message")
                        .value("Unknown measure 'arivals' at position 7"));
        as(office, json(post("/api/v1/indicators"), """
                {"code": "lower", "nameZh": "x", "nameEn": "x", "unitZh": "x", "unitEn": "x",
                 "direction": "LOWER_IS_BETTER", "formula": "(referrals"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("code", "formula")))
                .andExpect(jsonPath("$.errors[?(@.field == 'formula')].message")
                        .value("公式在第 11 个字符处意外结束（缺少数字、度量或右括号）"));
        String analyst = users.create(Role.ANALYST);
        as(analyst, get("/api/v1/indicators")).andExpect(jsonPath("$.items[*].code")
                .value(org.hamcrest.Matchers.not(hasItem(code))));
        as(analyst, json(post("/api/v1/indicators"), "{}")).andExpect(status().isForbidden());
    }

    @Test
    void wrongJsonTypesAreReportedPerFieldWithTheOtherProblems() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        as(office, json(put("/api/v1/schemes/OTHER"), """
                {"indicators": [
                   {"code": "ARRIVAL_RATE", "weight": "ten", "scoring": {"method": "LINEAR", "zero": 50, "full": "90"}},
                   {"code": 7, "weight": 5, "scoring": {"method": "BANDS", "bands": [[90, "a"], 80]}},
                   "SATISFACTION",
                   {"code": "NPS", "weight": 0.000000000000000000001, "scoring": {"method": "PEER_RANK"}}
                 ],
                 "tiers": {"A": 85}}""").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("indicators[0].weight",
                        "indicators[0].scoring.full", "indicators[1].code", "indicators[1].scoring.bands[0]",
                        "indicators[1].scoring.bands[1]", "indicators[2]", "tiers",
                        // a weight finer than 6 decimal places is out of the scheme's range (issue 18, point 3)
                        "indicators[3].weight")))
                .andExpect(jsonPath("$.errors[?(@.field == 'indicators[0].weight')].message").value("Must be a number"))
                // one problem per field: "at least one tier" would only repeat that tiers is not an array
                .andExpect(jsonPath("$.errors[?(@.field == 'tiers')].message").value("Must be an array"));
        as(office, json(put("/api/v1/schemes/OTHER"), "{\"indicators\": [")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(""));
    }

    @Test
    void numbersOutsideTheSchemeRangeAreRefusedPerFieldAndNothingIsSaved() throws Exception {
        // issue 18, point 3: a scheme's numbers lie below 10^9 with at most 6 decimal places (docs/api.md); before,
        // a minimum total of 1e100000 was written out as 100,001 digits in its message and weights were unbounded
        String office = users.create(Role.CHANNEL_MANAGER);
        long hospital = users.firstHospital().id();
        int before = schemes.current(hospital, UnitType.OTHER).map(SchemeSnapshot::version).orElse(0);
        as(office, json(put("/api/v1/schemes/OTHER"), """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 1e100000, "scoring": {"method": "LINEAR", "zero": 0, "full": 1e-7}},
                   {"code": "RESPONSE_TIME", "weight": 15, "scoring": {"method": "BANDS", "bands": [[4, 100], [1000000000, 80]]}},
                   {"code": "SATISFACTION", "weight": 0.0000001, "scoring": {"method": "PEER_RANK"}}
                 ],
                 "tiers": [{"tier": "A", "minTotal": 1e100000}]}""").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("indicators[0].weight",
                        "indicators[0].scoring.full", "indicators[1].scoring.bands[1]", "indicators[2].weight",
                        "tiers[0].minTotal")))
                .andExpect(jsonPath("$.errors[?(@.field == 'tiers[0].minTotal')].message").value(
                        "Number 1E+100000 is outside the allowed range (at most 9 digits before and 6 after the"
                                + " decimal point)"));
        assertThat(schemes.current(hospital, UnitType.OTHER).map(SchemeSnapshot::version).orElse(0)).isEqualTo(before);
        // the largest and the finest numbers of the range are taken
        as(office, json(put("/api/v1/schemes/OTHER"), """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 999999999.999999,
                                 "scoring": {"method": "LINEAR", "zero": 0, "full": 0.000001}}],
                 "tiers": [{"tier": "A", "minTotal": 85}]}""")).andExpect(status().isOk());
    }

    @Test
    void decimalsAreKeptExactly() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        as(office, json(put("/api/v1/schemes/OTHER"), """
                {"indicators": [{"code": "AVG_SATISFACTION", "weight": 12.5,
                                 "scoring": {"method": "LINEAR", "zero": 3.1, "full": 4.85}}],
                 "tiers": [{"tier": "A", "minTotal": 84.995}]}""")).andExpect(status().isOk());
        SchemeSnapshot s = schemes.current(users.firstHospital().id(), UnitType.OTHER).orElseThrow();
        assertThat(s.items().get(0).weight()).isEqualByComparingTo("12.5");
        assertThat(((ScoringRule.Linear) s.items().get(0).rule()).full().toPlainString()).isEqualTo("4.85");
        assertThat(s.tiers().thresholds().get(0).minTotal().toPlainString()).isEqualTo("84.995");
    }
}
