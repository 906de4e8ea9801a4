package org.meridian.insight.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.meridian.insight.method.HoltWinters;
import org.meridian.insight.method.Outliers;

/**
 * The three rules of the alert scan (异常预警), on one channel's series of one measure. Plain Java: the scan reads the
 * series and the holiday calendar and hands them here.
 * <ul>
 * <li>{@link AlertRule#WEEKLY_PATTERN} (a day): the daily counts, with every marked day (法定节假日 or 调休 working
 * day) replaced by the value seven days earlier, so the model never learns a holiday, are made near-normal with
 * Anscombe's transform z = 2√(x + 3/8) (Anscombe, <i>Biometrika</i> 35, 1948: for Poisson counts the variance of z is
 * close to 1 whatever the mean, so a quiet channel's "5 instead of 1" does not look like a break). The
 * seasonal-aware detection {@link Outliers.Rule#SEASONAL_ESD} runs on z with period 7 (Holt-Winters with optimised
 * parameters, generalized ESD on the one-step residuals at α = 0.05, up to 20 outliers and one in five residuals).
 * A flagged day that is marked is not an alert, nor one within one count of its expected value or inside its band
 * (the ESD on an exactly regular series flags rounding noise). Expected value and band are turned back into counts by x = (z/2)² − 3/8 (0 at least).</li>
 * <li>{@link AlertRule#YEARLY_PATTERN} (a month): the same detection with period 12 on the complete months' counts
 * as they are (not transformed: a month's count is large enough); Holt-Winters needs 25 months, before that the
 * seasonal naive forecast (the same month a year earlier) gives the expected value. A month whose number of
 * holiday days differs by 3 or more from the same month a year earlier (the Spring Festival moves between January
 * and February) is marked and not alerted.</li>
 * <li>{@link AlertRule#SILENCE} (a day, referrals): a run of days without any count. Its expected total is the usual
 * count per day before the run ({@link #usualPerDay}: the mean of the unmarked days among the 28 before it, each
 * capped at the 95th percentile of the year before) times the unmarked days of the run so far; the alert falls on the
 * first day on which that reaches {@link #SILENCE_EXPECTED} = 10 (a Poisson count with mean 10 is 0 with probability
 * e^−10 ≈ 0.00005). Its band is expected ± 1.96·√expected (at least 0). Needs 14 unmarked days before the run.
 * The 14 days before and after a long holiday (7 or more marked days in a row: the Spring Festival, National Day)
 * count as marked here: a small channel's quiet weeks around them are custom.</li>
 * </ul>
 * <b>Echoes.</b> One-step forecasts follow what they saw: after a burst the expected value stays high for a while,
 * and a seasonal forecast repeats last period's burst. So a finding in the opposite direction of a finding up to 7
 * days (daily) or 2 months (monthly) before it, or exactly one period (7 days, 12 months) before it, is the model's
 * echo and not an alert.
 * <p>Only findings at an index ≥ {@code firstReported} are returned (the earlier values are history); the model
 * always sees the whole series. A series too short for the rule returns nothing: under two periods plus one value
 * for the pattern rules.
 */
public final class AlertDetection {

    /** α of the generalized ESD on the residuals. */
    public static final double ALPHA = 0.05;
    /** Most outliers the ESD looks for in one series (and at most one in five of its residuals). */
    public static final int MAX_OUTLIERS = 20;
    /** A finding must differ from its expected value by at least this many (one referral or arrival). */
    public static final double MIN_DIFFERENCE = 1;
    /** The expected count of a silent run at which it becomes an alert. */
    public static final double SILENCE_EXPECTED = 10;
    /** Days before a silent run that give its usual level. */
    public static final int SILENCE_BASELINE_DAYS = 28;
    /** Consecutive marked days that make a long holiday (its season is not counted by the silence rule). */
    public static final int LONG_HOLIDAY = 7;
    /** Days before and after a long holiday that the silence rule does not count. */
    public static final int SEASON_DAYS = 14;
    /** Months whose holiday days differ by this many from the year before are marked. */
    public static final int HOLIDAY_SHIFT_DAYS = 3;

    private AlertDetection() {
    }

    /** A value that broke its pattern: position in the series, observed, expected with its band, and the rule. */
    public record Finding(int index, double observed, double expected, double lower, double upper, AlertRule rule) {

        public boolean above() {
            return observed > expected;
        }
    }

    /** {@link AlertRule#WEEKLY_PATTERN} on daily counts (marked[i]: a holiday or 调休 working day). */
    public static List<Finding> daily(double[] counts, boolean[] marked, int firstReported) {
        int f = 7;
        if (counts.length < 2 * f + 1) {
            return List.of();
        }
        double[] z = new double[counts.length];
        double[] model = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            model[i] = marked[i] && i >= f ? model[i - f] : counts[i];
            z[i] = anscombe(model[i]);
        }
        Outliers.Result r = Outliers.detect(z, Outliers.Rule.SEASONAL_ESD,
                new Outliers.Options(ALPHA, maxOutliers(counts.length, f), null, f, HoltWinters.Seasonal.ADDITIVE, null));
        List<Finding> all = new ArrayList<>();
        for (int i : r.outliers()) {
            all.add(new Finding(i, counts[i], back(r.expected()[i]), back(r.lower()[i]), back(r.upper()[i]),
                    AlertRule.WEEKLY_PATTERN));
        }
        return kept(all, marked, firstReported, f, f);
    }

    /** {@link AlertRule#YEARLY_PATTERN} on the counts of complete months (marked[i]: the holidays moved). */
    public static List<Finding> monthly(double[] counts, boolean[] marked, int firstReported) {
        int f = 12;
        if (counts.length < f + 3) {
            return List.of();
        }
        Outliers.Result r = Outliers.detect(counts, Outliers.Rule.SEASONAL_ESD,
                new Outliers.Options(ALPHA, maxOutliers(counts.length, f), null, f, HoltWinters.Seasonal.ADDITIVE, null));
        List<Finding> all = new ArrayList<>();
        for (int i : r.outliers()) {
            all.add(new Finding(i, counts[i], r.expected()[i], Math.max(0, r.lower()[i]), r.upper()[i],
                    AlertRule.YEARLY_PATTERN));
        }
        return kept(all, marked, firstReported, 2, f);
    }

    /** {@link AlertRule#SILENCE} on daily counts. */
    public static List<Finding> silence(double[] counts, boolean[] holidays, int firstReported) {
        boolean[] marked = holidaySeason(holidays);
        List<Finding> found = new ArrayList<>();
        int i = 0;
        while (i < counts.length) {
            if (counts[i] != 0 || marked[i]) {
                i++;
                continue;
            }
            int start = i;
            double perDay = usualPerDay(counts, marked, start);
            int silent = 0;
            boolean raised = false;
            for (; i < counts.length && (counts[i] == 0 || marked[i]); i++) {
                if (marked[i]) {
                    continue;
                }
                silent++;
                double expected = perDay * silent;
                if (!raised && perDay > 0 && expected >= SILENCE_EXPECTED) {
                    raised = true;
                    if (i >= firstReported) {
                        double half = 1.96 * Math.sqrt(expected);
                        found.add(new Finding(i, 0, expected, Math.max(0, expected - half), expected + half,
                                AlertRule.SILENCE));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The marked days, and the {@value #SEASON_DAYS} days before and after every {@value #LONG_HOLIDAY} or more
     * consecutive marked days (the Spring Festival, National Day): people travel home before and stay after, so a
     * small channel's quiet weeks then are custom, not silence.
     */
    static boolean[] holidaySeason(boolean[] marked) {
        boolean[] season = marked.clone();
        int i = 0;
        while (i < marked.length) {
            if (!marked[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < marked.length && marked[i]) {
                i++;
            }
            if (i - start >= LONG_HOLIDAY) {
                for (int k = Math.max(0, start - SEASON_DAYS); k < Math.min(marked.length, i + SEASON_DAYS); k++) {
                    season[k] = true;
                }
            }
        }
        return season;
    }

    /**
     * At most one outlier in five residuals (n − f of them), and {@link #MAX_OUTLIERS}: the generalized ESD's last
     * steps on a handful of values left would flag ordinary ones (Rosner advises r well below n).
     */
    static int maxOutliers(int n, int f) {
        return Math.max(1, Math.min(MAX_OUTLIERS, (n - f) / 5));
    }

    /**
     * The usual referrals per day before a silent run starting at {@code start}: the mean over the unmarked days among
     * the 28 before it (at least 14 of them, else 0), each day's count capped at the 95th percentile (nearest rank) of
     * the unmarked days of the year before the run, so that a burst in those weeks does not raise the usual level and
     * make the ordinary days after it look silent.
     */
    static double usualPerDay(double[] counts, boolean[] marked, int start) {
        List<Double> year = new ArrayList<>();
        for (int k = Math.max(0, start - 365); k < start; k++) {
            if (!marked[k]) {
                year.add(counts[k]);
            }
        }
        if (year.isEmpty()) {
            return 0;
        }
        year.sort(null);
        double cap = year.get((int) Math.ceil(0.95 * year.size()) - 1);
        double sum = 0;
        int days = 0;
        for (int k = Math.max(0, start - SILENCE_BASELINE_DAYS); k < start; k++) {
            if (!marked[k]) {
                sum += Math.min(counts[k], cap);
                days++;
            }
        }
        return days >= SILENCE_BASELINE_DAYS / 2 ? sum / days : 0;
    }

    /** z = 2√(x + 3/8). */
    static double anscombe(double x) {
        return 2 * Math.sqrt(Math.max(0, x) + 0.375);
    }

    /** x = (z/2)² − 3/8, at least 0 (z below 2√(3/8) means no count). */
    static double back(double z) {
        double h = Math.max(z, 0) / 2;
        return Math.max(0, h * h - 0.375);
    }

    /**
     * Drops marked values, echoes (the opposite direction up to {@code span} values after a finding, or exactly one
     * period after it) and history.
     */
    private static List<Finding> kept(List<Finding> all, boolean[] marked, int firstReported, int span, int period) {
        List<Finding> sorted = all.stream()
                .filter(f -> Math.abs(f.observed() - f.expected()) >= MIN_DIFFERENCE
                        && (f.observed() < f.lower() || f.observed() > f.upper()))
                .sorted(Comparator.comparingInt(Finding::index)).toList();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : sorted) {
            boolean echo = sorted.stream().anyMatch(e -> e.above() != f.above()
                    && (e.index() < f.index() && e.index() >= f.index() - span || e.index() == f.index() - period));
            if (!echo && !marked[f.index()] && f.index() >= firstReported) {
                kept.add(f);
            }
        }
        return kept;
    }
}
