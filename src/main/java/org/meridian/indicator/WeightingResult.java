package org.meridian.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the weighting method gave for {@link WeightingInputs}: the scheme weights in points (two decimals, summing to
 * exactly 100, in the order of the inputs' codes) and the numbers behind them — the AHP weights with λmax, CI and CR,
 * the entropy weights with the number of units whose values they came from. Absent parts are null.
 */
public record WeightingResult(List<BigDecimal> points, List<Double> ahpWeights, Double lambdaMax, Double ci, Double cr,
                              List<Double> entropyWeights, Integer units) {

    public WeightingResult {
        points = List.copyOf(points);
        ahpWeights = ahpWeights == null ? null : List.copyOf(ahpWeights);
        entropyWeights = entropyWeights == null ? null : List.copyOf(entropyWeights);
    }
}
