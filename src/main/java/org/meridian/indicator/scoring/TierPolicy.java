package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.meridian.shared.problem.Problem;

/**
 * Tier thresholds (分级阈值, engine.md §4): (tier, minimum total) pairs, at least one, tier codes unique,
 * minimums strictly descending. A rounded total gets the first tier whose minimum it reaches; below the lowest
 * minimum is {@value #BELOW}; a null total is {@value #UNRATED}. Neither may be named in the thresholds.
 */
public record TierPolicy(List<Threshold> thresholds) {

    public static final String BELOW = "D";
    public static final String UNRATED = "UNRATED";
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_+\\-]{1,16}");

    /** The default thresholds: A ≥ 85, B ≥ 70, C ≥ 55. */
    public static TierPolicy standard() {
        return new TierPolicy(List.of(new Threshold("A", BigDecimal.valueOf(85)),
                new Threshold("B", BigDecimal.valueOf(70)), new Threshold("C", BigDecimal.valueOf(55))));
    }

    /** One threshold: totals of at least {@code minTotal} (rounded to 2 decimals) are {@code tier}. */
    public record Threshold(String tier, BigDecimal minTotal) {
        public Threshold {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(minTotal, "minTotal");
        }
    }

    public TierPolicy {
        thresholds = List.copyOf(thresholds);
        List<Problem> p = check(thresholds.stream().map(Threshold::tier).toList(),
                thresholds.stream().map(Threshold::minTotal).toList());
        if (!p.isEmpty()) {
            throw new InvalidSchemeException(p);
        }
    }

    /** Every problem of the given tiers and minimums (nulls allowed: reported as missing). Fields: tiers[i]…. */
    static List<Problem> check(List<String> tiers, List<BigDecimal> minimums) {
        List<Problem> p = new ArrayList<>();
        if (tiers.isEmpty()) {
            p.add(ScoringProblem.of("tiers", "noTiers"));
        }
        Set<String> seen = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            String t = tiers.get(i);
            String f = "tiers[" + i + "]";
            if (t == null || t.isBlank()) {
                p.add(ScoringProblem.of(f + ".tier", "required"));
            } else if (t.equalsIgnoreCase(BELOW) || t.equalsIgnoreCase(UNRATED)) {
                p.add(ScoringProblem.of(f + ".tier", "tierReserved", t));
            } else if (!CODE.matcher(t).matches()) {
                p.add(ScoringProblem.of(f + ".tier", "tierCode", t));
            } else if (!seen.add(t)) {
                p.add(ScoringProblem.of(f + ".tier", "tierTwice", t));
            }
            BigDecimal m = minimums.get(i);
            if (m == null) {
                p.add(ScoringProblem.of(f + ".minTotal", "required"));
                continue;
            }
            if (m.signum() < 0 || m.compareTo(ScoringRule.HUNDRED) > 0) {
                p.add(ScoringProblem.of(f + ".minTotal", "minTotalRange", m.toPlainString()));
            }
            if (previous != null && m.compareTo(previous) >= 0) {
                p.add(ScoringProblem.of(f + ".minTotal", "tiersNotDescending", m.toPlainString(), previous.toPlainString()));
            }
            previous = m;
        }
        return p;
    }

    /** The tier of a total already rounded half-up to 2 decimals; {@value #UNRATED} for null. */
    public String tierOf(BigDecimal roundedTotal) {
        if (roundedTotal == null) {
            return UNRATED;
        }
        for (Threshold t : thresholds) {
            if (roundedTotal.compareTo(t.minTotal()) >= 0) {
                return t.tier();
            }
        }
        return BELOW;
    }
}
