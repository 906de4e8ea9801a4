package org.meridian.efficiency;

import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A hospital whose clinical departments carry a published DEA example as monthly statistics.
 *
 * <p>Coelli, "A Guide to DEAP Version 2.1" (CEPA Working Paper 96/08), example EG1: 5 firms, inputs (x1, x2) (2,5)
 * (2,4) (6,6) (3,2) (6,2), output 1 2 3 1 2; input-oriented CRS technical efficiency 0.500 1.000 0.833 0.714 1.000,
 * input targets (1,2) (2,4) (5,5) (2.143,1.429) (6,2), peers 1: 2 (0.5); 3: 2 (1.0), 5 (0.5); 4: 2 (0.214), 5 (0.286).
 * Here x1 is doctors (医生, 人) as given, x2 open beds (开放床位, 张) × 10 and the output discharges (出院人次) × 100:
 * DEA is units invariant (a column scaled by c leaves every score, λ and peer unchanged and scales that column's
 * slacks and targets by c), so the published scores hold and the bed targets are ten times DEAP's.
 *
 * <p>The quarter 2026-Q4: doctors and beds are reported with aggregation LAST (the December value counts; October is
 * reported differently to show it), discharges with SUM over the three months (e.g. 100 = 30 + 30 + 40).
 */
class Departments extends TestHospital {

    static final String[] CODES = {"D1", "D2", "D3", "D4", "D5"};
    static final String[] NAMES = {"心内科", "呼吸科", "骨科", "眼科", "儿科"};
    static final int[] DOCTORS = {2, 2, 6, 3, 6};
    static final int[] BEDS = {50, 40, 60, 20, 20};
    static final int[] DISCHARGES = {100, 200, 300, 100, 200};

    Departments(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        super(mvc, users, hospitals, "EF", "效率测试医院");
        measure("doctors", "医生", "Doctors", "人", "LAST");
        measure("beds", "开放床位", "Open beds", "张", "LAST");
        measure("discharges", "出院人次", "Discharges", "人次", "SUM");
        for (int k = 0; k < CODES.length; k++) {
            unit(CODES[k], NAMES[k], "CLINICAL");
        }
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < CODES.length; k++) {
            rows.add(row(CODES[k], "2026-10", "doctors", DOCTORS[k] + 1));
            rows.add(row(CODES[k], "2026-12", "doctors", DOCTORS[k]));
            rows.add(row(CODES[k], "2026-10", "beds", BEDS[k] + 5));
            rows.add(row(CODES[k], "2026-12", "beds", BEDS[k]));
            int third = DISCHARGES[k] * 3 / 10;
            rows.add(row(CODES[k], "2026-10", "discharges", third));
            rows.add(row(CODES[k], "2026-11", "discharges", third));
            rows.add(row(CODES[k], "2026-12", "discharges", DISCHARGES[k] - 2 * third));
        }
        statistics(rows);
    }

    void measure(String code, String zh, String en, String unit, String aggregation) throws Exception {
        as(office, json(post("/api/v1/measures"), "{\"code\": \"" + code + "\", \"nameZh\": \"" + zh
                + "\", \"nameEn\": \"" + en + "\", \"unit\": \"" + unit + "\", \"aggregation\": \"" + aggregation
                + "\"}")).andExpect(status().isCreated());
    }

    void unit(String code, String name, String type) throws Exception {
        as(office, json(post("/api/v1/units"), "{\"code\": \"" + code + "\", \"name\": \"" + name
                + "\", \"kind\": \"DEPARTMENT\", \"type\": \"" + type + "\"}")).andExpect(status().isCreated());
    }

    static String row(String unit, String month, String measure, double value) {
        return "{\"unit\": \"" + unit + "\", \"month\": \"" + month + "\", \"measure\": \"" + measure
                + "\", \"value\": " + value + "}";
    }

    void statistics(List<String> rows) throws Exception {
        as(office, json(post("/api/v1/statistics"), "[" + String.join(",", rows) + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected.length()").value(0));
    }

    /** Starts a run as the office and returns its id. */
    long run(String body) throws Exception {
        String answer = as(office, json(post("/api/v1/efficiency-runs"), body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    static final String EG1_RUN = """
            {"period": "2026-Q4", "unitType": "CLINICAL", "inputs": ["doctors", "beds"], "outputs": ["discharges"],
             "model": "CCR", "orientation": "INPUT"}""";
}
