package org.meridian.indicator.api;

import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.DefaultUnitCatalogue;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/v1/indicators/defaults}: a hospital takes over the default department and institution catalogue;
 * what it already has stays as it is, and a second call adds nothing.
 */
@MeridianTest
class DefaultCatalogueApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theOfficeTakesOverTheDefaultsOnceAndKeepsWhatItHad() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        // the hospital already counts discharges its own way
        h.as(h.office, json(post("/api/v1/measures"), """
                {"code": "discharges", "nameZh": "出院人数（本院口径）", "unit": "人", "aggregation": "SUM"}"""))
                .andExpect(status().isCreated());
        h.as(h.analyst, post("/api/v1/indicators/defaults")).andExpect(status().isForbidden());

        int measures = DefaultUnitCatalogue.MEASURES.size();
        int indicators = DefaultUnitCatalogue.ALL_INDICATORS.size();
        h.as(h.office, post("/api/v1/indicators/defaults")).andExpect(status().isOk())
                .andExpect(jsonPath("$.measures.length()").value(measures - 1))
                .andExpect(jsonPath("$.indicators.length()").value(indicators))
                .andExpect(jsonPath("$.schemes").value(org.hamcrest.Matchers.contains("CLINICAL",
                        "MEDICAL_TECHNOLOGY", "TERTIARY_HOSPITAL", "SECONDARY_HOSPITAL", "PRIMARY_CARE")));
        h.as(h.analyst, get("/api/v1/measures")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'discharges')].nameZh").value("出院人数（本院口径）"))
                .andExpect(jsonPath("$[?(@.code == 'cmi_weight')].aggregation").value("SUM"))
                .andExpect(jsonPath("$[?(@.code == 'inpatient_satisfaction')].aggregation").value("AVERAGE"));
        h.as(h.analyst, get("/api/v1/indicators?size=100")).andExpect(status().isOk())
                // 12 built-in channel indicators, then the hospital's own
                .andExpect(jsonPath("$.total").value(12 + indicators))
                .andExpect(jsonPath("$.items[?(@.code == 'LEVEL4_SURGERY_SHARE')].dimension").value("QUALITY"))
                .andExpect(jsonPath("$.items[?(@.code == 'BRAND_AWARENESS')].dimension").value("BRAND"))
                .andExpect(jsonPath("$.items[?(@.code == 'LEVEL4_SURGERY_SHARE')].builtIn").value(false));
        h.as(h.analyst, get("/api/v1/schemes/CLINICAL")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.indicators.length()").value(24))
                .andExpect(jsonPath("$.indicators[0].code").value("LEVEL4_SURGERY_SHARE"));

        // the second time there is nothing left to add
        h.as(h.office, post("/api/v1/indicators/defaults")).andExpect(status().isOk())
                .andExpect(jsonPath("$.measures.length()").value(0))
                .andExpect(jsonPath("$.indicators.length()").value(0))
                .andExpect(jsonPath("$.schemes.length()").value(0));
        h.as(h.analyst, get("/api/v1/schemes/CLINICAL")).andExpect(jsonPath("$.version").value(1));
    }
}
