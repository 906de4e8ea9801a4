package org.meridian.allocation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A hospital with three clinical departments whose December 2026 is evaluated and published, and whose efficiency
 * run of the month is published, so that an allocation plan has every part of its driver:
 * <pre>
 *  unit  name    quality awareness → performance brand  total  tier   doctors discharges → DEA (CCR, input)
 *  D1    心内科      80       50            80        50     65     A         2       200         100/100 = 1
 *  D2    呼吸科      60       30            60        30     45     B         2       100          50/100 = 0.5
 *  D3    骨科        60       20            60        20     40     C         4       200          50/100 = 0.5
 * </pre>
 * The scheme: PQ (QUALITY, the quality statistic, LINEAR 0 → 100) and PB (BRAND, awareness, LINEAR 0 → 100), weight
 * 1 each; so performance (every dimension but brand) is the quality value, the brand index the awareness value and
 * the total their mean. Tiers A ≥ 60, B ≥ 42, C ≥ 0. DEA with one input and one output: the score is discharges per
 * doctor over the best (100). The office drafts; two hospital managers ({@link #planner}, {@link #approver}) draft and
 * approve.
 */
class Planned extends TestHospital {

    final long evaluation;
    final long efficiencyRun;
    final String planner;
    final String approver;

    Planned(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        super(mvc, users, hospitals, "AL", "配置测试医院");
        planner = user(Role.HOSPITAL_MANAGER);
        approver = user(Role.HOSPITAL_MANAGER);
        measure("quality", "质量得分", "LAST");
        measure("awareness", "品牌知晓率", "LAST");
        measure("doctors", "医生", "LAST");
        measure("discharges", "出院人次", "SUM");
        indicator("PQ", "QUALITY", "quality");
        indicator("PB", "BRAND", "awareness");
        scheme("CLINICAL", """
                {"indicators": [
                   {"code": "PQ", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}},
                   {"code": "PB", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 60}, {"tier": "B", "minTotal": 42}, {"tier": "C", "minTotal": 0}]}""");
        String[] codes = {"D1", "D2", "D3"};
        String[] names = {"心内科", "呼吸科", "骨科"};
        int[][] values = {{80, 50, 2, 200}, {60, 30, 2, 100}, {60, 20, 4, 200}};
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            unit(codes[k], names[k]);
            rows.add(row(codes[k], "quality", values[k][0]));
            rows.add(row(codes[k], "awareness", values[k][1]));
            rows.add(row(codes[k], "doctors", values[k][2]));
            rows.add(row(codes[k], "discharges", values[k][3]));
        }
        as(office, json(post("/api/v1/statistics"), "[" + String.join(",", rows) + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected.length()").value(0));
        evaluation = run("2026-12", "CLINICAL");
        publish(evaluation);
        String answer = as(office, json(post("/api/v1/efficiency-runs"), """
                {"period": "2026-12", "unitType": "CLINICAL", "inputs": ["doctors"], "outputs": ["discharges"],
                 "model": "CCR", "orientation": "INPUT"}""")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        efficiencyRun = ((Number) JsonPath.read(answer, "$.id")).longValue();
        as(office, post("/api/v1/efficiency-runs/" + efficiencyRun + "/publish")).andExpect(status().isOk());
    }

    private void measure(String code, String name, String aggregation) throws Exception {
        as(office, json(post("/api/v1/measures"), """
                {"code": "%s", "nameZh": "%s", "unit": "个", "aggregation": "%s"}"""
                .formatted(code, name, aggregation))).andExpect(status().isCreated());
    }

    private void indicator(String code, String dimension, String formula) throws Exception {
        as(office, json(post("/api/v1/indicators"), """
                {"code": "%s", "nameZh": "指标 %s", "nameEn": "Indicator %s", "unitZh": "分", "unitEn": "points",
                 "direction": "HIGHER_IS_BETTER", "formula": "%s", "dimension": "%s"}"""
                .formatted(code, code, code, formula, dimension))).andExpect(status().isCreated());
    }

    private void unit(String code, String name) throws Exception {
        as(office, json(post("/api/v1/units"), """
                {"code": "%s", "name": "%s", "kind": "DEPARTMENT", "type": "CLINICAL"}""".formatted(code, name)))
                .andExpect(status().isCreated());
    }

    private static String row(String unit, String measure, int value) {
        return "{\"unit\": \"%s\", \"month\": \"2026-12\", \"measure\": \"%s\", \"value\": %d}"
                .formatted(unit, measure, value);
    }

    /** Drafts a plan as the user and returns its id. */
    long draft(String user, String body) throws Exception {
        String answer = as(user, json(post("/api/v1/allocation-plans"), body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** The hand case: 100,000.00 of equipment budget, default weights, every unit capped at 40,000. */
    static final String HAND_CASE = """
            {"name": "方案甲：默认权重", "resource": "设备购置预算", "amount": 100000.00, "period": "2026-12",
             "unitTypes": ["CLINICAL"], "driver": {"performance": 0.5, "brand": 0.25, "efficiency": 0.25},
             "caps": 40000}""";
}
