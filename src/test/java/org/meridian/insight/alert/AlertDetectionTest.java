package org.meridian.insight.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The three rules on series small enough to check by hand (the arithmetic is in the comments).
 */
class AlertDetectionTest {

    /** Monday 20, Tuesday to Friday 10, Saturday 5, Sunday 3: a busy Monday and a quiet weekend. */
    private static final double[] WEEK = {20, 10, 10, 10, 10, 5, 3};

    private static double[] weeks(int n) {
        double[] x = new double[7 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = WEEK[i % 7];
        }
        return x;
    }

    @Test
    void aRegularMondayPeakIsNoAlertButABreakIs() {
        // eight identical weeks: every Monday 20 is the pattern, nothing to report
        double[] x = weeks(8);
        assertThat(AlertDetection.daily(x, new boolean[x.length], 0)).isEmpty();

        // Tuesday of week 8 (index 7·7 + 1 = 50) has 40 instead of 10. Up to index 49 the series is exactly
        // periodic, so whatever α, β, γ the fit chooses, its level, trend and season stay exact and the one-step
        // forecast for index 50 is the pattern's Tuesday: 10. The residual there (40 − 10 = 30, on the Anscombe scale
        // 2√40.375 − 2√10.375 = 12.708 − 6.442 = 6.27) is the only non-zero one before the spike; it is the outlier.
        x[50] = 40;
        List<AlertDetection.Finding> found = AlertDetection.daily(x, new boolean[x.length], 0);
        assertThat(found).extracting(AlertDetection.Finding::index).containsExactly(50);
        AlertDetection.Finding f = found.get(0);
        assertThat(f.rule()).isEqualTo(AlertRule.WEEKLY_PATTERN);
        assertThat(f.observed()).isEqualTo(40);
        assertThat(f.expected()).isCloseTo(10, within(1e-6));
        assertThat(f.above()).isTrue();
        assertThat(f.lower()).isLessThan(10);
        assertThat(f.upper()).isBetween(10.0, 40.0);
        // the days after the spike: the model's level was pulled up a little (an echo), never an alert
    }

    @Test
    void aDipOnMarkedHolidaysIsNoAlertButTheSameDipOnWorkingDaysIs() {
        // Tuesday to Thursday of week 7 (indices 43, 44, 45) have 1 referral instead of 10
        double[] x = weeks(9);
        x[43] = 1;
        x[44] = 1;
        x[45] = 1;
        List<AlertDetection.Finding> unmarked = AlertDetection.daily(x, new boolean[x.length], 0);
        assertThat(unmarked).extracting(AlertDetection.Finding::index).contains(43);
        assertThat(unmarked).allMatch(f -> !f.above() || f.index() > 45);
        AlertDetection.Finding first = unmarked.get(0);
        // one-step forecast of index 43 from exactly periodic weeks: the pattern's Tuesday, 10
        assertThat(first.expected()).isCloseTo(10, within(1e-6));
        assertThat(first.observed()).isEqualTo(1);

        // the same three days on the holiday calendar: the model sees last week's values instead, nothing is alerted
        boolean[] holidays = new boolean[x.length];
        holidays[43] = true;
        holidays[44] = true;
        holidays[45] = true;
        assertThat(AlertDetection.daily(x, holidays, 0)).isEmpty();
    }

    @Test
    void onlyDaysFromFirstReportedAreReturned() {
        double[] x = weeks(8);
        x[50] = 40;
        assertThat(AlertDetection.daily(x, new boolean[x.length], 51)).isEmpty();
        assertThat(AlertDetection.daily(x, new boolean[x.length], 50)).hasSize(1);
    }

    @Test
    void tooShortForTwoWeeksPlusOneDayGivesNothing() {
        double[] x = new double[14];
        x[13] = 100;
        assertThat(AlertDetection.daily(x, new boolean[14], 0)).isEmpty();
    }

    @Test
    void silenceIsAlertedWhenTenReferralsWereExpected() {
        // 40 days of 2 referrals, then 10 days without. The 28 days before the run are all 2 (and 2 is also their
        // 95th percentile, the cap), so the expected total after k silent days is 2k: it reaches 10 on the 5th silent day, index 40 + 4 = 44.
        // Band 10 ± 1.96·√10 = 10 ± 6.198 = [3.802, 16.198].
        double[] x = new double[50];
        for (int i = 0; i < 40; i++) {
            x[i] = 2;
        }
        List<AlertDetection.Finding> found = AlertDetection.silence(x, new boolean[50], 0);
        assertThat(found).hasSize(1);
        AlertDetection.Finding f = found.get(0);
        assertThat(f.index()).isEqualTo(44);
        assertThat(f.rule()).isEqualTo(AlertRule.SILENCE);
        assertThat(f.observed()).isZero();
        assertThat(f.expected()).isCloseTo(10, within(1e-9));
        assertThat(f.lower()).isCloseTo(3.802, within(0.001));
        assertThat(f.upper()).isCloseTo(16.198, within(0.001));

        // a holiday inside the run does not count: with index 42 marked, the 5th unmarked silent day is index 45
        boolean[] marked = new boolean[50];
        marked[42] = true;
        assertThat(AlertDetection.silence(x, marked, 0)).extracting(AlertDetection.Finding::index).containsExactly(45);

        // one alert per run, reported only from firstReported on
        assertThat(AlertDetection.silence(x, new boolean[50], 45)).isEmpty();
    }

    @Test
    void theWeeksAroundALongHolidayAreNotSilence() {
        // 40 days of 2, then 30 days without; days 50..56 are a 7-day holiday. Its season (14 days either side)
        // covers days 36..70, so the run from day 40 has no counted day at all: no alert. With a 6-day holiday
        // (days 50..55) only those days are skipped and the alert falls on day 44 as before.
        double[] x = new double[70];
        for (int i = 0; i < 40; i++) {
            x[i] = 2;
        }
        boolean[] week = new boolean[70];
        for (int i = 50; i <= 56; i++) {
            week[i] = true;
        }
        assertThat(AlertDetection.silence(x, week, 0)).isEmpty();
        boolean[] sixDays = new boolean[70];
        for (int i = 50; i <= 55; i++) {
            sixDays[i] = true;
        }
        assertThat(AlertDetection.silence(x, sixDays, 0)).extracting(AlertDetection.Finding::index).containsExactly(44);
    }

    @Test
    void aBurstBeforeADryDayDoesNotMakeItSilence() {
        // 200 days of 1 referral, a burst of 7 days of 25 (days 200..206), then 5 dry days. The 95th percentile of the
        // 207 days before the dry run (nearest rank ⌈0.95 · 207⌉ = 197: the 197th smallest) is 1, so the burst days
        // count 1 each and the usual level over the 28 days before is (21 + 7)/28 = 1: 10 dry days are needed, 5 are
        // no alert. (Uncapped, the mean (21 + 175)/28 = 7 would call the 2nd dry day silence.)
        double[] x = new double[212];
        for (int i = 0; i < 207; i++) {
            x[i] = i >= 200 ? 25 : 1;
        }
        assertThat(AlertDetection.usualPerDay(x, new boolean[212], 207)).isCloseTo(1, within(1e-12));
        assertThat(AlertDetection.silence(x, new boolean[212], 0)).isEmpty();
    }

    @Test
    void aQuietChannelIsNotSilentTooSoon() {
        // 0.2 referrals a day (one every 5 days): 10 expected needs 50 silent days; after 20 it is 4, no alert
        double[] x = new double[60];
        for (int i = 0; i < 40; i += 5) {
            x[i] = 1;
        }
        assertThat(AlertDetection.silence(x, new boolean[60], 0)).isEmpty();
    }

    @Test
    void aMonthThatBreaksTheYearIsAlertedUnlessItsHolidaysMoved() {
        // 24 months; the second year repeats the first with small changes and December 60 lower. With fewer than
        // 25 months the expected value is the same month a year earlier (seasonal naive), so the residuals of months
        // 13..24 are the changes: 1, −1, 2, −2, 1, −1, 2, −2, 1, −1, 2, −60.
        // Generalized ESD, step 1: mean = (2 − 60)/12 = −4.833, s = 17.44, R1 = 55.17/17.44 = 3.16 > λ1 = 2.41
        // (n = 12, α = 0.05). Step 2 without −60: mean 0.18, s = 1.60, R2 = 2.18/1.60 = 1.36 < λ2 = 2.36. So one
        // outlier: December of year 2 (index 23), expected = December of year 1 = 150.
        double[] year = {100, 80, 120, 110, 115, 105, 95, 90, 110, 130, 120, 150};
        double[] change = {1, -1, 2, -2, 1, -1, 2, -2, 1, -1, 2, -60};
        double[] x = new double[24];
        for (int i = 0; i < 12; i++) {
            x[i] = year[i];
            x[12 + i] = year[i] + change[i];
        }
        List<AlertDetection.Finding> found = AlertDetection.monthly(x, new boolean[24], 0);
        assertThat(found).hasSize(1);
        AlertDetection.Finding f = found.get(0);
        assertThat(f.index()).isEqualTo(23);
        assertThat(f.rule()).isEqualTo(AlertRule.YEARLY_PATTERN);
        assertThat(f.observed()).isEqualTo(90);
        assertThat(f.expected()).isCloseTo(150, within(1e-9));
        assertThat(f.above()).isFalse();

        // the Spring Festival moved into that month (marked): not an alert
        boolean[] moved = new boolean[24];
        moved[23] = true;
        assertThat(AlertDetection.monthly(x, moved, 0)).isEmpty();
    }

    @Test
    void anscombeTransformGoesBackExactly() {
        // 2√(10 + 3/8) = 6.4420; back: (6.4420/2)² − 3/8 = 10
        assertThat(AlertDetection.anscombe(10)).isCloseTo(6.44205, within(1e-5));
        assertThat(AlertDetection.back(AlertDetection.anscombe(10))).isCloseTo(10, within(1e-12));
        assertThat(AlertDetection.back(0.5)).isZero();
    }
}
