package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
            p.add(Problem.of("tiers", "noTiers", "at least one tier threshold is required"));
        }
        Set<String> seen = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            String t = tiers.get(i);
            String f = "tiers[" + i + "]";
            if (t == null || t.isBlank()) {
                p.add(Problem.of(f + ".tier", "required", "is required"));
            } else if (t.equalsIgnoreCase(BELOW) || t.equalsIgnoreCase(UNRATED)) {
                p.add(Problem.of(f + ".tier", "tierReserved", "tier '" + t + "' is reserved: below the lowest "
                        + "threshold is D, a total without data is UNRATED", t));
            } else if (!CODE.matcher(t).matches()) {
                p.add(Problem.of(f + ".tier", "tierCode", "tier '" + t + "' must be 1–16 letters, digits, _, + or -",
                        t));
            } else if (!seen.add(t)) {
                p.add(Problem.of(f + ".tier", "tierTwice", "tier '" + t + "' is named twice", t));
            }
            BigDecimal m = minimums.get(i);
            if (m == null) {
                p.add(Problem.of(f + ".minTotal", "required", "is required"));
                continue;
            }
            if (m.signum() < 0 || m.compareTo(ScoringRule.HUNDRED) > 0) {
                p.add(Problem.of(f + ".minTotal", "minTotalRange", "minimum total " + m.toPlainString()
                        + " is outside 0–100", m.toPlainString()));
            }
            if (previous != null && m.compareTo(previous) >= 0) {
                p.add(Problem.of(f + ".minTotal", "tiersNotDescending", "minimum total " + m.toPlainString()
                        + " is not below the one before (" + previous.toPlainString() + "); minimums must be "
                        + "strictly descending", m.toPlainString(), previous.toPlainString()));
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
