package org.meridian.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.meridian.insight.method.HoltWinters.Method;

/**
 * The forecast rule on short series worked by hand; Holt-Winters itself is checked against R in HoltWintersTest.
 * z quantiles of the standard normal: z(0.975) = 1.959964, z(0.90) = 1.281552.
 */
class ForecastModelTest {

    /**
     * 14 months (Nov 2025 – Dec 2026): 10, 20, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 16, 22.
     * <p>Fewer than 25 and at least 12 months: seasonal naive. Month h ahead = the value 12 months before it:
     * Jan 2027 ← Jan 2026 = 12, Feb ← 14, …, Jun ← 22. One-period changes: 16 − 10 = 6 and 22 − 20 = 2, so
     * σ² = (6² + 2²)/2 = 20, σ = 4.472136; within the first year v(h) = σ². 95 %: 12 ± 1.959964 · 4.472136
     * = 12 ± 8.765225 → 3.234775 – 20.765225; 80 %: 12 ± 1.281552 · 4.472136 = 12 ± 5.731273 → 6.268727 – 17.731273.
     * <p>Back-test: without the last 12 months 2 remain (10, 20), so the mean 15 for every month; against the 12
     * actual values 12 … 30, 16, 22 the absolute percentage errors are 3/12, 1/14, 1/16, 3/18, 5/20, 7/22, 9/24, 11/26,
     * 13/28, 15/30, 1/16, 7/22, summing to 3.261822; MAPE = 3.261822 / 12 · 100 = 27.1818 %.
     */
    @Test
    void fourteenMonthsAreForecastSeasonallyNaiveWithBandsAndABackTestByTheMean() {
        double[] x = {10, 20, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 16, 22};

        ForecastModel.Computed c = ForecastModel.compute(x, 6);

        assertThat(c.method()).isEqualTo(Method.SEASONAL_NAIVE);
        assertThat(c.months()).isEqualTo(14);
        assertThat(c.alpha()).isNull();
        assertThat(c.ahead()).extracting(ForecastModel.Ahead::mean).containsExactly(12.0, 14.0, 16.0, 18.0, 20.0, 22.0);
        ForecastModel.Ahead first = c.ahead().get(0);
        assertThat(first.lower95()).isCloseTo(3.234775, within(1e-6));
        assertThat(first.upper95()).isCloseTo(20.765225, within(1e-6));
        assertThat(first.lower80()).isCloseTo(6.268727, within(1e-6));
        assertThat(first.upper80()).isCloseTo(17.731273, within(1e-6));
        // the fit of a seasonal naive model: each month as the month a year before, from the 13th month on
        assertThat(c.fittedFrom()).isEqualTo(12);
        assertThat(c.fitted()).containsExactly(10.0, 20.0);

        assertThat(c.backtest().method()).isEqualTo(Method.MEAN);
        assertThat(c.backtest().forecast()).containsOnly(15.0);
        assertThat(c.backtest().months()).isEqualTo(12);
        assertThat(c.backtest().mape()).isCloseTo(27.1818, within(1e-4));
    }

    /**
     * 5 months 8, 8, 8, 8, 8: fewer than 12, so simple exponential smoothing; a constant series is its own level
     * (every one-step error 0), so the forecast is 8 with bands of width 0. No back-test: only 5 months.
     */
    @Test
    void aShortConstantSeriesIsSmoothedToItsLevelWithoutABackTest() {
        ForecastModel.Computed c = ForecastModel.compute(new double[] {8, 8, 8, 8, 8}, 3);

        assertThat(c.method()).isEqualTo(Method.SIMPLE_EXPONENTIAL);
        assertThat(c.ahead()).hasSize(3).allSatisfy(a -> {
            assertThat(a.mean()).isEqualTo(8.0);
            assertThat(a.lower95()).isEqualTo(8.0);
            assertThat(a.upper95()).isEqualTo(8.0);
        });
        assertThat(c.backtest()).isNull();
    }

    /**
     * 2 months 10 and 14: the mean 12 with a t interval, s = √8 = 2.828427, t(0.975; 1) = 12.706205,
     * half width 12.706205 · 2.828427 · √(1 + 1/2) = 44.0156, so the 95 % band 12 ± 44.0 — its lower end below 0 is
     * shown as 0 (a month cannot have fewer than no referrals): 0 – 56.0156.
     */
    @Test
    void twoMonthsGiveTheMeanAndABandCutAtZero() {
        ForecastModel.Computed c = ForecastModel.compute(new double[] {10, 14}, 1);

        assertThat(c.method()).isEqualTo(Method.MEAN);
        ForecastModel.Ahead a = c.ahead().get(0);
        assertThat(a.mean()).isEqualTo(12.0);
        assertThat(a.lower95()).isEqualTo(0.0);
        assertThat(a.upper95()).isCloseTo(56.0156, within(1e-4));
    }

    @Test
    void theMethodFollowsTheLengthOfTheHistory() {
        assertThat(ForecastModel.methodFor(0)).isNull();
        assertThat(ForecastModel.methodFor(2)).isEqualTo(Method.MEAN);
        assertThat(ForecastModel.methodFor(3)).isEqualTo(Method.SIMPLE_EXPONENTIAL);
        assertThat(ForecastModel.methodFor(11)).isEqualTo(Method.SIMPLE_EXPONENTIAL);
        assertThat(ForecastModel.methodFor(12)).isEqualTo(Method.SEASONAL_NAIVE);
        assertThat(ForecastModel.methodFor(24)).isEqualTo(Method.SEASONAL_NAIVE);
        assertThat(ForecastModel.methodFor(25)).isEqualTo(Method.HOLT_WINTERS);
        double[] season = new double[25];
        for (int i = 0; i < season.length; i++) {
            season[i] = 100 + 10 * Math.sin(2 * Math.PI * i / 12) + i;
        }
        assertThat(ForecastModel.compute(season, 12).method()).isEqualTo(Method.HOLT_WINTERS);
        assertThat(ForecastModel.compute(java.util.Arrays.copyOf(season, 24), 12).method())
                .isEqualTo(Method.SEASONAL_NAIVE);
        assertThat(ForecastModel.compute(new double[0], 6)).isNull();
    }

    @Test
    void aHorizonBeyondTwelveMonthsIsRefused() {
        assertThatThrownBy(() -> ForecastModel.compute(new double[] {1, 2, 3}, 13))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..12");
        assertThatThrownBy(() -> ForecastModel.compute(new double[] {1, 2, 3}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
