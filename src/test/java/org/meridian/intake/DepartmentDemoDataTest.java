package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Demo mode: what a visitor of the demo finds about the hospital's departments. The test clock stands on 2027-01-15,
 * so the demo statistics cover the 24 whole months before it, 2025-01 to 2026-12.
 */
@MeridianDemoTest
class DepartmentDemoDataTest {

    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final YearMonth LAST = YearMonth.of(2026, 12);

    @Autowired MockMvc mvc;
    @Autowired Hospitals hospitals;
    @Autowired UnitRegistry units;
    @Autowired StatisticsIntake statistics;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    Actor actor;
    Map<String, UnitRef> departments;
    /** unit code → measure → month → value */
    Map<String, Map<String, Map<YearMonth, BigDecimal>>> values;

    @BeforeEach
    void load() {
        Hospital hospital = hospitals.all().get(0);
        actor = Actor.system(hospital.id(), "test");
        assertThat(DepartmentDemoData.lastMonth(LocalDate.now(clock.withZone(hospital.timeZone())))).isEqualTo(LAST);
        departments = units.byCode(actor).entrySet().stream()
                .filter(e -> e.getValue().type().kind() == UnitKind.DEPARTMENT)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Long, String> codes = departments.values().stream().collect(Collectors.toMap(UnitRef::id, UnitRef::code));
        values = new HashMap<>();
        for (StatisticValue v : statistics.between(actor, FIRST.minusYears(5), YearMonth.of(2027, 12))) {
            String code = codes.get(v.unitId());
            if (code != null) {
                values.computeIfAbsent(code, c -> new HashMap<>()).computeIfAbsent(v.measure(), m -> new TreeMap<>())
                        .put(v.month(), v.value());
            }
        }
    }

    @Test
    void theRegistryShows25ClinicalAndMedicalTechnologyDepartmentsWithHeadsBedsAndSubSpecialties() throws Exception {
        var analyst = user(accounts.loadForSignIn("analyst", clock.instant()).orElseThrow());
        mvc.perform(get("/api/v1/units?kind=DEPARTMENT&size=100").with(analyst)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(25));
        mvc.perform(get("/api/v1/units?type=CLINICAL").with(analyst)).andExpect(jsonPath("$.total").value(20));
        mvc.perform(get("/api/v1/units?type=MEDICAL_TECHNOLOGY").with(analyst))
                .andExpect(jsonPath("$.total").value(5));
        mvc.perform(get("/api/v1/units/D-GS-HPB").with(analyst)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("肝胆胰外科")).andExpect(jsonPath("$.parent").value("D-GS"))
                .andExpect(jsonPath("$.openBeds").value(40)).andExpect(jsonPath("$.head").value("何志远"));
        mvc.perform(get("/units?kind=DEPARTMENT").with(analyst)).andExpect(status().isOk())
                .andExpect(content().string(containsString("肝胆胰外科")))
                .andExpect(content().string(containsString("心血管内科")));
        mvc.perform(get("/units/D-ORTH").with(analyst)).andExpect(status().isOk())
                .andExpect(content().string(containsString("脊柱外科")));
        mvc.perform(get("/units/D-ORTH/statistics").with(analyst)).andExpect(status().isOk());
        long withParent = DepartmentDemoData.DEPARTMENTS.stream().filter(d -> d.parent() != null).count();
        assertThat(withParent).as("sub-specialties under a parent").isEqualTo(4);
    }

    @Test
    void everyDepartmentHas24MonthsOfEachMeasureItReportsAndNothingOutsideThem() {
        assertThat(values.keySet()).hasSize(25);
        for (var dept : values.entrySet()) {
            UnitType type = departments.get(dept.getKey()).type();
            // a clinical department reports workload, quality, money, staff, surveys and brand: 40-odd measures
            assertThat(dept.getValue().size()).as(dept.getKey())
                    .isGreaterThanOrEqualTo(type == UnitType.CLINICAL ? 40 : 20);
            for (var measure : dept.getValue().entrySet()) {
                if (measure.getKey().equals("dea_efficiency")) {
                    // not reported: written by the demo's published efficiency run, for its quarter only
                    assertThat(measure.getValue().keySet()).as(dept.getKey() + " dea_efficiency").hasSize(3)
                            .allMatch(m -> !m.isBefore(FIRST) && !m.isAfter(LAST));
                    continue;
                }
                assertThat(measure.getValue().keySet()).as(dept.getKey() + " " + measure.getKey()).hasSize(24)
                        .allMatch(m -> !m.isBefore(FIRST) && !m.isAfter(LAST));
            }
        }
        assertThat(values.get("D-CARD")).containsKeys("discharges", "cmi_weight", "inpatient_satisfaction",
                "awareness_rate", "positive_media_reports", "patient_complaints");
        assertThat(values.get("D-LAB")).containsKeys("exams", "report_hours", "critical_values", "eqa_items_passed")
                .doesNotContainKey("discharges");
    }

    /**
     * 呼吸与危重症医学科 fills up in winter: its volume follows 1 + 0.30·cos(2π(month − 1)/12), so December to
     * February stand near 1.26–1.30 (February less the Spring Festival) and June to August near 0.70–0.74; with its
     * beds full in winter (occupancy capped at 112 %) the winter discharges are still well over 1.3 times the summer
     * ones. An ordinary department (内分泌科) shows no such swing.
     */
    @Test
    void respiratoryDischargesPeakInWinter() {
        double winter = mean("D-RESP", "discharges", m -> m.getMonthValue() == 12 || m.getMonthValue() <= 2);
        double summer = mean("D-RESP", "discharges", m -> m.getMonthValue() >= 6 && m.getMonthValue() <= 8);
        assertThat(winter).isGreaterThan(1.3 * summer);
        double endoWinter = mean("D-ENDO", "discharges", m -> m.getMonthValue() == 12 || m.getMonthValue() == 1);
        double endoSummer = mean("D-ENDO", "discharges", m -> m.getMonthValue() >= 6 && m.getMonthValue() <= 8);
        assertThat(endoWinter / endoSummer).isBetween(0.85, 1.15);
    }

    /**
     * 神经外科 improves: its quality level goes from 0.25 to 0.90, so over the first half-year against the last its
     * complication rate falls from about 3.0 − 2.4·0.33 ≈ 2.2 % to 3.0 − 2.4·0.82 ≈ 1.0 %, inpatient satisfaction rises
     * from about 84 + 12·0.33 ≈ 88 to 84 + 12·0.82 ≈ 94, and the share of level-4 operations grows.
     */
    @Test
    void neurosurgeryIsClearlyImproving() {
        Predicate<YearMonth> firstHalf = m -> m.isBefore(FIRST.plusMonths(6));
        Predicate<YearMonth> lastHalf = m -> m.isAfter(LAST.minusMonths(6));
        String d = DepartmentDemoData.IMPROVING;
        assertThat(ratio(d, "surgical_complications", "surgeries", lastHalf))
                .isLessThan(ratio(d, "surgical_complications", "surgeries", firstHalf) * 0.75);
        assertThat(mean(d, "inpatient_satisfaction", lastHalf))
                .isGreaterThan(mean(d, "inpatient_satisfaction", firstHalf) + 4);
        assertThat(ratio(d, "level4_surgeries", "surgeries", lastHalf))
                .isGreaterThan(ratio(d, "level4_surgeries", "surgeries", firstHalf));
    }

    /**
     * 骨科's reputation outruns its results: in the last half-year it has the highest brand awareness of all
     * departments (15 + 65·0.95 ≈ 77 %, the next 心血管内科 ≈ 70 %) and the lowest inpatient satisfaction of the
     * clinical ones (its quality level has fallen to about 0.28: 84 + 12·0.28 ≈ 87, the next lowest ≈ 90).
     */
    @Test
    void orthopaedicsIsFamousWhileItsResultsSlip() {
        Predicate<YearMonth> lastHalf = m -> m.isAfter(LAST.minusMonths(6));
        String famous = DepartmentDemoData.BRAND_AT_RISK;
        Map<String, Double> awareness = values.keySet().stream()
                .collect(Collectors.toMap(c -> c, c -> mean(c, "awareness_rate", lastHalf)));
        assertThat(awareness.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
                .isEqualTo(famous);
        Set<String> clinical = departments.values().stream().filter(u -> u.type() == UnitType.CLINICAL)
                .map(UnitRef::code).collect(Collectors.toSet());
        Map<String, Double> satisfaction = clinical.stream()
                .collect(Collectors.toMap(c -> c, c -> mean(c, "inpatient_satisfaction", lastHalf)));
        assertThat(satisfaction.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey())
                .isEqualTo(famous);
    }

    @Test
    void theDemoIsTheSameEveryTime() {
        List<RawStatistic> once = DepartmentDemoData.generate(FIRST);
        List<RawStatistic> again = DepartmentDemoData.generate(FIRST);
        assertThat(again).isEqualTo(once);
        // and it is what the hospital holds
        RawStatistic first = once.get(0);
        assertThat(values.get(first.unit()).get(first.measure()).get(YearMonth.parse(first.month())))
                .isEqualByComparingTo(first.value());
    }

    private double mean(String unit, String measure, Predicate<YearMonth> months) {
        List<BigDecimal> picked = values.get(unit).get(measure).entrySet().stream()
                .filter(e -> months.test(e.getKey())).map(Map.Entry::getValue).toList();
        assertThat(picked).as(unit + " " + measure).isNotEmpty();
        return picked.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(picked.size()), MathContext.DECIMAL64).doubleValue();
    }

    private double ratio(String unit, String numerator, String denominator, Predicate<YearMonth> months) {
        return mean(unit, numerator, months) / mean(unit, denominator, months);
    }
}
