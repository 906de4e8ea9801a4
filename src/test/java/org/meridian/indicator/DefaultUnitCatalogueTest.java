package org.meridian.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.FormulaException;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.shared.UnitType;

/** The default department and institution catalogue, checked as a hospital would before taking it over. */
class DefaultUnitCatalogueTest {

    @Test
    void everyDefaultFormulaParsesOverTheCatalogueMeasuresOnly() {
        Set<String> allowed = new HashSet<>(DefaultUnitCatalogue.MEASURE_CODES);
        allowed.add(MeasureTotals.DAYS);
        for (IndicatorDefinition d : DefaultUnitCatalogue.ALL_INDICATORS) {
            String text = d.formula().text();
            assertThatCode(() -> Formula.parse(text, DefaultUnitCatalogue.MEASURE_CODES)).as(d.code())
                    .doesNotThrowAnyException();
            assertThat(allowed).as(d.code() + " reads only catalogue measures").containsAll(d.formula().keys());
            assertThat(d.formula().measures()).as(d.code() + " reads no channel event").isEmpty();
        }
        // without the default measures the same formulas are refused: they really need the catalogue
        assertThatThrownBy(() -> Formula.parse(DefaultUnitCatalogue.find("CMI").orElseThrow().formula().text()))
                .isInstanceOf(FormulaException.class);
    }

    @Test
    void measuresAreValidStatisticMeasuresThatCollideWithNothingBuiltIn() {
        Set<String> seen = new HashSet<>();
        for (StatisticMeasure m : DefaultUnitCatalogue.MEASURES) {
            assertThat(seen.add(m.code())).as("unique " + m.code()).isTrue();
            assertThat(MeasureCatalogue.builtIn(m.code())).as(m.code()).isFalse();
            assertThat(new NewStatisticMeasure(m.code(), m.nameZh(), m.nameEn(), m.unit(), m.aggregation().name())
                    .check()).isEqualTo(m);
        }
        // a survey score is averaged over the months, a head count is the latest month's, a count is summed
        assertThat(measure("inpatient_satisfaction").aggregation()).isEqualTo(Aggregation.AVERAGE);
        assertThat(measure("physicians").aggregation()).isEqualTo(Aggregation.LAST);
        assertThat(measure("open_beds").aggregation()).isEqualTo(Aggregation.LAST);
        assertThat(measure("discharges").aggregation()).isEqualTo(Aggregation.SUM);
    }

    @Test
    void theDepartmentCatalogueHasAtLeast20IndicatorsInEveryDimensionOfNetworkMd() {
        assertThat(DefaultUnitCatalogue.DEPARTMENT).hasSizeGreaterThanOrEqualTo(20);
        Map<Dimension, Integer> perDimension = new EnumMap<>(Dimension.class);
        DefaultUnitCatalogue.DEPARTMENT.forEach(d -> perDimension.merge(d.dimension(), 1, Integer::sum));
        assertThat(perDimension.keySet()).containsExactlyInAnyOrder(Dimension.QUALITY, Dimension.EFFICIENCY,
                Dimension.SUSTAINABILITY, Dimension.SATISFACTION, Dimension.SOCIAL, Dimension.BRAND);
        Set<String> codes = new HashSet<>();
        for (IndicatorDefinition d : DefaultUnitCatalogue.ALL_INDICATORS) {
            assertThat(codes.add(d.code())).as("unique " + d.code()).isTrue();
            assertThat(DefaultIndicators.find(d.code())).as(d.code() + " is no channel indicator").isEmpty();
            assertThat(d.descriptionZh()).as(d.code()).startsWith("来源：");
            assertThat(d.descriptionEn()).as(d.code()).startsWith("Source:");
        }
        assertThat(DefaultUnitCatalogue.INSTITUTION).extracting(IndicatorDefinition::code)
                .contains("LOW_RISK_MORTALITY", "APPOINTMENT_RATE", "EMR_LEVEL", "HYPERTENSION_MANAGED_RATE");
    }

    /**
     * The numbers of the national list (三级公立医院绩效考核指标, annex of 国办发〔2019〕4号): 1 门诊人次数与出院人次数比,
     * 2 下转患者人次数, 3 日间手术占择期手术比例, 4 出院患者手术占比, 5 出院患者微创手术占比, 6 出院患者四级手术比例,
     * 8 手术患者并发症发生率, 11 大型医用设备检查阳性率, 13 通过国家室间质量评价的临床检验项目数, 14 低风险组病例死亡率,
     * 22 门诊患者平均预约诊疗率, 24 电子病历应用功能水平分级, 25 每名执业医师日均住院工作负担, 31 医疗服务收入占医疗收入比例,
     * 33 人员支出占业务支出比重, 34 万元收入能耗支出, 44 卫生技术人员职称结构, 46 医护比, 50 每百名卫生技术人员科研项目经费,
     * 53 门诊患者满意度, 54 住院患者满意度, 55 医务人员满意度.
     */
    @Test
    void eachDefaultFromTheNationalListNamesItsNumber() {
        Map<String, Integer> numbers = Map.ofEntries(Map.entry("OUTPATIENT_INPATIENT_RATIO", 1),
                Map.entry("DOWNWARD_REFERRAL_RATE", 2), Map.entry("DAY_SURGERY_SHARE", 3),
                Map.entry("SURGERY_SHARE", 4), Map.entry("MINIMALLY_INVASIVE_SHARE", 5),
                Map.entry("LEVEL4_SURGERY_SHARE", 6), Map.entry("SURGICAL_COMPLICATION_RATE", 8),
                Map.entry("LARGE_EQUIPMENT_POSITIVE_RATE", 11), Map.entry("EQA_ITEMS_PASSED", 13),
                Map.entry("LOW_RISK_MORTALITY", 14), Map.entry("APPOINTMENT_RATE", 22), Map.entry("EMR_LEVEL", 24),
                Map.entry("DAILY_INPATIENT_LOAD", 25), Map.entry("SERVICE_REVENUE_SHARE", 31),
                Map.entry("STAFF_COST_SHARE", 33), Map.entry("ENERGY_PER_10K_REVENUE", 34),
                Map.entry("SENIOR_TITLE_SHARE", 44), Map.entry("NURSE_PHYSICIAN_RATIO", 46),
                Map.entry("RESEARCH_FUNDING", 50), Map.entry("OUTPATIENT_SATISFACTION", 53),
                Map.entry("INPATIENT_SATISFACTION", 54), Map.entry("STAFF_SATISFACTION", 55));
        numbers.forEach((code, n) -> {
            IndicatorDefinition d = DefaultUnitCatalogue.find(code).orElseThrow();
            assertThat(d.descriptionZh()).as(code).contains("第 " + n + " 项").contains("国办发〔2019〕4号");
            assertThat(d.descriptionEn()).as(code).contains("indicator " + n + " ");
        });
        // the brand indicators are Meridian's own and say so
        assertThat(DefaultUnitCatalogue.find("BRAND_AWARENESS").orElseThrow().descriptionZh()).contains("无此项");
    }

    /** Worked by hand: formulas on one department's month (31 days). */
    @Test
    void defaultFormulasComputeWhatTheirDescriptionsSay() {
        MeasureTotals march = new MeasureTotals(Map.of(), Map.of(
                "discharges", new BigDecimal("400"), "cmi_weight", new BigDecimal("540"),
                "inpatient_days", new BigDecimal("3000"), "occupied_bed_days", new BigDecimal("2294"),
                "open_bed_days", new BigDecimal("2480"), "physicians", new BigDecimal("20"),
                "surgeries", new BigDecimal("250"), "level4_surgeries", new BigDecimal("75"),
                "research_funding", new BigDecimal("300000"), "health_technicians", new BigDecimal("60")),
                new BigDecimal("31"));
        // CMI = 540 / 400 = 1.35
        assertThat(value("CMI", march)).isEqualByComparingTo("1.35");
        // ALOS = 3000 / 400 = 7.5 days
        assertThat(value("AVERAGE_LENGTH_OF_STAY", march)).isEqualByComparingTo("7.5");
        // occupancy = 100 × 2294 / 2480 = 92.5 %
        assertThat(value("BED_OCCUPANCY", march)).isEqualByComparingTo("92.5");
        // level-4 share = 100 × 75 / 250 = 30 %
        assertThat(value("LEVEL4_SURGERY_SHARE", march)).isEqualByComparingTo("30");
        // daily inpatient load = 2294 / 20 / 31 = 3.7 bed days per physician per day
        assertThat(value("DAILY_INPATIENT_LOAD", march)).isEqualByComparingTo("3.7");
        // research funding per 100 technicians in 10k CNY = 300000 / 60 / 100 = 50
        assertThat(value("RESEARCH_FUNDING", march)).isEqualByComparingTo("50");
        // a statistic the department did not report makes the indicator null, not 0
        assertThat(value("INPATIENT_MORTALITY", march)).isNull();
    }

    /**
     * Weights add to 100 in every default scheme (the engine only needs them positive; 100 reads as per cent), and
     * the clinical one splits them as its Javadoc says: 35 quality, 25 efficiency, 10 sustainability, 12
     * satisfaction, 6 social, 12 brand.
     */
    @Test
    void everyDefaultSchemeIsValidAndItsWeightsAddTo100() {
        assertThat(DefaultUnitCatalogue.SCHEME_TYPES).containsExactly(UnitType.CLINICAL,
                UnitType.MEDICAL_TECHNOLOGY, UnitType.TERTIARY_HOSPITAL, UnitType.SECONDARY_HOSPITAL,
                UnitType.PRIMARY_CARE);
        for (UnitType type : DefaultUnitCatalogue.SCHEME_TYPES) {
            SchemeDraft draft = DefaultUnitCatalogue.schemeFor(type);
            assertThat(draft.problems(DefaultUnitCatalogue::find)).as(type.name()).isEmpty();
            BigDecimal total = BigDecimal.ZERO;
            for (SchemeDraft.Item item : draft.indicators()) {
                assertThat(item.weight().signum()).as(type + " " + item.code()).isPositive();
                total = total.add(item.weight());
            }
            assertThat(total).as(type.name()).isEqualByComparingTo("100");
            List<Dimension> dims = draft.indicators().stream()
                    .map(i -> DefaultUnitCatalogue.find(i.code()).orElseThrow().dimension()).toList();
            assertThat(dims).as(type + " has a brand index and a performance").contains(Dimension.BRAND)
                    .anyMatch(d -> d != Dimension.BRAND);
            if (type == UnitType.CLINICAL || type == UnitType.MEDICAL_TECHNOLOGY) {
                assertThat(draft.indicators()).as(type.name())
                        .allMatch(i -> DefaultUnitCatalogue.DEPARTMENT.stream().anyMatch(d -> d.code().equals(i.code())));
            }
        }
        Map<Dimension, BigDecimal> clinical = new EnumMap<>(Dimension.class);
        for (SchemeDraft.Item item : DefaultUnitCatalogue.schemeFor(UnitType.CLINICAL).indicators()) {
            clinical.merge(DefaultUnitCatalogue.find(item.code()).orElseThrow().dimension(), item.weight(),
                    BigDecimal::add);
        }
        assertThat(clinical).containsExactlyInAnyOrderEntriesOf(Map.of(Dimension.QUALITY, new BigDecimal("35"),
                Dimension.EFFICIENCY, new BigDecimal("25"), Dimension.SUSTAINABILITY, new BigDecimal("10"),
                Dimension.SATISFACTION, new BigDecimal("12"), Dimension.SOCIAL, new BigDecimal("6"),
                Dimension.BRAND, new BigDecimal("12")));
        assertThatThrownBy(() -> DefaultUnitCatalogue.schemeFor(UnitType.EXAM_CENTER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StatisticMeasure measure(String code) {
        return DefaultUnitCatalogue.MEASURES.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    private static BigDecimal value(String code, MeasureTotals totals) {
        return DefaultUnitCatalogue.find(code).orElseThrow().formula().evaluate(totals);
    }
}
