package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.meridian.insight.method.HoltWinters.Method;
import org.meridian.insight.method.HoltWinters.Result;
import org.meridian.insight.method.HoltWinters.Seasonal;
import org.meridian.shared.problem.InvalidInputException;

class HoltWintersTest {

    static final double[] AP = Datasets.AIR_PASSENGERS;

    /**
     * R: {@code HoltWinters(AirPassengers)} prints alpha 0.2479595, beta 0.03453373, gamma 1 and the coefficients
     * a 477.827781, b 3.127627, s1..s12 below (R's printed output, as reproduced in public R notebooks); its SSE is
     * 21860.18. Given those parameters the fit must give R's coefficients (to R's printed digits).
     */
    static final double[] AP_ADDITIVE_S = {-27.457685, -54.692464, -20.174608, 12.919120, 18.873607, 75.294426,
        152.888368, 134.613464, 33.778349, -18.379060, -87.772408, -45.827781};

    /** R: {@code HoltWinters(AirPassengers, seasonal = "mult")}: alpha 0.2755925, beta 0.03269295, gamma 0.8707292. */
    static final double[] AP_MULT_S = {0.9464611, 0.8829239, 0.9717369, 1.0304825, 1.0476884, 1.1805272, 1.3590778,
        1.3331706, 1.1083381, 0.9868813, 0.8361333, 0.9209877};

    @Test
    void givenRsParametersTheAdditiveFitReproducesRsCoefficients() {
        Result r = HoltWinters.fit(AP, 12, Seasonal.ADDITIVE, 0.2479595, 0.03453373, 1.0, null, null);
        assertThat(r.method()).isEqualTo(Method.HOLT_WINTERS);
        // R prints 6 decimals; the parameters are rounded to 7 significant digits, so allow 1e-6 relative + print
        assertThat(r.level()).isCloseTo(477.827781, within(477.827781 * 1e-6));
        assertThat(r.trend()).isCloseTo(3.127627, within(1e-5));
        for (int k = 0; k < 12; k++) {
            assertThat(r.seasonals()[k]).as("s%d", k + 1).isCloseTo(AP_ADDITIVE_S[k], within(2e-5));
        }
        assertThat(r.sse()).isCloseTo(21860.18, within(0.01));
        assertThat(r.fitted()).hasSize(144 - 12);
        assertThat(r.fittedFrom()).isEqualTo(12);
        // forecast 1 = a + b + s1 = 477.827781 + 3.127627 − 27.457685 = 453.497723
        assertThat(r.forecast()).hasSize(12);
        assertThat(r.forecast().get(0).mean()).isCloseTo(453.497723, within(1e-4));
    }

    @Test
    void givenRsParametersTheMultiplicativeFitReproducesRsCoefficients() {
        Result r = HoltWinters.fit(AP, 12, Seasonal.MULTIPLICATIVE, 0.2755925, 0.03269295, 0.8707292, null, null);
        assertThat(r.level()).isCloseTo(469.3232206, within(469.3232206 * 1e-6));
        assertThat(r.trend()).isCloseTo(3.0215391, within(1e-5));
        for (int k = 0; k < 12; k++) {
            assertThat(r.seasonals()[k]).as("s%d", k + 1).isCloseTo(AP_MULT_S[k], within(1e-6));
        }
        // forecast 1 = (a + b)·s1 = 472.3447597 × 0.9464611 = 447.05594
        assertThat(r.forecast().get(0).mean()).isCloseTo(447.05594, within(1e-3));
    }

    @Test
    void optimisedParametersAreAtLeastAsGoodAsRsOptimum() {
        // R's optimum SSE for the additive model is 21860.18 (alpha 0.2479595, beta 0.03453373, gamma 1);
        // methods.md allows at most 0.5 % more.
        Result add = HoltWinters.fit(AP, 12, Seasonal.ADDITIVE, null, null, null, null, null);
        assertThat(add.sse()).isLessThanOrEqualTo(21860.18 * 1.005);
        // the multiplicative optimum: its SSE at R's parameters, computed by the fit given them
        double rMult = HoltWinters.fit(AP, 12, Seasonal.MULTIPLICATIVE, 0.2755925, 0.03269295, 0.8707292, null, null)
                .sse();
        Result mult = HoltWinters.fit(AP, 12, Seasonal.MULTIPLICATIVE, null, null, null, null, null);
        assertThat(mult.sse()).isLessThanOrEqualTo(rMult * 1.005);
        assertThat(mult.alpha()).isBetween(0.0, 1.0);
    }

    @Test
    void theOptimiserFindsRsParameters() {
        // R's optimum (printed above): alpha 0.2479595, beta 0.03453373, gamma 1, SSE 21860.18; R's L-BFGS-B stops
        // at about 1e-5 in the parameters, so 1e-4 is the agreement to expect
        Result add = HoltWinters.fit(AP, 12, Seasonal.ADDITIVE, null, null, null, null, null);
        assertThat(add.alpha()).isCloseTo(0.2479595, within(1e-4));
        assertThat(add.beta()).isCloseTo(0.03453373, within(1e-4));
        assertThat(add.gamma()).isCloseTo(1.0, within(1e-6));
        assertThat(add.sse()).isLessThanOrEqualTo(21860.185); // R's 21860.18 to its printed digits
        // multiplicative: R's alpha 0.2755925, beta 0.03269295, gamma 0.8707292
        Result mult = HoltWinters.fit(AP, 12, Seasonal.MULTIPLICATIVE, null, null, null, null, null);
        assertThat(mult.alpha()).isCloseTo(0.2755925, within(1e-4));
        assertThat(mult.beta()).isCloseTo(0.03269295, within(1e-4));
        assertThat(mult.gamma()).isCloseTo(0.8707292, within(1e-4));
    }

    @Test
    void theOptimisersSseAgreesWithTheFilter() {
        // sse() multiplies the level and slope updates out; the algebra is the same, so only rounding may differ
        for (boolean mult : new boolean[] {false, true}) {
            double[] start = HoltWinters.startValues(AP, 12, mult);
            double fromFilter = HoltWinters.filter(AP, 12, mult, start, 0.3, 0.1, 0.6, null, null, new double[12]);
            double fromSse = HoltWinters.sse(AP, 12, mult, start, 0.3, 0.1, 0.6, new double[12],
                    Double.POSITIVE_INFINITY);
            assertThat(fromSse).isCloseTo(fromFilter, within(fromFilter * 1e-12));
            // told the caller needs only to know whether it beats a tenth of it, it may stop early, above that tenth
            double cut = HoltWinters.sse(AP, 12, mult, start, 0.3, 0.1, 0.6, new double[12], fromSse / 10);
            assertThat(cut).isGreaterThan(fromSse / 10).isLessThanOrEqualTo(fromSse);
        }
    }

    @Test
    void predictionIntervalsFollowRsVarianceTerms() {
        double alpha = 0.2479595;
        double beta = 0.03453373;
        double gamma = 1.0;
        Result r = HoltWinters.fit(AP, 12, Seasonal.ADDITIVE, alpha, beta, gamma, 14, 0.95);
        double var = residualVariance(r);
        double z = 1.959963984540054;
        // h = 1: var·1;  h = 2: var·(1 + ψ1²) with ψ1 = α(1 + β)
        assertThat(r.forecast().get(0).upper() - r.forecast().get(0).mean()).isCloseTo(z * Math.sqrt(var),
                within(1e-9));
        double psi1 = alpha * (1 + beta);
        assertThat(r.forecast().get(1).upper() - r.forecast().get(1).mean())
                .isCloseTo(z * Math.sqrt(var * (1 + psi1 * psi1)), within(1e-9));
        // h = 14 includes j = 12, where ψ12 = α(1 + 12β) + γ(1 − α)
        double sum = 1;
        for (int j = 1; j <= 13; j++) {
            double psi = alpha * (1 + j * beta) + (j % 12 == 0 ? gamma * (1 - alpha) : 0);
            sum += psi * psi;
        }
        assertThat(r.forecast().get(13).mean() - r.forecast().get(13).lower()).isCloseTo(z * Math.sqrt(var * sum),
                within(1e-9));
    }

    @Test
    void multiplicativeIntervalsUseRsTerm() {
        double alpha = 0.2755925;
        double beta = 0.03269295;
        double gamma = 0.8707292;
        Result r = HoltWinters.fit(AP, 12, Seasonal.MULTIPLICATIVE, alpha, beta, gamma, 2, 0.95);
        double var = residualVariance(r);
        double z = 1.959963984540054;
        double[] s = r.seasonals();
        // h = 2: rel = 2; j = 0: ψ0 = α + γ(1 − α), ratio s2/s2; j = 1: ψ1 = α(1 + β), ratio s2/s1
        double psi0 = alpha + gamma * (1 - alpha);
        double psi1 = alpha * (1 + beta);
        double v = var * (psi0 * psi0 + Math.pow(psi1 * s[1] / s[0], 2));
        assertThat(r.forecast().get(1).upper() - r.forecast().get(1).mean()).isCloseTo(z * Math.sqrt(v), within(1e-9));
    }

    /** σ² = the sample variance (n − 1) of the residuals x − x̂ from observation 13, from the fitted values. */
    static double residualVariance(Result r) {
        double[] res = new double[r.fitted().length];
        for (int i = 0; i < res.length; i++) {
            res[i] = AP[12 + i] - r.fitted()[i];
        }
        double mean = Arrays.stream(res).average().orElseThrow();
        return Arrays.stream(res).map(e -> (e - mean) * (e - mean)).sum() / (res.length - 1);
    }

    @Test
    void startValuesFollowRsDecompositionOnAHandSizedSeries() {
        // f = 2 (even): first 4 values 1, 3, 2, 6. Centred MA weights (½, 1, ½)/2:
        // trend[1] = (0.5·1 + 3 + 0.5·2)/2 = 2.25, trend[2] = (0.5·3 + 2 + 0.5·6)/2 = 3.25
        // x − trend: pos 1: 3 − 2.25 = 0.75; pos 2: 2 − 3.25 = −1.25 → figure (−1.25, 0.75), mean −0.25 →
        // centred (−1.0, 1.0); OLS of (2.25, 3.25) on (1, 2): slope 1, intercept 1.25
        double[] start = HoltWinters.startValues(new double[] {1, 3, 2, 6, 5}, 2, false);
        assertThat(start).containsExactly(new double[] {1.25, 1.0, -1.0, 1.0}, within(1e-12));
    }

    @Test
    void shortSeriesGetANamedFallbackNeverAnError() {
        // 12 ≤ n < 25 with f = 12: seasonal naive; forecast h = the value one period earlier
        double[] thirteen = Arrays.copyOf(AP, 13);
        Result naive = HoltWinters.fit(thirteen, 12, Seasonal.ADDITIVE, null, null, null, 3, null);
        assertThat(naive.method()).isEqualTo(Method.SEASONAL_NAIVE);
        // n = 13: next values repeat x[13 − 12 + 0] = x[1] = 118, then x[2] = 132, x[3] = 129
        assertThat(naive.forecast()).extracting(HoltWinters.Forecast::mean).containsExactly(118.0, 132.0, 129.0);
        // one residual 115 − 112 = 3: σ² = 9, h = 1 band ±1.96·3
        assertThat(naive.forecast().get(0).upper()).isCloseTo(118 + 1.959963984540054 * 3, within(1e-9));

        Result ses = HoltWinters.fit(new double[] {10, 12, 11, 13}, 12, null, 0.5, null, null, 2, null);
        assertThat(ses.method()).isEqualTo(Method.SIMPLE_EXPONENTIAL);
        // L1 = 10; L2 = 0.5·12 + 0.5·10 = 11; L3 = 0.5·11 + 0.5·11 = 11; L4 = 0.5·13 + 0.5·11 = 12
        assertThat(ses.level()).isEqualTo(12.0);
        assertThat(ses.fitted()).containsExactly(10.0, 11.0, 11.0);
        // SSE = 2² + 0² + 2² = 8
        assertThat(ses.sse()).isEqualTo(8.0);

        Result mean = HoltWinters.fit(new double[] {4, 6}, 7, null, null, null, null, 1, null);
        assertThat(mean.method()).isEqualTo(Method.MEAN);
        assertThat(mean.forecast().get(0).mean()).isEqualTo(5.0);
        Result single = HoltWinters.fit(new double[] {4}, 7, null, null, null, null, 1, null);
        assertThat(single.forecast().get(0).lower()).isNull();
    }

    @Test
    void aConstantSeriesForecastsItselfWithZeroWidthBands() {
        double[] flat = new double[36];
        Arrays.fill(flat, 50);
        Result r = HoltWinters.fit(flat, 12, Seasonal.ADDITIVE, null, null, null, 3, null);
        assertThat(r.forecast()).allSatisfy(f -> {
            assertThat(f.mean()).isCloseTo(50, within(1e-9));
            assertThat(f.upper() - f.lower()).isCloseTo(0, within(1e-9));
        });
    }

    @Test
    void badInputListsEveryProblem() {
        assertThatThrownBy(() -> HoltWinters.fit(new double[] {1, Double.NaN, 3}, 1, null, 0.0, 2.0, null, 0, 1.5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path())
                        .containsExactlyInAnyOrder("series[1]", "frequency", "alpha", "beta", "horizon", "interval"));
        double[] withZero = AP.clone();
        withZero[5] = 0;
        assertThatThrownBy(() -> HoltWinters.fit(withZero, 12, Seasonal.MULTIPLICATIVE, null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.path()).containsExactly("series[5]"));
    }
}
