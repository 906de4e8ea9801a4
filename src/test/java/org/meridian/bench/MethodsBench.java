package org.meridian.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.meridian.allocation.method.BoundedAllocation;
import org.meridian.allocation.method.Inequality;
import org.meridian.efficiency.method.Dea;
import org.meridian.efficiency.method.DeaData;
import org.meridian.efficiency.method.DeaModel;
import org.meridian.efficiency.method.Malmquist;
import org.meridian.efficiency.method.Orientation;
import org.meridian.insight.alert.AlertDetection;
import org.meridian.insight.method.Ahp;
import org.meridian.insight.method.Direction;
import org.meridian.insight.method.HoltWinters;
import org.meridian.insight.method.Normalization;
import org.meridian.insight.method.Topsis;

/**
 * The {@code methods} mode of {@code ./bench}: the analytical methods alone, in this JVM, on generated data of the
 * sizes the issues name (AHP 15 × 15, TOPSIS 1,000 × 20, a 144-point Holt-Winters fit, forecasts for 5,000 series × 36
 * months, the alert scan's detection for 5,000 channels × 730 days, DEA CCR and BCC with super-efficiency for
 * 1,000 units × 4 inputs × 4 outputs, Malmquist for 1,000 units over 5 periods, Gini/Theil and an allocation of
 * 10,000 units). What each figure includes and leaves out is printed beside it: the calculator's HTTP round trip and
 * the database reads of the stored features are not in these figures.
 * <p>
 * Each measurement runs once; what takes under three CPU seconds was the start of a warm-up of two CPU seconds (at most
 * 200 runs: the just-in-time compiler needs a few dozen runs of a 20 ms method) and runs {@code repeat} times more; the
 * first (cold) run's time is printed beside it. Printed:
 * the best and the median wall-clock time, and the median CPU time of the measuring thread. The target is judged on
 * the CPU time, so that a figure taken while other work shares the two cores still says what one quiet core takes
 * (the wall-clock time says what this run saw). The data come from a fixed seed, so two runs compute the same
 * thing.
 */
final class MethodsBench {

    /** Wall-clock and CPU seconds of the measuring thread; the target is judged on CPU time (see the class doc). */
    record Figure(String what, double bestSeconds, double medianSeconds, double cpuSeconds, double targetSeconds,
            String note) {

        boolean met() {
            return cpuSeconds < targetSeconds;
        }
    }

    /** CPU seconds above which the first run is the measurement; below, it was the warm-up. */
    private static final double SLOW = 3;
    /** CPU seconds of warm-up runs (the first included) before the timed runs of quicker work. */
    private static final double WARM = 2;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int repeat;
    private final Consumer<String> out;
    private final List<Figure> figures = new ArrayList<>();
    private final String only;
    private Object sink;

    /** @param only measure only what names this (e.g. {@code DEA}); null for everything */
    MethodsBench(int repeat, String only, Consumer<String> out) {
        this.repeat = Math.max(1, repeat);
        this.only = only == null || only.isBlank() ? null : only;
        this.out = out;
    }

    List<Figure> run() {
        out.accept("");
        out.accept("METHODS  in-process, one thread, fixed seed; under 3 CPU s: a warm-up of 2 CPU s then " + repeat + " timed runs"
                + " (best / median), else one run; targets judged on CPU seconds");
        out.accept("  what                                                          wall best  wall med   CPU med   target");
        ahp();
        topsis();
        holtWinters();
        forecasts();
        alertScan();
        dea();
        malmquist();
        allocation();
        return figures;
    }

    private static String seconds(double s) {
        return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%.0f s", s);
    }

    /**
     * Runs the work once; what takes over {@link #SLOW} CPU seconds is measured by that run alone, anything quicker
     * was the warm-up and runs {@code repeat} times more. Each figure is printed as soon as it is taken.
     */
    private <T> void time(String what, double target, String note, Supplier<T> work) {
        if (only != null && !what.contains(only)) {
            return;
        }
        List<double[]> runs = new ArrayList<>(); // {wall, cpu}
        double[] first = once(work);
        runs.add(first);
        String cold = "";
        if (first[1] <= SLOW) {
            // the warm-up: the first run, then more until WARM CPU seconds are spent (at most 200 runs), so that the
            // just-in-time compiler has compiled the method's loops before the timed runs (a run of 20 ms measured
            // 300 ms first, then 130–150 ms for about ten runs, then 20 ms)
            double spent = first[1];
            for (int i = 0; i < 200 && spent < WARM; i++) {
                spent += once(work)[1];
            }
            runs.clear();
            for (int i = 0; i < repeat; i++) {
                runs.add(once(work));
            }
            cold = String.format(Locale.ROOT, "; first run %s", seconds(first[0]));
        }
        if (sink == null) {
            throw new IllegalStateException(what + " computed nothing");
        }
        double[] wall = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] cpu = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        Figure f = new Figure(what, wall[0], wall[wall.length / 2], cpu[cpu.length / 2], target, note);
        figures.add(f);
        out.accept(String.format(Locale.ROOT, "  %-62s %9.4f %9.4f %9.4f   < %-6s %-7s  %s%s", f.what(), f.bestSeconds(),
                f.medianSeconds(), f.cpuSeconds(), seconds(f.targetSeconds()), f.met() ? "met" : "NOT MET", f.note(),
                cold));
    }

    private <T> double[] once(Supplier<T> work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        sink = work.get();
        return new double[] {(System.nanoTime() - t) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9};
    }

    /** A consistent-ish 15 × 15 pairwise matrix on Saaty's scale, reciprocals filled in. */
    private void ahp() {
        Random r = new Random(15);
        int n = Ahp.MAX_N;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 + r.nextInt(9);
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                double x = w[i] >= w[j] ? saaty(w[i] / w[j]) : 1.0 / saaty(w[j] / w[i]);
                a[i][j] = x;
                a[j][i] = 1 / x;
            }
        }
        time("AHP 15 x 15, eigenvector, lambda max, CI, CR", 0.050, "method only (calculator target 50 ms)",
                () -> Ahp.weigh(a, Ahp.Priority.EIGENVECTOR, Ahp.RandomIndex.SAATY_1980));
    }

    /** The nearest judgement 1..9 to a ratio of at least 1. */
    private static double saaty(double ratio) {
        return Math.max(1, Math.min(9, Math.round(ratio)));
    }

    private void topsis() {
        Random r = new Random(20);
        double[][] x = new double[1000][20];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 1 + 99 * r.nextDouble();
            }
        }
        double[] weights = new double[20];
        Arrays.fill(weights, 1.0 / 20);
        List<Direction> directions = new ArrayList<>(Collections.nCopies(20, Direction.BENEFIT));
        directions.set(3, Direction.COST);
        time("TOPSIS 1,000 x 20, vector normalisation", 0.050, "method only (calculator target 50 ms)",
                () -> Topsis.rank(x, weights, directions, Normalization.VECTOR));
    }

    /** A monthly series with trend, yearly season and noise, all positive. */
    private static double[] monthly(Random r, int months, double base) {
        double[] x = new double[months];
        for (int t = 0; t < months; t++) {
            x[t] = base * (1 + 0.01 * t) * (1 + 0.25 * Math.sin(2 * Math.PI * t / 12)) * (0.9 + 0.2 * r.nextDouble());
        }
        return x;
    }

    private void holtWinters() {
        double[] x = monthly(new Random(144), 144, 200);
        time("Holt-Winters 144 months, alpha beta gamma optimised, 12 ahead", 0.050,
                "method only (calculator target 50 ms)",
                () -> HoltWinters.fit(x, 12, HoltWinters.Seasonal.ADDITIVE, null, null, null, 12, 0.95));
    }

    private void forecasts() {
        Random r = new Random(5000);
        double[][] series = new double[5000][];
        for (int i = 0; i < series.length; i++) {
            series[i] = monthly(r, 36, 20 + r.nextInt(400));
        }
        time("forecasts 5,000 series x 36 months, optimised, 6 ahead, 95 %", 10, "fits only, one thread; no reads or"
                + " writes", () -> {
                    double sum = 0;
                    for (double[] x : series) {
                        sum += HoltWinters.fit(x, 12, HoltWinters.Seasonal.ADDITIVE, null, null, null, 6, 0.95)
                                .forecast().get(0).mean();
                    }
                    return sum;
                });
    }

    private void alertScan() {
        Random r = new Random(730);
        int channels = 5000;
        int days = 730;
        double[][] daily = new double[channels][days];
        double[][] months = new double[channels][24];
        boolean[] dayMarks = new boolean[days];
        for (int d = 0; d < days; d += 61) {
            dayMarks[d] = true; // a holiday now and then
        }
        boolean[] monthMarks = new boolean[24];
        for (int c = 0; c < channels; c++) {
            double level = 2 + r.nextInt(40);
            for (int d = 0; d < days; d++) {
                double weekday = d % 7 >= 5 ? 0.4 : 1.0;
                daily[c][d] = Math.round(level * weekday * (0.7 + 0.6 * r.nextDouble()));
                months[c][d / 31 % 24] += daily[c][d];
            }
            if (c % 50 == 0) {
                daily[c][days - 3] *= 6; // a burst
            }
        }
        time("alert detection 5,000 channels x 730 days + 24 months", 10, "detection only, one thread; no reads of"
                + " the rollups", () -> {
                    int found = 0;
                    for (int c = 0; c < channels; c++) {
                        found += AlertDetection.daily(daily[c], dayMarks, 0).size();
                        found += AlertDetection.monthly(months[c], monthMarks, 0).size();
                        found += AlertDetection.silence(daily[c], dayMarks, 0).size();
                    }
                    return found;
                });
    }

    private static double[][] matrix(Random r, int rows, int cols, double from, double to) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = from + (to - from) * r.nextDouble();
            }
        }
        return m;
    }

    private void dea() {
        Random r = new Random(1000);
        DeaData data = new DeaData(matrix(r, 1000, 4, 10, 100), matrix(r, 1000, 4, 10, 100));
        for (DeaModel model : DeaModel.values()) {
            time("DEA " + model + " input-oriented, 1,000 units x 4 x 4", 5, "with two-phase slacks",
                    () -> Dea.evaluate(data, model, Orientation.INPUT, false));
            time("DEA " + model + " super-efficiency, 1,000 units x 4 x 4", 5, "",
                    () -> Dea.evaluate(data, model, Orientation.INPUT, true));
        }
    }

    private static List<List<Double>> rows(double[][] m) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : m) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }

    private void malmquist() {
        Random r = new Random(5);
        List<Malmquist.Period> periods = new ArrayList<>();
        double[][] x = matrix(r, 1000, 4, 10, 100);
        double[][] y = matrix(r, 1000, 4, 10, 100);
        for (int p = 0; p < 5; p++) {
            for (double[] row : y) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 0.95 + 0.15 * r.nextDouble();
                }
            }
            periods.add(new Malmquist.Period(rows(x), rows(y)));
        }
        time("Malmquist 1,000 units x 4 x 4 over 5 periods", 20, "input-oriented, with its decomposition",
                () -> Malmquist.evaluate(periods, Orientation.INPUT));
    }

    private void allocation() {
        Random r = new Random(10_000);
        int n = 10_000;
        List<BigDecimal> demand = new ArrayList<>();
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> caps = new ArrayList<>();
        List<BigDecimal> previous = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> populations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            demand.add(BigDecimal.valueOf(1 + r.nextInt(1000)));
            floors.add(new BigDecimal("500.00"));
            caps.add(new BigDecimal("20000.00"));
            previous.add(BigDecimal.valueOf(5000 + r.nextInt(5000)));
            values.add(1.0 + r.nextInt(1000));
            populations.add(100.0 + r.nextInt(10_000));
        }
        BigDecimal budget = new BigDecimal("75000000.00");
        time("allocation of 10,000 units to the fen, floors, caps, pace", 0.100, "bounded proportional",
                () -> BoundedAllocation.allocate(budget, demand, floors, caps, previous, new BigDecimal("0.5"), "CNY"));
        time("Gini, Theil T and L, Lorenz of 10,000 units", 0.100, "per population",
                () -> Inequality.measure(values, populations, null, null, null));
    }

    /** Runs the mode alone: {@code java ... MethodsBench [repeat [only]]}. */
    public static void main(String[] args) {
        new MethodsBench(args.length > 0 ? Integer.parseInt(args[0]) : 5, args.length > 1 ? args[1] : null,
                System.out::println).run();
    }
}
