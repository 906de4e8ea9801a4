package org.meridian.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Allocation plans through the API (network.md §3, §5) on {@link Planned}'s three departments, every expected amount
 * worked out by hand in the comments.
 */
@MeridianTest
class AllocationPlanTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired AuditLog audit;

    Planned h;

    @BeforeEach
    void hospital() throws Exception {
        h = new Planned(mvc, users, hospitals);
    }

    String read(long id) throws Exception {
        return h.as(h.analyst, get("/api/v1/allocation-plans/" + id)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    static double number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).doubleValue();
    }

    /**
     * The hand case. Each part as the units' shares of it: performance 80, 60, 60 of 200 → .4, .3, .3; brand 50, 30,
     * 20 of 100 → .5, .3, .2; DEA 1, .5, .5 of 2 → .5, .25, .25. Weights .5, .25, .25 (sum 1):
     * d1 = .5·.4 + .25·.5 + .25·.5 = .45; d2 = .5·.3 + .25·.3 + .25·.25 = .2875; d3 = .5·.3 + .25·.2 + .25·.25 = .2625.
     * Unbounded, 100,000 would give 45,000 / 28,750 / 26,250; D1 is above the cap 40,000, so it gets 40,000 and the
     * other 60,000 go by .2875 : .2625 (sum .55): D2 60,000 × .2875 / .55 = 31,363.6363…, D3 28,636.3636…. To the fen:
     * 31,363.63 + 28,636.36 leaves one fen, which goes to the larger remainder (.63… of D2): 31,363.64 and 28,636.36.
     * Equity of 40,000 / 31,363.64 / 28,636.36 (each unit once): sorted 28,636.36, 31,363.64, 40,000, Gini =
     * Σ(2k − n − 1)x₍ₖ₎ / (n Σx) = (−2·28,636.36 + 0 + 2·40,000) / 300,000 = 22,727.28 / 300,000 = 0.0757576;
     * shares s = .4, .3136364, .2863636, Theil T = Σ s ln(3s) = .4·ln 1.2 + .3136364·ln .9409092 + .2863636·ln .8590908
     * = .0729286 − .0191032 − .0434930 = .0103324.
     */
    @Test
    void theHandCaseSharesByTheDriverWithinTheCapExactToTheFen() throws Exception {
        long id = h.draft(h.office, Planned.HAND_CASE);
        String plan = read(id);
        assertThat((String) JsonPath.read(plan, "$.status")).isEqualTo("DRAFT");
        assertThat((String) JsonPath.read(plan, "$.draftedBy")).isEqualTo(h.office);
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].unit")).containsExactly("D1", "D2", "D3");
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].amount"))
                .containsExactly(40000.00, 31363.64, 28636.36);
        assertThat(number(plan, "$.units[0].driver")).isCloseTo(0.45, within(1e-12));
        assertThat(number(plan, "$.units[1].driver")).isCloseTo(0.2875, within(1e-12));
        assertThat(number(plan, "$.units[2].driver")).isCloseTo(0.2625, within(1e-12));
        assertThat((String) JsonPath.read(plan, "$.units[0].bound")).isEqualTo("CAP");
        assertThat((java.util.Map<String, Object>) JsonPath.read(plan, "$.units[1]")).doesNotContainKey("bound");
        // the parts as read: performance, brand index, DEA score, tier
        assertThat(number(plan, "$.units[0].performance")).isEqualTo(80);
        assertThat(number(plan, "$.units[2].brand")).isEqualTo(20);
        assertThat(number(plan, "$.units[1].efficiency")).isCloseTo(0.5, within(1e-9));
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].tier")).containsExactly("A", "B", "C");
        assertThat(number(plan, "$.equity.after.gini")).isCloseTo(0.0757576, within(1e-7));
        assertThat(number(plan, "$.equity.after.theilT")).isCloseTo(0.0103324, within(1e-7));
        assertThat((java.util.Map<String, Object>) JsonPath.read(plan, "$.equity")).doesNotContainKey("before");
        // where it came from, and that demand (weight 0) is not counted
        assertThat((List<Object>) JsonPath.read(plan, "$.sources[*].kind"))
                .containsExactly("EVALUATION", "EFFICIENCY_RUN");
        assertThat((List<Object>) JsonPath.read(plan, "$.sources[*].id"))
                .containsExactly((int) h.evaluation, (int) h.efficiencyRun);
        assertThat((List<Object>) JsonPath.read(plan, "$.notes[*].field")).containsExactly("driver.demand");
        // audited; another hospital does not find it; a channel user is refused
        assertThat(audit.recent(h.hospital.id(), "ALLOCATION_PLAN", 10)).extracting(AuditLog.Entry::action)
                .containsExactly("ALLOCATION_PLAN_DRAFTED");
        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.analyst, get("/api/v1/allocation-plans/" + id)).andExpect(status().isNotFound());
        h.as(h.analyst, json(post("/api/v1/allocation-plans"), Planned.HAND_CASE)).andExpect(status().isForbidden());
    }

    /**
     * Four eyes, freezing and the pace of change. The planner may not approve its own plan (403); another manager
     * does; again is a conflict; a scenario drafted before that approval is now stale (409). The next plan, without a
     * cap but with a maximum change of 10 % against the approved one, bounds D1 to [36,000, 44,000], D2 to
     * [28,227.276, 34,500.004], D3 to [25,772.724, 31,499.996]: 45,000 is above D1's 44,000, so D1 gets 44,000 and the
     * other 56,000 go .2875 : .2625: 29,272.7272… and 26,727.2727… (inside their bounds), to the fen 29,272.73 and
     * 26,727.27 (the fen left over to D2's larger remainder). "Before" is the approved plan: Gini 0.0757576.
     */
    @Test
    void aSecondPersonApprovesTheApprovedPlanPacesTheNextAndAnOlderScenarioIsStale() throws Exception {
        long a = h.draft(h.planner, Planned.HAND_CASE);
        long b = h.draft(h.planner, """
                {"name": "方案乙：只看绩效", "resource": "设备购置预算", "amount": 100000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "driver": {"performance": 1}}""");
        // by performance alone: .4, .3, .3 of 100,000
        assertThat((List<Object>) JsonPath.read(read(b), "$.units[*].amount"))
                .containsExactly(40000.00, 30000.00, 30000.00);
        h.as(h.planner, post("/api/v1/allocation-plans/" + a + "/approve")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:meridian:allocation:four-eyes"));
        h.as(h.office, post("/api/v1/allocation-plans/" + a + "/approve")).andExpect(status().isForbidden());
        h.as(h.approver, post("/api/v1/allocation-plans/" + a + "/approve")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvedBy").value(h.approver));
        h.as(h.approver, post("/api/v1/allocation-plans/" + a + "/approve")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:allocation:plan-approved"));
        h.as(h.approver, post("/api/v1/allocation-plans/" + b + "/approve")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:allocation:plan-stale"));

        long c = h.draft(h.office, """
                {"name": "方案丙：限幅 10%", "resource": "设备购置预算", "amount": 100000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "maxChange": 0.1}""");
        String next = read(c);
        assertThat((Integer) JsonPath.read(next, "$.previousPlan")).isEqualTo((int) a);
        assertThat((List<Object>) JsonPath.read(next, "$.units[*].amount"))
                .containsExactly(44000.00, 29272.73, 26727.27);
        assertThat((List<Object>) JsonPath.read(next, "$.units[*].previous"))
                .containsExactly(40000.00, 31363.64, 28636.36);
        assertThat((String) JsonPath.read(next, "$.units[0].bound")).isEqualTo("PACE_CAP");
        assertThat(number(next, "$.equity.before.gini")).isCloseTo(0.0757576, within(1e-7));
        // the approved plan is frozen: the list says so, and it keeps its amounts
        h.as(h.analyst, get("/api/v1/allocation-plans?status=APPROVED")).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(a)).andExpect(jsonPath("$.items[0].units").doesNotExist());
        assertThat((List<Object>) JsonPath.read(read(a), "$.units[*].amount"))
                .containsExactly(40000.00, 31363.64, 28636.36);
        assertThat(audit.recent(h.hospital.id(), "ALLOCATION_PLAN_APPROVED", 10)).hasSize(1);
    }

    /** Tiers A, B, C get 3, 2 and 1 parts: 12 beds → 6, 4, 2. */
    @Test
    void fixedPartsPerTierShareWholeBeds() throws Exception {
        long id = h.draft(h.office, """
                {"name": "按分级", "resource": "床位", "unit": "WHOLE", "amount": 12, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "rule": "TIERS", "tiers": {"A": 3, "B": 2, "C": 1}}""");
        String plan = read(id);
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].amount")).containsExactly(6, 4, 2);
        assertThat((List<Object>) JsonPath.read(plan, "$.notes")).isEmpty();
    }

    /**
     * A department pay pool linked to brand: performance .5, brand .5 → d1 = .5·.4 + .5·.5 = .45, d2 = .5·.3 + .5·.3 =
     * .3, d3 = .5·.3 + .5·.2 = .25 of 100,000.00: 45,000.00 / 30,000.00 / 25,000.00. D2's statement: 30,000.00 is .3 of
     * the pool and the second largest amount. A pool without a brand weight, by tier or in whole units is refused.
     */
    @Test
    void aPayPoolIsSharedByADriverWithTheBrandIndexAndEachDepartmentHasItsStatement() throws Exception {
        long id = h.draft(h.office, """
                {"name": "四季度绩效工资", "resource": "科室绩效工资池", "payPool": true, "amount": 100000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "driver": {"performance": 0.5, "brand": 0.5}}""");
        String plan = read(id);
        assertThat((Boolean) JsonPath.read(plan, "$.payPool")).isTrue();
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].amount"))
                .containsExactly(45000.00, 30000.00, 25000.00);
        h.as(h.analyst, get("/api/v1/allocation-plans/" + id + "/units/D2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.share.amount").value(30000.00)).andExpect(jsonPath("$.rank").value(2))
                .andExpect(jsonPath("$.units").value(3)).andExpect(jsonPath("$.shareOfTotal").value(0.3))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        h.as(h.analyst, get("/api/v1/allocation-plans/" + id + "/units/NOPE")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:allocation:share-not-found"));
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"name": "x", "resource": "科室绩效工资池", "payPool": true, "unit": "WHOLE", "amount": 100,
                 "period": "2026-12", "unitTypes": ["CLINICAL", "PRIMARY_CARE"], "driver": {"performance": 1}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'driver.brand')].message").value(
                        "绩效工资须与品牌建设挂钩：品牌指数的权重须大于 0"))
                .andExpect(jsonPath("$.errors[?(@.field == 'unit')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'unitTypes')]").exists());
        h.as(h.analyst, get("/api/v1/allocation-plans?resource=工资")).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void badInputIsRefusedWithEveryProblemNamingTheBoundAndNothingIsStored() throws Exception {
        // floors of 40,000 each add up to 120,000, above the amount
        h.as(h.office, json(post("/api/v1/allocation-plans?lang=en"), """
                {"name": "x", "resource": "设备购置预算", "amount": 100000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "floors": 40000}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:allocation:invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("floors"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "The floors add up to 120,000.00, more than the budget 100,000.00"));
        // caps of 30,000 each add up to 90,000, below it
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"name": "x", "resource": "设备购置预算", "amount": 100000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "caps": 30000}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caps"))
                .andExpect(jsonPath("$.errors[0].message").value("上限合计 90,000.00，低于总额 100,000.00"));
        // one unit's floor above its cap, named
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"name": "x", "resource": "设备购置预算", "amount": 100000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "floors": {"D2": 50000}, "caps": 40000}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("floors.D2"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("呼吸科（D2）")));
        // every weight 0; a demand weight (no forecast); a fraction of a fen; an unknown type; no name
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"resource": "设备购置预算", "amount": 100000.005, "period": "2026-12",
                 "unitTypes": ["WARD"], "driver": {"performance": 0, "brand": 0}}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'driver')].message").value(
                        "分配依据的权重全为 0，无从分配：请至少给一项大于 0 的权重"))
                .andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'unitTypes')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
        // a demand weight without a demand measure
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"name": "x", "resource": "设备购置预算", "amount": 100000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "driver": {"performance": 1, "demand": 1}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("demandMeasure"));
        // no published evaluation of November; no efficiency run of the medical-technology type either
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"name": "x", "resource": "设备购置预算", "amount": 100000, "period": "2026-11",
                 "unitTypes": ["CLINICAL"]}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitTypes"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "2026-11 的临床科室没有已发布的考核评估，无法取得绩效与品牌指数：请先发布该期评估"));
        // the planner approving its own draft: 403, and the draft stays a draft
        long id = h.draft(h.planner, Planned.HAND_CASE);
        h.as(h.planner, post("/api/v1/allocation-plans/" + id + "/approve")).andExpect(status().isForbidden());
        h.as(h.analyst, get("/api/v1/allocation-plans")).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("DRAFT"));
        assertThat(audit.recent(h.hospital.id(), "ALLOCATION_PLAN", 10)).hasSize(1);
    }

    /**
     * Forecast demand in the driver, worked by hand. Departments have no stored forecasts, so each unit's demand is the
     * forecast of its own discharges for the month after the plan's period (2027-01), from its consecutive monthly
     * statistics up to 2026-12 (the channels' rule, ForecastModel):
     * <ul>
     * <li>D1 reported all twelve months of 2026 (January 240, February–November 150, December 200): 12 months → the
     * seasonal naive forecast, January 2027 = January 2026 = <b>240</b>;</li>
     * <li>D2 reported November 140 and December 100: 2 months → their mean, <b>120</b>;</li>
     * <li>D3 reported October 500 and December 200 but not November: the gap ends its history, 1 month → <b>200</b>
     * (October's 500 is not read).</li>
     * </ul>
     * Shares of demand 240 : 120 : 200 of 560; performance 80, 60, 60 → .4, .3, .3. Weights performance .5, demand .5:
     * d1 = .5·.4 + .5·240/560 = .2 + .2142857 = 29/70; d2 = .15 + .5·120/560 = .15 + .1071429 = 18/70; d3 = .15 +
     * .5·200/560 = .15 + .1785714 = 23/70. Of 70,000.00: <b>29,000.00 / 18,000.00 / 23,000.00</b>.
     *
     * <p>Equity per discharge (December's discharges in the evaluation: 200, 100, 200, of 500): amounts per discharge
     * 145, 180, 115. Sorted by that: D3 (population share .4, amount 23/70), D1 (.4, 29/70), D2 (.2, 18/70);
     * cumulative X = .4, .8, 1; Y = 23/70, 52/70, 1. Gini = 1 − [.4·(23/70) + .4·(75/70) + .2·(122/70)] = 1 − 63.6/70 =
     * 6.4/70 = <b>0.0914286</b>. Theil T = Σ s ln(s/p) = .4142857·ln 1.0357143 + .2571429·ln 1.2857143 + .3285714·ln
     * .8214286 = .0145378 + .0646237 − .0646334 = <b>0.0145281</b>; Theil L = Σ p ln(p/s) = −.0140365 − .0502629 +
     * .0786841 = <b>0.0143847</b>. Each unit once instead: Gini = (−2·18,000 + 2·29,000)/(3·70,000) = 0.1047619.
     */
    @Test
    void forecastDemandIsAPartOfTheDriverAndEquityIsAlsoTakenPerDischarge() throws Exception {
        StringBuilder rows = new StringBuilder("[");
        rows.append(statistic("D1", "2026-01", "discharges", 240));
        for (int m = 2; m <= 11; m++) {
            rows.append(",").append(statistic("D1", "2026-%02d".formatted(m), "discharges", 150));
        }
        rows.append(",").append(statistic("D2", "2026-11", "discharges", 140));
        rows.append(",").append(statistic("D3", "2026-10", "discharges", 500)).append("]");
        h.as(h.office, json(post("/api/v1/statistics"), rows.toString())).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(13));

        long id = h.draft(h.office, """
                {"name": "按需求", "resource": "设备购置预算", "amount": 70000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "driver": {"performance": 0.5, "demand": 0.5},
                 "demandMeasure": "discharges", "equityPer": "discharges"}""");
        String plan = read(id);
        assertThat((String) JsonPath.read(plan, "$.demandMeasure")).isEqualTo("discharges");
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].demand")).containsExactly(240.0, 120.0, 200.0);
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].demandMonths")).containsExactly(12, 2, 1);
        assertThat(number(plan, "$.units[0].driver")).isCloseTo(29.0 / 70, within(1e-12));
        assertThat(number(plan, "$.units[1].driver")).isCloseTo(18.0 / 70, within(1e-12));
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].amount"))
                .containsExactly(29000.00, 18000.00, 23000.00);
        assertThat((List<Object>) JsonPath.read(plan, "$.notes[*].field")).doesNotContain("driver.demand");
        // equity: each unit once, and per discharge
        assertThat(number(plan, "$.equity.after.gini")).isCloseTo(0.1047619, within(1e-7));
        assertThat((List<Object>) JsonPath.read(plan, "$.units[*].population")).containsExactly(200, 100, 200);
        assertThat(number(plan, "$.equityPerHead.after.gini")).isCloseTo(0.0914286, within(1e-7));
        assertThat(number(plan, "$.equityPerHead.after.theilT")).isCloseTo(0.0145281, within(1e-7));
        assertThat(number(plan, "$.equityPerHead.after.theilL")).isCloseTo(0.0143847, within(1e-7));

        // a unit without the demand measure in the period's last month is named; so is a unit without the per-head
        // measure, and a per-head measure that is 0 for every unit (no referral names these departments)
        h.as(h.office, json(post("/api/v1/measures"), """
                {"code": "visits", "nameZh": "门诊人次", "nameEn": "Outpatient visits", "unit": "人次",
                 "aggregation": "SUM"}""")).andExpect(status().isCreated());
        h.as(h.office, json(post("/api/v1/statistics"), "[" + statistic("D1", "2026-12", "visits", 900) + ","
                + statistic("D3", "2026-12", "visits", 700) + "]")).andExpect(status().isOk());
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"name": "x", "resource": "设备购置预算", "amount": 70000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "driver": {"performance": 0.5, "demand": 0.5},
                 "demandMeasure": "visits"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("driver.demand"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("1 个单元")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("呼吸科（D2）")));
        h.as(h.office, json(post("/api/v1/allocation-plans?lang=en"), """
                {"name": "x", "resource": "设备购置预算", "amount": 70000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "driver": {"performance": 1, "demand": 1}, "demandMeasure": "referrals",
                 "equityPer": "visits"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("demandMeasure"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("no statistic measure referrals")));
        h.as(h.office, json(post("/api/v1/allocation-plans"), """
                {"name": "x", "resource": "设备购置预算", "amount": 70000, "period": "2026-12",
                 "unitTypes": ["CLINICAL"], "equityPer": "referrals"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("equityPer"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("3 个单元")));
        h.as(h.analyst, get("/api/v1/allocation-plans")).andExpect(jsonPath("$.total").value(1));
    }

    private static String statistic(String unit, String month, String measure, int value) {
        return "{\"unit\": \"%s\", \"month\": \"%s\", \"measure\": \"%s\", \"value\": %d}"
                .formatted(unit, month, measure, value);
    }
}
