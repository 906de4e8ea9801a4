package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.meridian.shared.UnitType;
import org.meridian.shared.web.InputNumbers;
import org.meridian.shared.problem.Problem;

/**
 * Scheme content as submitted (the shape of {@code PUT /api/v1/schemes/{unitType}}), not yet checked.
 * {@link #toSnapshot} checks everything at once and either returns the scheme or throws
 * {@link InvalidSchemeException} listing every problem with its field path.
 */
public record SchemeDraft(List<Item> indicators, List<Tier> tiers) {

    /** One indicator line: its catalogue code, weight and scoring rule. */
    public record Item(String code, BigDecimal weight, Scoring scoring) {
    }

    /**
     * A scoring rule as submitted: {@code method} {@code LINEAR} (with {@code zero}, {@code full}), {@code BANDS}
     * (with {@code bands} as [threshold, score] pairs) or {@code PEER_RANK}.
     */
    public record Scoring(String method, BigDecimal zero, BigDecimal full, List<List<BigDecimal>> bands) {

        public static Scoring of(ScoringRule rule) {
            if (rule instanceof ScoringRule.Linear l) {
                return new Scoring(l.method(), l.zero(), l.full(), null);
            }
            if (rule instanceof ScoringRule.Bands b) {
                return new Scoring(b.method(), null, null,
                        b.bands().stream().map(x -> List.of(x.threshold(), x.score())).toList());
            }
            return new Scoring(rule.method(), null, null, null);
        }
    }

    /** One tier threshold as submitted. */
    public record Tier(String tier, BigDecimal minTotal) {
    }

    /** The draft of a saved scheme (for showing it in the API's shape or in the editor). */
    public static SchemeDraft of(SchemeSnapshot scheme) {
        return new SchemeDraft(
                scheme.items().stream().map(i -> new Item(i.code(), i.weight(), Scoring.of(i.rule()))).toList(),
                scheme.tiers().thresholds().stream().map(t -> new Tier(t.tier(), t.minTotal())).toList());
    }

    /** Every problem of this draft against the catalogue; empty when it can be saved. */
    public List<Problem> problems(Function<String, Optional<IndicatorDefinition>> catalogue) {
        List<Problem> problems = new ArrayList<>();
        build(catalogue, problems);
        return problems;
    }

    /**
     * The scheme this draft describes, with the catalogue's indicator definitions copied in.
     *
     * @throws InvalidSchemeException listing every problem
     */
    public SchemeSnapshot toSnapshot(Function<String, Optional<IndicatorDefinition>> catalogue, UnitType unitType,
                                     int version, Instant savedAt, String savedBy) {
        List<Problem> problems = new ArrayList<>();
        Built built = build(catalogue, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSchemeException(problems);
        }
        return new SchemeSnapshot(unitType, version, savedAt, savedBy, built.items(), built.tiers());
    }

    private record Built(List<SchemeItem> items, TierPolicy tiers) {
    }

    private Built build(Function<String, Optional<IndicatorDefinition>> catalogue, List<Problem> problems) {
        List<SchemeItem> items = new ArrayList<>();
        List<Item> lines = indicators == null ? List.of() : indicators;
        if (lines.isEmpty()) {
            problems.add(ScoringProblem.of("indicators", "noIndicators"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String f = "indicators[" + i + "]";
            Item line = lines.get(i);
            if (line == null) {
                problems.add(ScoringProblem.of(f, "required"));
                continue;
            }
            IndicatorDefinition indicator = null;
            if (line.code() == null || line.code().isBlank()) {
                problems.add(ScoringProblem.of(f + ".code", "required"));
            } else if (!seen.add(line.code())) {
                problems.add(ScoringProblem.of(f + ".code", "indicatorTwice", line.code()));
            } else {
                indicator = catalogue.apply(line.code()).orElse(null);
                if (indicator == null) {
                    problems.add(ScoringProblem.of(f + ".code", "unknownIndicator", line.code()));
                }
            }
            boolean weightOk = false;
            if (line.weight() == null) {
                problems.add(ScoringProblem.of(f + ".weight", "required"));
            } else if (!bounded(line.weight(), f + ".weight", problems)) {
                // named by bounded
            } else if (line.weight().signum() <= 0) {
                problems.add(ScoringProblem.of(f + ".weight", "weightNotPositive", line.weight().toPlainString()));
            } else {
                weightOk = true;
            }
            ScoringRule rule = rule(line.scoring(), indicator, f + ".scoring", problems);
            if (indicator != null && weightOk && rule != null) {
                items.add(new SchemeItem(indicator, line.weight(), rule));
            }
        }
        List<Tier> ts = tiers == null ? List.of() : tiers;
        boolean tiersBounded = true;
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i) != null && ts.get(i).minTotal() != null) {
                tiersBounded &= bounded(ts.get(i).minTotal(), "tiers[" + i + "].minTotal", problems);
            }
        }
        if (!tiersBounded) {
            return new Built(items, null);
        }
        List<Problem> tierProblems = TierPolicy.check(
                ts.stream().map(t -> t == null ? null : t.tier()).toList(),
                ts.stream().map(t -> t == null ? null : t.minTotal()).toList());
        problems.addAll(tierProblems);
        TierPolicy policy = tierProblems.isEmpty()
                ? new TierPolicy(ts.stream().map(t -> new TierPolicy.Threshold(t.tier(), t.minTotal())).toList())
                : null;
        return new Built(items, policy);
    }

    /** Digits a scheme's number (weight, threshold, score, minimum total) may have before the decimal point. */
    public static final int INTEGER_DIGITS = 9;
    /** Digits a scheme's number may have after the decimal point (trailing zeros do not count). */
    public static final int FRACTION_DIGITS = 6;

    /**
     * Whether a number of the scheme lies in the range (below 10^9 in magnitude, at most six decimal places), else
     * the problem is added. Judged on precision and scale alone, before anything writes the number out: a minimum
     * total of {@code 1e100000} was otherwise spelled out in full in its message (issue 18, point 3).
     */
    static boolean bounded(BigDecimal v, String field, List<Problem> problems) {
        boolean ok = InputNumbers.fits(v, INTEGER_DIGITS, FRACTION_DIGITS);
        if (!ok) {
            String shown = InputNumbers.shown(v);
            problems.add(ScoringProblem.of(field, "numberOutOfRange", shown, INTEGER_DIGITS, FRACTION_DIGITS));
        }
        return ok;
    }

    private static ScoringRule rule(Scoring s, IndicatorDefinition indicator, String f, List<Problem> problems) {
        if (s == null) {
            problems.add(ScoringProblem.of(f, "required"));
            return null;
        }
        String method = s.method() == null ? "" : s.method().trim().toUpperCase(Locale.ROOT);
        switch (method) {
            case "LINEAR" -> {
                boolean zeroOk = s.zero() == null || bounded(s.zero(), f + ".zero", problems);
                boolean fullOk = s.full() == null || bounded(s.full(), f + ".full", problems);
                if (!zeroOk || !fullOk) {
                    return null;
                }
                List<Problem> p = ScoringRule.Linear.check(s.zero(), s.full());
                p.forEach(x -> problems.add(ScoringProblem.under(x, f)));
                return p.isEmpty() ? new ScoringRule.Linear(s.zero(), s.full()) : null;
            }
            case "BANDS" -> {
                List<ScoringRule.Band> bands = new ArrayList<>();
                boolean shapeOk = true;
                List<List<BigDecimal>> raw = s.bands() == null ? List.of() : s.bands();
                for (int i = 0; i < raw.size(); i++) {
                    List<BigDecimal> pair = raw.get(i);
                    if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
                        problems.add(ScoringProblem.of(f + ".bands[" + i + "]", "bandShape"));
                        shapeOk = false;
                    } else if (!bounded(pair.get(0), f + ".bands[" + i + "]", problems)
                            || !bounded(pair.get(1), f + ".bands[" + i + "]", problems)) {
                        shapeOk = false;
                    } else {
                        bands.add(new ScoringRule.Band(pair.get(0), pair.get(1)));
                    }
                }
                List<Problem> p = new ArrayList<>(shapeOk ? ScoringRule.Bands.scoreProblems(bands) : List.of());
                if (shapeOk && indicator != null) {
                    p.addAll(ScoringRule.Bands.orderProblems(bands, indicator.direction()));
                }
                p.forEach(x -> problems.add(ScoringProblem.under(x, f)));
                return shapeOk && p.isEmpty() ? new ScoringRule.Bands(bands) : null;
            }
            case "PEER_RANK" -> {
                return new ScoringRule.PeerRank();
            }
            default -> {
                problems.add(ScoringProblem.of(f + ".method", "unknownMethod", s.method() == null ? "" : s.method()));
                return null;
            }
        }
    }
}
