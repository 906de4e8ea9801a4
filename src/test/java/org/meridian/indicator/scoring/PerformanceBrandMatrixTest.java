package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.indicator.scoring.Quadrant.BRAND_AT_RISK;
import static org.meridian.indicator.scoring.Quadrant.STAR;
import static org.meridian.indicator.scoring.Quadrant.UNDER_RECOGNISED;
import static org.meridian.indicator.scoring.Quadrant.WEAK;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The thresholds and quadrants of the performance–brand matrix (network.md §2), worked out by hand. */
class PerformanceBrandMatrixTest {

    static PerformanceBrandMatrix.Point p(String unit, String performance, String brand) {
        return new PerformanceBrandMatrix.Point(unit, performance == null ? null : new BigDecimal(performance),
                brand == null ? null : new BigDecimal(brand));
    }

    /**
     * Odd count. A (80, 60), B (60, 80), C (70.004, 70), D (90, no brand).
     * D is left out, so performance rounded = 80, 60, 70.00 → median 70.00; brand 60, 80, 70 → median 70.
     * (With D counted the performance median would be (70 + 80) / 2 = 75 and C would be low.)
     * A: 80 ≥ 70 high, 60 &lt; 70 low → UNDER_RECOGNISED; B: low, high → BRAND_AT_RISK;
     * C: 70.004 rounds to 70.00, exactly on both thresholds → high, high → STAR.
     */
    @Test
    void oddCountTakesTheMiddleValueAUnitOnTheThresholdIsHighAndANullBrandIsLeftOut() {
        PerformanceBrandMatrix.Result r = PerformanceBrandMatrix.place(List.of(p("A", "80", "60"),
                p("B", "60", "80"), p("C", "70.004", "70"), p("D", "90", null)), null);

        assertThat(r.thresholds().performance()).isEqualByComparingTo("70");
        assertThat(r.thresholds().brand()).isEqualByComparingTo("70");
        assertThat(r.units()).extracting(PerformanceBrandMatrix.Placed::unit).containsExactly("A", "B", "C");
        assertThat(r.quadrantOf("A")).isEqualTo(UNDER_RECOGNISED);
        assertThat(r.quadrantOf("B")).isEqualTo(BRAND_AT_RISK);
        assertThat(r.quadrantOf("C")).isEqualTo(STAR);
        assertThat(r.quadrantOf("D")).isNull();
    }

    /**
     * Even count. Performance 80.004, 60, 70.01, 75 → rounded and sorted 60, 70.01, 75, 80 → median
     * (70.01 + 75) / 2 = 72.505, kept as it is (rounding it again would give 72.51). Brand 50, 61, 72.5, 40 →
     * 40, 50, 61, 72.5 → (50 + 61) / 2 = 55.5.
     * A (80, 50): high, low → UNDER_RECOGNISED; B (60, 61): low, high → BRAND_AT_RISK;
     * C (70.01, 72.5): low, high → BRAND_AT_RISK; D (75, 40): high, low → UNDER_RECOGNISED.
     */
    @Test
    void evenCountTakesTheMeanOfTheTwoMiddleValuesNotRoundedAgain() {
        PerformanceBrandMatrix.Result r = PerformanceBrandMatrix.place(List.of(p("A", "80.004", "50"),
                p("B", "60", "61"), p("C", "70.01", "72.5"), p("D", "75", "40")), null);

        assertThat(r.thresholds().performance()).isEqualByComparingTo("72.505");
        assertThat(r.thresholds().brand()).isEqualByComparingTo("55.5");
        assertThat(r.units()).extracting(PerformanceBrandMatrix.Placed::quadrant)
                .containsExactly(UNDER_RECOGNISED, BRAND_AT_RISK, BRAND_AT_RISK, UNDER_RECOGNISED);
        // the answer keeps the unrounded values
        assertThat(r.units().get(0).performance()).isEqualByComparingTo("80.004");
    }

    /**
     * Thresholds set by the hospital replace the medians axis by axis: performance fixed at 65, brand from the median.
     * Units (70, 50), (60, 90), (64.996, 70): brand median of 50, 70, 90 = 70. (70, 50) → high, low →
     * UNDER_RECOGNISED; (60, 90) → low, high → BRAND_AT_RISK; 64.996 rounds to 65.00 = 65 → high, 70 high → STAR.
     * A unit low on both: (10, 10) is WEAK in any case.
     */
    @Test
    void aThresholdSetByTheHospitalReplacesTheMedianOfItsAxis() {
        PerformanceBrandMatrix.Result r = PerformanceBrandMatrix.place(List.of(p("X", "70", "50"),
                p("Y", "60", "90"), p("Z", "64.996", "70")),
                new PerformanceBrandMatrix.Thresholds(new BigDecimal("65"), null));

        assertThat(r.thresholds().performance()).isEqualByComparingTo("65");
        assertThat(r.thresholds().brand()).isEqualByComparingTo("70");
        assertThat(r.units()).extracting(PerformanceBrandMatrix.Placed::quadrant)
                .containsExactly(UNDER_RECOGNISED, BRAND_AT_RISK, STAR);

        assertThat(PerformanceBrandMatrix.place(List.of(p("W", "10", "10"), p("S", "90", "90"), p("M", "50", "50")),
                null).quadrantOf("W")).isEqualTo(WEAK);
    }

    @Test
    void noUnitWithBothValuesGivesAnEmptyMatrixWithoutThresholds() {
        PerformanceBrandMatrix.Result r = PerformanceBrandMatrix.place(List.of(p("A", "80", null),
                p("B", null, null)), null);
        assertThat(r.units()).isEmpty();
        assertThat(r.thresholds().performance()).isNull();
        assertThat(r.thresholds().brand()).isNull();
    }
}
