package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.insight.method.Outliers.Options;
import org.meridian.insight.method.Outliers.Result;
import org.meridian.insight.method.Outliers.Rule;
import org.meridian.insight.method.Outliers.Step;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

class OutliersTest {

    @Test
    void generalizedEsdReproducesTheNistExample() {
        // NIST/SEMATECH e-Handbook §1.3.5.17.3 (Rosner 1983 data, r = 10, α = 0.05): R_i and λ_i as printed there, to
        // 3 decimals, cut rather than rounded (R_1 = 3.1189 and λ_1 = 3.1588 are printed 3.118 and 3.158), so each
        // value must lie in [printed, printed + 0.001);
        // three outliers (R_3 = 3.179 > λ_3 = 3.143): 6.01, 5.42, 5.34
        double[] r = {3.118, 2.942, 3.179, 2.810, 2.815, 2.848, 2.279, 2.310, 2.101, 2.067};
        double[] lambda = {3.158, 3.151, 3.143, 3.136, 3.128, 3.120, 3.111, 3.103, 3.094, 3.085};
        Result res = Outliers.detect(Datasets.ROSNER, Rule.GENERALIZED_ESD, new Options(null, 10, null, null, null,
                null));
        assertThat(res.steps()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(res.steps().get(i).statistic()).as("R_%d", i + 1).isBetween(r[i], r[i] + 1e-3);
            assertThat(res.steps().get(i).critical()).as("λ_%d", i + 1).isBetween(lambda[i], lambda[i] + 1e-3);
        }
        assertThat(res.outliers()).containsExactly(53, 52, 51);
        assertThat(res.outliers()).extracting(i -> Datasets.ROSNER[i]).containsExactly(6.01, 5.42, 5.34);
    }

    @Test
    void grubbsAloneIsMaskedOnTheSameData() {
        // Grubbs' test is the ESD's first step: G = 3.118 < 3.158 (two-sided, α = 0.05, n = 54): no outlier,
        // which is why the e-Handbook recommends the generalized ESD when several may be present
        Result res = Outliers.detect(Datasets.ROSNER, Rule.GRUBBS, Options.defaults());
        assertThat(res.outliers()).isEmpty();
        Step step = res.steps().get(0);
        assertThat(step.index()).isEqualTo(53);
        assertThat(step.statistic()).isBetween(3.118, 3.119);
        assertThat(step.critical()).isBetween(3.158, 3.159);
    }

    @Test
    void oneSidedGrubbsAtAlphaIsTwoSidedAtTwiceAlpha() {
        // t at α/n (one-sided) equals t at (2α)/(2n) (two-sided)
        assertThat(Outliers.grubbsCritical(20, 0.05, 1)).isCloseTo(Outliers.grubbsCritical(20, 0.10, 2),
                within(1e-12));
        double[] values = {2.1, 2.3, 2.2, 2.4, 2.2, 2.3, 2.1, 2.2, 2.3, 4.0};
        Result two = Outliers.detect(values, Rule.GRUBBS, new Options(null, null, null, null, null, 2));
        assertThat(two.outliers()).containsExactly(9);
    }

    @Test
    void modifiedZScoreByHand() {
        // 1, 2, 3, 4, 100: median 3, |x − 3| = 2, 1, 0, 1, 97 → MAD 1; M = 0.6745·(x − 3):
        // 100 → 65.4265 > 3.5; 1 → −1.349
        Result res = Outliers.detect(new double[] {1, 2, 3, 4, 100}, Rule.MODIFIED_Z, Options.defaults());
        assertThat(res.median()).isEqualTo(3.0);
        assertThat(res.mad()).isEqualTo(1.0);
        assertThat(res.scores()).containsExactly(new double[] {-1.349, -0.6745, 0, 0.6745, 65.4265}, within(1e-9));
        assertThat(res.outliers()).containsExactly(4);
        // even n: the median is the mean of the two middle values
        assertThat(Outliers.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void modifiedZWithZeroMadFlagsNothingAndSaysSo() {
        Result res = Outliers.detect(new double[] {5, 5, 5, 9}, Rule.MODIFIED_Z, Options.defaults());
        assertThat(res.outliers()).isEmpty();
        assertThat(res.mad()).isZero();
        assertThat(res.scores()).isNull();
        assertThat(res.note()).isEqualTo("MAD_ZERO");
    }

    @Test
    void constantDataHasNoOutliers() {
        double[] flat = {7, 7, 7, 7, 7};
        assertThat(Outliers.detect(flat, Rule.GRUBBS, null).outliers()).isEmpty();
        assertThat(Outliers.detect(flat, Rule.GRUBBS, null).note()).isEqualTo("SD_ZERO");
        assertThat(Outliers.detect(flat, Rule.GENERALIZED_ESD, null).outliers()).isEmpty();
    }

    @Test
    void seasonalDetectionExpectsTheWeeklyPeakButFlagsAMissingOne() {
        // ten weeks, Monday (position 0) 100 and other days 50, with a small deterministic wobble;
        // in week 8 the Monday peak does not come (50)
        double[] days = new double[70];
        for (int i = 0; i < days.length; i++) {
            days[i] = (i % 7 == 0 ? 100 : 50) + 2 * Math.sin(i * 1.7);
        }
        int broken = 7 * 7;
        days[broken] = 50;
        Options weekly = new Options(null, null, null, 7, null, null);
        Result seasonal = Outliers.detect(days, Rule.SEASONAL_ESD, weekly);
        assertThat(seasonal.outliers()).contains(broken);
        assertThat(seasonal.outliers()).doesNotContain(56, 63, 42);
        assertThat(seasonal.expected()[0]).isNull();
        assertThat(seasonal.expected()[6]).isNull();
        assertThat(seasonal.expected()[7]).isNotNull();
        assertThat(seasonal.forecastMethod()).isEqualTo(HoltWinters.Method.HOLT_WINTERS);
        assertThat(seasonal.lower()[broken]).isGreaterThan(50);
        // the raw values alone show nothing unusual about a 50
        Result raw = Outliers.detect(days, Rule.GENERALIZED_ESD, null);
        assertThat(raw.outliers()).doesNotContain(broken);
    }

    @Test
    void badOptionsAreRejectedWithEveryProblem() {
        assertThatThrownBy(() -> Outliers.detect(new double[] {1, 2}, Rule.GRUBBS,
                new Options(1.5, null, -1.0, null, null, 3)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("alpha", "threshold", "sides", "values"));
        assertThatThrownBy(() -> Outliers.detect(new double[] {1, 2, 3}, Rule.SEASONAL_ESD, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("frequency"));
        assertThatThrownBy(() -> Outliers.detect(new double[0], Rule.MODIFIED_Z, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("insight.series.empty"));
        assertThat(List.of(Rule.values())).hasSize(4);
    }
}
