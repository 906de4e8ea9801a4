package org.meridian.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.meridian.shared.Period;

/**
 * How the region's yearly ranking of performance and brand (年度绩效与品牌排名) makes a year of the published periods of
 * one institution type. Plain Java.
 * <ul>
 * <li><b>The periods of a year</b>: of the periods published in year Y, those of the longest kind — the yearly
 * evaluation when there is one, else the halves, else the quarters, else the months; never two kinds together, so no
 * month counts twice (once alone, once in its quarter), and a longer period is already combined by the scheme itself
 * (its visits added up before the rates are taken).</li>
 * <li><b>An institution's year</b>, on each axis apart (performance 绩效; brand index 品牌指数, docs/evaluations.md):
 * the arithmetic mean of its unrounded values over the periods in which it has one, rounded half-up to 2 decimals
 * once, at the end. Every period weighs the same (they are of one kind).</li>
 * <li><b>Missing periods</b>: an institution without a value in a period (not scored then, or without the data of
 * the axis) keeps its mean over the periods it has, shown with their number ("2 / 3"), but is <b>not ranked</b> on
 * that axis: a mean over fewer periods is not compared with a whole year. With no value at all its mean is null.</li>
 * <li><b>The rank</b> on an axis: among the institutions with a value in every period, by the rounded mean, highest
 * first; equal means share a rank and the next skips (1, 1, 3). The two axes are ranked independently.</li>
 * </ul>
 * An empty list of periods gives no entries.
 */
public final class YearlyCombination {

    private YearlyCombination() {
    }

    /** An institution's performance and brand index in one published period; either may be null (no value). */
    public record Scores(String institution, BigDecimal performance, BigDecimal brand) {
    }

    /** One published period with its institutions' scores. */
    public record PeriodScores(Period period, List<Scores> scores) {
        public PeriodScores {
            scores = List.copyOf(scores);
        }
    }

    /**
     * An institution's year on one axis: its mean (2 decimals; null without any value), the number of periods with a
     * value, and its rank (null when it misses a period).
     */
    public record Axis(BigDecimal mean, int periods, Integer rank) {
    }

    /** An institution's year on both axes. */
    public record Entry(String institution, Axis performance, Axis brand) {
    }

    /** The periods of {@code year} that make it, of the longest kind among {@code published}, in order. */
    public static List<Period> periodsOfYear(Collection<Period> published, int year) {
        List<Period> inYear = published.stream().filter(p -> p.year() == year).toList();
        return inYear.stream().map(Period::kind).max(Comparator.comparingInt(Period.Kind::months))
                .map(kind -> List.copyOf(new TreeSet<>(inYear.stream().filter(p -> p.kind() == kind).toList())))
                .orElse(List.of());
    }

    /**
     * Every institution scored in any of the periods, with its year on both axes; ordered by performance rank (those
     * not ranked last), then brand rank, then code.
     */
    public static List<Entry> combine(List<PeriodScores> periods) {
        Map<String, List<Scores>> byInstitution = new LinkedHashMap<>();
        for (PeriodScores p : periods) {
            for (Scores s : p.scores()) {
                byInstitution.computeIfAbsent(s.institution(), k -> new ArrayList<>()).add(s);
            }
        }
        int n = periods.size();
        Map<String, Axis> performance = axis(byInstitution, Scores::performance, n);
        Map<String, Axis> brand = axis(byInstitution, Scores::brand, n);
        List<Entry> entries = new ArrayList<>();
        byInstitution.keySet().forEach(code -> entries.add(new Entry(code, performance.get(code), brand.get(code))));
        Comparator<Integer> rank = Comparator.nullsLast(Comparator.naturalOrder());
        entries.sort(Comparator.comparing((Entry e) -> e.performance().rank(), rank)
                .thenComparing(e -> e.brand().rank(), rank).thenComparing(Entry::institution));
        return entries;
    }

    private static Map<String, Axis> axis(Map<String, List<Scores>> byInstitution,
                                          Function<Scores, BigDecimal> value, int periods) {
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        byInstitution.forEach((code, scores) -> {
            List<BigDecimal> values = scores.stream().map(value).filter(v -> v != null).toList();
            counts.put(code, values.size());
            means.put(code, values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP));
        });
        List<String> ranked = means.keySet().stream().filter(c -> means.get(c) != null && counts.get(c) == periods)
                .sorted(Comparator.comparing(means::get).reversed()).toList();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            boolean tie = i > 0 && means.get(ranked.get(i)).compareTo(means.get(ranked.get(i - 1))) == 0;
            ranks.put(ranked.get(i), tie ? ranks.get(ranked.get(i - 1)) : i + 1);
        }
        Map<String, Axis> axes = new LinkedHashMap<>();
        means.forEach((code, mean) -> axes.put(code, new Axis(mean, counts.get(code), ranks.get(code))));
        return axes;
    }
}
