package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.meridian.shared.problem.Problem;

/**
 * A scoring rule (评分规则, engine.md §4) turns a non-null indicator value into a score in [0, 100]. A null
 * value gets no score and never reaches a rule. Scores are kept unrounded (divisions at
 * {@link Formula#PRECISION}).
 */
public sealed interface ScoringRule permits ScoringRule.Linear, ScoringRule.Bands, ScoringRule.PeerRank {

    BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** {@code LINEAR}, {@code BANDS} or {@code PEER_RANK}, as in the API. */
    String method();

    /** What makes this rule unusable for an indicator of the given direction; empty when it is fine. */
    List<Problem> problems(Direction direction);

    /**
     * Scores {@code value}.
     *
     * @param peers the non-null values of every unit of the same scheme and period, {@code value} included
     *              (only {@link PeerRank} reads them; pass a {@link SortedPeers} when scoring many units
     *              against the same peers, otherwise they are sorted on each call)
     */
    Applied apply(BigDecimal value, Direction direction, List<BigDecimal> peers);

    /**
     * A rule applied to one value, as data for the "why" of a score.
     *
     * @param calculation the arithmetic with the numbers filled in, e.g. {@code 100 × (81.25 − 60) / (90 − 60) = 70.8333}
     * @param parameters  the rule's inputs by name ({@code zero}, {@code full}; {@code band}, {@code threshold};
     *                    {@code n}, {@code worse}, {@code ties})
     */
    record Applied(String method, BigDecimal score, String calculation, Map<String, BigDecimal> parameters) {
        public Applied {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * {@code LINEAR {zero, full}}: score = 100 × clamp((v − zero) / (full − zero), 0, 1). {@code zero} scores 0,
     * {@code full} scores 100; for a lower-is-better indicator {@code zero} > {@code full}. The order of the two
     * alone decides the direction; {@code zero} = {@code full} is rejected.
     */
    record Linear(BigDecimal zero, BigDecimal full) implements ScoringRule {
        public Linear {
            List<Problem> p = check(zero, full);
            if (!p.isEmpty()) {
                throw new InvalidSchemeException(p);
            }
        }

        static List<Problem> check(BigDecimal zero, BigDecimal full) {
            List<Problem> p = new ArrayList<>();
            if (zero == null) {
                p.add(ScoringProblem.of("zero", "required"));
            }
            if (full == null) {
                p.add(ScoringProblem.of("full", "required"));
            }
            if (zero != null && full != null && zero.compareTo(full) == 0) {
                p.add(ScoringProblem.of("full", "zeroEqualsFull", zero.toPlainString()));
            }
            return p;
        }

        @Override
        public String method() {
            return "LINEAR";
        }

        @Override
        public List<Problem> problems(Direction direction) {
            return List.of();
        }

        @Override
        public Applied apply(BigDecimal value, Direction direction, List<BigDecimal> peers) {
            BigDecimal raw = HUNDRED.multiply(value.subtract(zero)).divide(full.subtract(zero), Formula.PRECISION);
            BigDecimal score = raw.max(BigDecimal.ZERO).min(HUNDRED);
            String calc = "100 × (" + operand(value) + " − " + operand(zero) + ") / (" + operand(full) + " − "
                    + operand(zero) + ") = " + Formula.show(raw)
                    + (score.compareTo(raw) != 0 ? " → " + Formula.show(score) : "");
            Map<String, BigDecimal> params = new LinkedHashMap<>();
            params.put("zero", zero);
            params.put("full", full);
            return new Applied(method(), score, calc, params);
        }
    }

    /** One band of a {@link Bands} rule: values that reach {@code threshold} score {@code score}. */
    record Band(BigDecimal threshold, BigDecimal score) {
        public Band {
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(score, "score");
        }
    }

    /**
     * {@code BANDS [[threshold, score], …]}: the score of the first band that the value reaches, in the given
     * order; "reaches" is v ≥ threshold for higher-is-better and v ≤ threshold for lower-is-better; no band
     * reached scores 0. Bands run from best to worst: thresholds strictly descending (higher-is-better) or
     * strictly ascending (lower-is-better), scores in [0, 100] and not increasing.
     */
    record Bands(List<Band> bands) implements ScoringRule {
        public Bands {
            bands = List.copyOf(bands);
            List<Problem> p = scoreProblems(bands);
            if (!p.isEmpty()) {
                throw new InvalidSchemeException(p);
            }
        }

        /** Problems that do not depend on the direction: no bands, scores outside [0, 100] or increasing. */
        static List<Problem> scoreProblems(List<Band> bands) {
            List<Problem> p = new ArrayList<>();
            if (bands.isEmpty()) {
                p.add(ScoringProblem.of("bands", "noBands"));
            }
            for (int i = 0; i < bands.size(); i++) {
                BigDecimal s = bands.get(i).score();
                if (s.signum() < 0 || s.compareTo(HUNDRED) > 0) {
                    p.add(ScoringProblem.of("bands[" + i + "]", "bandScoreRange", s.toPlainString()));
                } else if (i > 0 && s.compareTo(bands.get(i - 1).score()) > 0) {
                    p.add(ScoringProblem.of("bands[" + i + "]", "bandScoreIncreasing", s.toPlainString()));
                }
            }
            return p;
        }

        /** Problems of the threshold order for the indicator's direction. */
        static List<Problem> orderProblems(List<Band> bands, Direction direction) {
            List<Problem> p = new ArrayList<>();
            for (int i = 1; i < bands.size(); i++) {
                BigDecimal prev = bands.get(i - 1).threshold();
                BigDecimal t = bands.get(i).threshold();
                boolean ok = direction == Direction.HIGHER_IS_BETTER ? t.compareTo(prev) < 0 : t.compareTo(prev) > 0;
                if (!ok) {
                    String order = direction == Direction.HIGHER_IS_BETTER ? "descending" : "ascending";
                    p.add(ScoringProblem.of("bands[" + i + "]", direction == Direction.HIGHER_IS_BETTER
                                    ? "bandsNotDescending" : "bandsNotAscending", t.toPlainString(), prev.toPlainString()));
                }
            }
            return p;
        }

        @Override
        public String method() {
            return "BANDS";
        }

        @Override
        public List<Problem> problems(Direction direction) {
            return orderProblems(bands, direction);
        }

        @Override
        public Applied apply(BigDecimal value, Direction direction, List<BigDecimal> peers) {
            String reach = direction == Direction.HIGHER_IS_BETTER ? " ≥ " : " ≤ ";
            Map<String, BigDecimal> params = new LinkedHashMap<>();
            for (int i = 0; i < bands.size(); i++) {
                Band b = bands.get(i);
                int c = value.compareTo(b.threshold());
                if (direction == Direction.HIGHER_IS_BETTER ? c >= 0 : c <= 0) {
                    params.put("band", BigDecimal.valueOf(i + 1));
                    params.put("threshold", b.threshold());
                    return new Applied(method(), b.score(), Formula.show(value) + reach + Formula.show(b.threshold())
                            + " (" + (i + 1) + ") → " + Formula.show(b.score()), params);
                }
            }
            Band last = bands.get(bands.size() - 1);
            String miss = direction == Direction.HIGHER_IS_BETTER ? " < " : " > ";
            return new Applied(method(), BigDecimal.ZERO, Formula.show(value) + miss + Formula.show(last.threshold())
                    + " (" + bands.size() + ") → 0", params);
        }
    }

    /**
     * {@code PEER_RANK}: among the n units of the same scheme and period with a non-null value,
     * score = 100 × (w + 0.5 × t) / (n − 1), w = other units with a strictly worse value, t = other units with
     * an equal value (a tie counts half); n = 1 scores 100.
     */
    record PeerRank() implements ScoringRule {
        @Override
        public String method() {
            return "PEER_RANK";
        }

        @Override
        public List<Problem> problems(Direction direction) {
            return List.of();
        }

        @Override
        public Applied apply(BigDecimal value, Direction direction, List<BigDecimal> peers) {
            SortedPeers sorted = peers instanceof SortedPeers s ? s : new SortedPeers(peers);
            int n = sorted.size();
            int below = sorted.below(value);
            int atMost = sorted.atMost(value);
            int equal = atMost - below;
            int worse = direction == Direction.HIGHER_IS_BETTER ? below : n - atMost;
            int ties = Math.max(0, equal - 1); // the unit itself is among the peers
            Map<String, BigDecimal> params = new LinkedHashMap<>();
            params.put("n", BigDecimal.valueOf(n));
            params.put("worse", BigDecimal.valueOf(worse));
            params.put("ties", BigDecimal.valueOf(ties));
            if (n <= 1) {
                return new Applied(method(), HUNDRED, "n = 1 → 100", params);
            }
            BigDecimal score = HUNDRED.multiply(BigDecimal.valueOf(worse).add(BigDecimal.valueOf(ties)
                    .multiply(new BigDecimal("0.5")))).divide(BigDecimal.valueOf(n - 1L), Formula.PRECISION);
            return new Applied(method(), score, "100 × (" + worse + " + 0.5 × " + ties + ") / (" + n + " − 1) = "
                    + Formula.show(score), params);
        }
    }

    private static String operand(BigDecimal v) {
        String s = Formula.show(v);
        return v.signum() < 0 ? "(" + s + ")" : s;
    }
}
