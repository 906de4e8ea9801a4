package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The performance–brand matrix (绩效–品牌矩阵) of one evaluation: every unit at (performance, brand), placed in a
 * {@link Quadrant} by two thresholds.
 * <ul>
 * <li>Units whose performance or brand is null are left out, of the matrix and of the medians.</li>
 * <li>Values are compared rounded half-up to 2 decimals ({@link Scorecard#round}); at or above a threshold is high.</li>
 * <li>A threshold not set by the hospital is the median of the units' rounded values on that axis: the middle
 *     value for an odd count, the mean of the two middle values for an even count (not rounded again, so 70.005
 *     may be a threshold); null when no unit is left (then the matrix is empty).</li>
 * </ul>
 */
public final class PerformanceBrandMatrix {

    private PerformanceBrandMatrix() {
    }

    /** A unit's unrounded performance and brand index from its scorecard, either possibly null. */
    public record Point(String unit, BigDecimal performance, BigDecimal brand) {

        public Point {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** The thresholds in force; both null only when there is no unit to place. */
    public record Thresholds(BigDecimal performance, BigDecimal brand) {
    }

    /** A placed unit with its unrounded values. */
    public record Placed(String unit, BigDecimal performance, BigDecimal brand, Quadrant quadrant) {
    }

    public record Result(Thresholds thresholds, List<Placed> units) {

        public Result {
            units = List.copyOf(units);
        }

        public Quadrant quadrantOf(String unit) {
            return units.stream().filter(u -> u.unit().equals(unit)).map(Placed::quadrant).findFirst().orElse(null);
        }
    }

    /**
     * Places the units.
     *
     * @param points   the units in the order the answer should keep
     * @param setByHospital thresholds the hospital fixed; a null axis (or a null argument) takes the median
     */
    public static Result place(List<Point> points, Thresholds setByHospital) {
        List<Point> complete = points.stream().filter(p -> p.performance() != null && p.brand() != null).toList();
        BigDecimal performance = setByHospital == null ? null : setByHospital.performance();
        BigDecimal brand = setByHospital == null ? null : setByHospital.brand();
        if (performance == null) {
            performance = ScorecardEngine.median(complete.stream().map(p -> Scorecard.round(p.performance())).toList());
        }
        if (brand == null) {
            brand = ScorecardEngine.median(complete.stream().map(p -> Scorecard.round(p.brand())).toList());
        }
        List<Placed> placed = new ArrayList<>();
        for (Point p : complete) {
            BigDecimal perf = Scorecard.round(p.performance());
            BigDecimal br = Scorecard.round(p.brand());
            placed.add(new Placed(p.unit(), p.performance(), p.brand(),
                    Quadrant.of(perf.compareTo(performance) >= 0, br.compareTo(brand) >= 0)));
        }
        return new Result(new Thresholds(performance, brand), placed);
    }
}
