package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.meridian.indicator.scoring.Quadrant;

/**
 * The performance–brand matrix (绩效–品牌矩阵) of one evaluation: every unit with a performance and a brand index at
 * its place, its quadrant, and where it stood in the evaluation of the period before.
 *
 * @param previous        the latest published evaluation of the preceding period of the same kind and unit type;
 *                        null when there is none
 * @param performance     the performance threshold in force: the hospital's value when set, else the median
 * @param brand           the brand threshold in force, likewise; both null when no unit could be placed
 * @param setPerformance  the value the hospital fixed, null when the median applies (likewise {@code setBrand})
 * @param units           the placed units in the evaluation's rank order
 */
public record Matrix(Evaluation evaluation, Evaluation previous, BigDecimal performance, BigDecimal brand,
                     BigDecimal setPerformance, BigDecimal setBrand, List<Unit> units) {

    public Matrix {
        units = List.copyOf(units);
    }

    /** The units whose quadrant differs from the one of the period before (units new to the matrix not included). */
    public List<Unit> moves() {
        return units.stream().filter(Unit::moved).toList();
    }

    /**
     * One unit in the matrix; performance and brand unrounded (placed by their values rounded to 2 decimals).
     *
     * @param previousQuadrant    null when the unit was not placed in the previous evaluation
     * @param previousPerformance its performance there (null likewise), for the arrow of its move
     */
    public record Unit(String unit, String name, BigDecimal performance, BigDecimal brand, Quadrant quadrant,
                       Quadrant previousQuadrant, BigDecimal previousPerformance, BigDecimal previousBrand) {

        public boolean moved() {
            return previousQuadrant != null && previousQuadrant != quadrant;
        }
    }
}
