package org.meridian.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Efficiency runs and productivity through the API, on published DEA examples loaded as departments' monthly
 * statistics ({@link Departments}). Published values are checked at half a unit of their last printed decimal, the
 * fractions derived by hand at 1e-9.
 */
@MeridianTest
class EfficiencyRunTest {

    static final double EXACT = 1e-9;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    Departments h;

    @BeforeEach
    void hospital() throws Exception {
        h = new Departments(mvc, users, hospitals);
    }

    String read(long id) throws Exception {
        return h.as(h.analyst, get("/api/v1/efficiency-runs/" + id)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    static double number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).doubleValue();
    }

    @Test
    void deapExampleOneFromStatisticsGivesThePublishedScoresTargetsAndPeers() throws Exception {
        long id = h.run(Departments.EG1_RUN);
        String run = read(id);
        assertThat((String) JsonPath.read(run, "$.status")).isEqualTo("DRAFT");
        assertThat((Integer) JsonPath.read(run, "$.unitCount")).isEqualTo(5);
        assertThat((List<Object>) JsonPath.read(run, "$.warnings")).isEmpty();
        // the data the run was computed from: December's doctors and beds (LAST), discharges summed over the quarter
        assertThat((List<Object>) JsonPath.read(run, "$.units[0].data.inputs")).containsExactly(2.0, 50.0);
        assertThat((List<Object>) JsonPath.read(run, "$.units[2].data.outputs")).containsExactly(300.0);
        // DEAP 2.1 EG1, EFFICIENCY SUMMARY: 0.500 1.000 0.833 0.714 1.000; exactly 1/2, 1, 5/6, 5/7, 1
        double[] published = {0.500, 1.000, 0.833, 0.714, 1.000};
        double[] exact = {0.5, 1, 5.0 / 6, 5.0 / 7, 1};
        for (int k = 0; k < 5; k++) {
            String u = "$.units[" + k + "]";
            assertThat((String) JsonPath.read(run, u + ".unit")).isEqualTo(Departments.CODES[k]);
            assertThat((String) JsonPath.read(run, u + ".name")).isEqualTo(Departments.NAMES[k]);
            assertThat(number(run, u + ".score")).isCloseTo(published[k], within(0.0005))
                    .isCloseTo(exact[k], within(EXACT));
            assertThat(number(run, u + ".theta")).isCloseTo(exact[k], within(EXACT));
            // technical = pure technical × scale
            assertThat(number(run, u + ".technicalEfficiency")).isCloseTo(
                    number(run, u + ".pureTechnicalEfficiency") * number(run, u + ".scaleEfficiency"),
                    within(EXACT));
        }
        assertThat((String) JsonPath.read(run, "$.units[1].status")).isEqualTo("EFFICIENT");
        assertThat((String) JsonPath.read(run, "$.units[0].status")).isEqualTo("INEFFICIENT");
        // firm 1: DEAP's input slack 0.5 on x2 → 5 beds; targets (1, 2) → 1 doctor, 20 beds; peer firm 2 with 0.5
        assertThat((List<Object>) JsonPath.read(run, "$.units[0].slacks.inputs")).hasSize(2);
        assertThat(number(run, "$.units[0].slacks.inputs[1]")).isCloseTo(5, within(EXACT));
        assertThat(number(run, "$.units[0].targets.inputs[0]")).isCloseTo(1, within(EXACT));
        assertThat(number(run, "$.units[0].targets.inputs[1]")).isCloseTo(20, within(EXACT));
        assertThat((String) JsonPath.read(run, "$.units[0].peers[0].unit")).isEqualTo("D2");
        assertThat(number(run, "$.units[0].peers[0].lambda")).isCloseTo(0.5, within(EXACT));
        // firm 3: targets (5, 5) → 5 doctors, 50 beds; peers firm 2 (1.0) and firm 5 (0.5)
        assertThat(number(run, "$.units[2].targets.inputs[0]")).isCloseTo(5, within(EXACT));
        assertThat(number(run, "$.units[2].targets.inputs[1]")).isCloseTo(50, within(EXACT));
        assertThat((List<Object>) JsonPath.read(run, "$.units[2].peers[*].unit")).containsExactly("D2", "D5");
        // firm 4: targets (2.143, 1.429) = (15/7, 10/7) → 15/7 doctors, 100/7 beds
        assertThat(number(run, "$.units[3].targets.inputs[0]")).isCloseTo(15.0 / 7, within(EXACT));
        assertThat(number(run, "$.units[3].targets.inputs[1]")).isCloseTo(100.0 / 7, within(EXACT));
        assertThat(number(run, "$.units[3].peers[0].lambda")).isCloseTo(3.0 / 14, within(EXACT));
        assertThat(number(run, "$.units[3].peers[1].lambda")).isCloseTo(2.0 / 7, within(EXACT));

        // the list shows it without the units; a run of another hospital is not found
        h.as(h.analyst, get("/api/v1/efficiency-runs").param("period", "2026-Q4")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].units").doesNotExist());
        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.analyst, get("/api/v1/efficiency-runs/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void publishingFreezesTheRunAndItsData() throws Exception {
        long id = h.run(Departments.EG1_RUN);
        h.as(h.analyst, post("/api/v1/efficiency-runs/" + id + "/publish")).andExpect(status().isForbidden());
        h.as(h.office, post("/api/v1/efficiency-runs/" + id + "/publish")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedBy").value(h.office));
        h.as(h.office, post("/api/v1/efficiency-runs/" + id + "/publish")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:efficiency:run-published"));
        // restating December's beds of D1 changes a new run, never the published one
        h.statistics(List.of(Departments.row("D1", "2026-12", "beds", 25)));
        assertThat(number(read(id), "$.units[0].data.inputs[1]")).isEqualTo(50);
        long again = h.run(Departments.EG1_RUN);
        assertThat(number(read(again), "$.units[0].data.inputs[1]")).isEqualTo(25);
        h.as(h.analyst, get("/api/v1/efficiency-runs").param("status", "PUBLISHED"))
                .andExpect(jsonPath("$.total").value(1));
        h.as(h.analyst, json(post("/api/v1/efficiency-runs"), Departments.EG1_RUN))
                .andExpect(status().isForbidden());
    }

    /**
     * Cooper, Seiford and Tone, "Data Envelopment Analysis" (2nd ed. 2007), Table 1.1: stores A–H with employees
     * 2 3 3 4 5 5 6 8 and sales 1 3 2 3 4 2 3 5, here doctors and discharges × 100 of eight ophthalmology (医技) units.
     * BCC input oriented with super-efficiency. By hand (as in DeaTest): CCR = sales per employee over the best (B):
     * .5 1 .667 .75 .8 .4 .5 .625; BCC frontier A(2,1)–B(3,3)–E(5,4)–H(8,5): C 2.5/3, D 3/4, F 2.5/5, G 3/6, others 1.
     * Super-efficiency: A leaves → θ·2 must reach B's 3 → 1.5; B leaves → A–E reaches 3 sales at 4 staff → 4/3;
     * H has the most sales, so no convex combination of the others reaches it: infeasible, no rank.
     */
    @Test
    void storesOfCooperSeifordToneUnderBccWithSuperEfficiency() throws Exception {
        int[] staff = {2, 3, 3, 4, 5, 5, 6, 8};
        int[] sales = {1, 3, 2, 3, 4, 2, 3, 5};
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            String code = "S" + (char) ('A' + k);
            h.unit(code, "医技 " + (char) ('A' + k), "MEDICAL_TECHNOLOGY");
            rows.add(Departments.row(code, "2026-12", "doctors", staff[k]));
            rows.add(Departments.row(code, "2026-12", "discharges", sales[k] * 100));
        }
        h.statistics(rows);
        long id = h.run("""
                {"period": "2026-12", "unitType": "MEDICAL_TECHNOLOGY", "inputs": ["doctors"],
                 "outputs": ["discharges"], "model": "BCC", "orientation": "INPUT", "superEfficiency": true}""");
        String run = read(id);
        double[] ccr = {0.5, 1, 2.0 / 3, 0.75, 0.8, 0.4, 0.5, 0.625};
        double[] bcc = {1, 1, 2.5 / 3, 0.75, 1, 0.5, 0.5, 1};
        for (int k = 0; k < 8; k++) {
            String u = "$.units[" + k + "]";
            assertThat(number(run, u + ".pureTechnicalEfficiency")).isCloseTo(bcc[k], within(EXACT));
            assertThat(number(run, u + ".technicalEfficiency")).isCloseTo(ccr[k], within(EXACT));
            assertThat(number(run, u + ".scaleEfficiency")).isCloseTo(ccr[k] / bcc[k], within(EXACT));
        }
        assertThat(number(run, "$.units[0].efficiency")).isCloseTo(1.5, within(EXACT));
        assertThat((Integer) JsonPath.read(run, "$.units[0].rank")).isEqualTo(1);
        assertThat(number(run, "$.units[1].efficiency")).isCloseTo(4.0 / 3, within(EXACT));
        assertThat((Integer) JsonPath.read(run, "$.units[1].rank")).isEqualTo(2);
        assertThat((Boolean) JsonPath.read(run, "$.units[7].infeasible")).isTrue();
        assertThat((java.util.Map<String, Object>) JsonPath.read(run, "$.units[7]")).doesNotContainKey("rank");
        // returns to scale: A below the most productive scale size B (IRS), B at it (CRS), E and H above it (DRS)
        assertThat((List<Object>) JsonPath.read(run, "$.units[*].returnsToScale"))
                .startsWith("IRS", "CRS").element(4).isEqualTo("DRS");
        assertThat((String) JsonPath.read(run, "$.units[7].returnsToScale")).isEqualTo("DRS");
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingStored() throws Exception {
        // unknown measure and unit type, model missing
        h.as(h.office, json(post("/api/v1/efficiency-runs"), """
                {"period": "2026-Q4", "unitType": "WARD", "inputs": ["doctors", "doctors"], "outputs": ["x"],
                 "orientation": "SIDEWAYS"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:efficiency:invalid-input"))
                .andExpect(jsonPath("$.errors[?(@.field == 'unitType')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'inputs')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'model')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'orientation')]").exists());
        h.as(h.office, json(post("/api/v1/efficiency-runs").param("lang", "en"), """
                {"period": "2026-Q4", "unitType": "CLINICAL", "inputs": ["doctors"], "outputs": ["visits"],
                 "model": "CCR", "orientation": "INPUT"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outputs"))
                .andExpect(jsonPath("$.errors[0].message").value("There is no statistic measure visits"));
        // fewer than 2 units with data: the administrative type has one
        h.unit("A1", "医务处", "ADMINISTRATIVE");
        h.statistics(List.of(Departments.row("A1", "2026-12", "doctors", 3),
                Departments.row("A1", "2026-12", "discharges", 10)));
        h.as(h.office, json(post("/api/v1/efficiency-runs"), """
                {"period": "2026-12", "unitType": "ADMINISTRATIVE", "inputs": ["doctors"], "outputs": ["discharges"],
                 "model": "CCR", "orientation": "INPUT"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitType"));
        // a negative value is named by unit and measure
        h.statistics(List.of(Departments.row("D4", "2026-12", "beds", -2)));
        h.as(h.office, json(post("/api/v1/efficiency-runs").param("lang", "en"), Departments.EG1_RUN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("inputs"))
                .andExpect(jsonPath("$.errors[0].message").value("眼科 (D4): beds is -2; it may not be negative"));
        h.as(h.analyst, get("/api/v1/efficiency-runs")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void fewerUnitsThanMeasuresWarnsAndUnitsWithoutDataAreLeftOut() throws Exception {
        // a sixth department with no discharges in the quarter is left out, not counted as 0
        h.unit("D6", "皮肤科", "CLINICAL");
        h.statistics(List.of(Departments.row("D6", "2026-12", "doctors", 4), Departments.row("D6", "2026-12",
                "beds", 30)));
        String run = read(h.run(Departments.EG1_RUN));
        assertThat((Integer) JsonPath.read(run, "$.unitCount")).isEqualTo(5);
        assertThat((String) JsonPath.read(run, "$.leftOut[0].code")).isEqualTo("D6");
        assertThat((List<Object>) JsonPath.read(run, "$.leftOut[0].missing")).containsExactly("discharges");
        assertThat((List<Object>) JsonPath.read(run, "$.warnings[*].message")).containsExactly(
                "1 个单元缺少本期数据，未参与比较：皮肤科");
        // 2 units with 2 inputs and 1 output: computed, with the warning
        h.unit("M1", "检验科", "MEDICAL_TECHNOLOGY");
        h.unit("M2", "放射科", "MEDICAL_TECHNOLOGY");
        List<String> rows = new ArrayList<>();
        for (String m : new String[] {"M1", "M2"}) {
            rows.add(Departments.row(m, "2026-12", "doctors", m.equals("M1") ? 4 : 5));
            rows.add(Departments.row(m, "2026-12", "beds", 10));
            rows.add(Departments.row(m, "2026-12", "discharges", 100));
        }
        h.statistics(rows);
        String few = h.as(h.office, json(post("/api/v1/efficiency-runs").param("lang", "en"), """
                {"period": "2026-12", "unitType": "MEDICAL_TECHNOLOGY", "inputs": ["doctors", "beds"],
                 "outputs": ["discharges"], "model": "CCR", "orientation": "INPUT"}""")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(few, "$.warnings[0].message")).startsWith("There are fewer units (2)");
        // M2 uses 5 doctors where M1 uses 4 for the same beds and discharges: the beds keep θ at 1 (λ_M1 ≥ 1 for
        // the discharges, so θ·10 ≥ 10), and the doctor left over is a slack: weakly efficient, as CST's unit F
        assertThat(number(few, "$.units[1].score")).isCloseTo(1, within(EXACT));
        assertThat((String) JsonPath.read(few, "$.units[1].status")).isEqualTo("WEAKLY_EFFICIENT");
        assertThat(number(few, "$.units[1].slacks.inputs[0]")).isCloseTo(1, within(EXACT));
    }

    /**
     * Coelli, DEAP 2.1 example EG4 as yearly statistics of five departments (doctors LAST, discharges SUM): years
     * 2024 (y;x 1;2 2;4 3;3 4;5 5;6) then 2025 and 2026 (1;2 3;4 4;3 3;5 5;5), output orientated. Published
     * MALMQUIST INDEX SUMMARY for year 2 (effch techch pech sech tfpch), and the overall mean 0.918 1.155 0.977 0.940
     * 1.061; techch is exactly 4/3 for every firm (MalmquistTest derives it by hand).
     */
    @Test
    void productivityOfDeapExampleFourAcrossThreeYears() throws Exception {
        double[][] x = {{2, 4, 3, 5, 6}, {2, 4, 3, 5, 5}, {2, 4, 3, 5, 5}};
        double[][] y = {{1, 2, 3, 4, 5}, {1, 3, 4, 3, 5}, {1, 3, 4, 3, 5}};
        List<String> rows = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            for (int k = 0; k < 5; k++) {
                String code = "P" + (k + 1);
                if (t == 0) {
                    h.unit(code, "病区 " + (k + 1), "ADMINISTRATIVE");
                }
                int year = 2024 + t;
                rows.add(Departments.row(code, year + "-12", "doctors", x[t][k]));
                // discharges split over two months: SUM makes the year's value
                rows.add(Departments.row(code, year + "-03", "discharges", y[t][k] * 40));
                rows.add(Departments.row(code, year + "-09", "discharges", y[t][k] * 60));
            }
        }
        h.statistics(rows);
        String answer = h.as(h.analyst, json(post("/api/v1/productivity"), """
                {"periods": ["2024", "2025", "2026"], "unitType": "ADMINISTRATIVE", "inputs": ["doctors"],
                 "outputs": ["discharges"], "orientation": "OUTPUT"}""")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        double[][] year2 = {
                {0.750, 1.333, 1.000, 0.750, 1.000},
                {1.125, 1.333, 1.222, 0.920, 1.500},
                {1.000, 1.333, 1.000, 1.000, 1.333},
                {0.562, 1.333, 0.650, 0.865, 0.750},
                {0.900, 1.333, 1.000, 0.900, 1.200}};
        String[] fields = {"effch", "techch", "pech", "sech", "tfpch"};
        assertThat((String) JsonPath.read(answer, "$.transitions[0].from")).isEqualTo("2024");
        for (int k = 0; k < 5; k++) {
            String u = "$.transitions[0].units[" + k + "]";
            assertThat((String) JsonPath.read(answer, u + ".unit")).isEqualTo("P" + (k + 1));
            for (int f = 0; f < 5; f++) {
                assertThat(number(answer, u + "." + fields[f])).as(u + fields[f])
                        .isCloseTo(year2[k][f], within(0.001));
            }
            assertThat(number(answer, u + ".techch")).isCloseTo(4.0 / 3, within(EXACT));
        }
        double[] mean = {0.918, 1.155, 0.977, 0.940, 1.061};
        for (int f = 0; f < 5; f++) {
            assertThat(number(answer, "$.mean." + fields[f])).isCloseTo(mean[f], within(0.001));
        }
        // a value of 0 cannot enter the index: named by period, unit and measure
        h.statistics(List.of(Departments.row("P3", "2025-12", "doctors", 0)));
        h.as(h.analyst, json(post("/api/v1/productivity").param("lang", "en"), """
                {"periods": ["2024", "2025", "2026"], "unitType": "ADMINISTRATIVE", "inputs": ["doctors"],
                 "outputs": ["discharges"]}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "2025, 病区 3 (P3): doctors is 0; the productivity index needs values above 0"));
        h.as(h.analyst, json(post("/api/v1/productivity"), """
                {"periods": ["2025", "2024"], "unitType": "ADMINISTRATIVE", "inputs": ["doctors"],
                 "outputs": ["discharges"]}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periods[1]"));
    }
}
