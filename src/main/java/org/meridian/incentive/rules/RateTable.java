package org.meridian.incentive.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meridian.shared.problem.Problem;

/**
 * The rate (费率/系数) a fee rule applies to its base, set by the channel's tier or by the band its total
 * score falls in. Rates are never negative. Score bands never overlap, so a total has at most one rate;
 * a total in a gap between bands, or a tier without a rate, earns no line.
 */
public sealed interface RateTable {

    /** The rate for this result and which tier or band gave it; empty when none applies. */
    Optional<Rate> rateFor(ChannelResult result);

    /** A rate found in the table, with the tier or band it came from (for the line's explanation). */
    record Rate(BigDecimal value, String source) {
    }

    /** Rates by tier: {@code {A: 1.2, B: 1.0, C: 0.5}}. */
    record ByTier(Map<String, BigDecimal> rates) implements RateTable {

        public ByTier {
            List<Problem> problems = new ArrayList<>();
            if (rates == null || rates.isEmpty()) {
                problems.add(IncentiveProblem.of("tierRates", "incentive.v.noTierRates"));
                rates = Map.of();
            }
            for (Map.Entry<String, BigDecimal> e : rates.entrySet()) {
                String field = "tierRates." + e.getKey();
                if (e.getKey() == null || e.getKey().isBlank()) {
                    problems.add(IncentiveProblem.of("tierRates", "incentive.v.blankTier"));
                } else if (e.getValue() == null) {
                    problems.add(IncentiveProblem.of(field, "incentive.v.tierRateMissing", e.getKey()));
                } else if (e.getValue().signum() < 0) {
                    problems.add(IncentiveProblem.of(field, "incentive.v.tierRateNegative", e.getKey(), e.getValue().toPlainString()));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidIncentiveException(problems);
            }
            rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
        }

        @Override
        public Optional<Rate> rateFor(ChannelResult result) {
            return Optional.ofNullable(rates.get(result.tier())).map(r -> new Rate(r, "tier " + result.tier()));
        }
    }

    /**
     * Rates by score band, e.g. {@code [85, ∞) → 1.2, [70, 85) → 1.0}. The total is compared rounded
     * half-up to 2 decimals (engine.md §4); an unrated channel (null total) gets no rate.
     */
    record ByScoreBand(List<ScoreBand> bands) implements RateTable {

        public ByScoreBand {
            List<Problem> problems = new ArrayList<>();
            if (bands == null || bands.isEmpty()) {
                problems.add(IncentiveProblem.of("scoreBands", "incentive.v.noBands"));
                bands = List.of();
            }
            for (int i = 0; i < bands.size(); i++) {
                ScoreBand b = bands.get(i);
                String field = "scoreBands[" + i + "]";
                if (b == null || b.from() == null || b.rate() == null) {
                    problems.add(IncentiveProblem.of(field, "incentive.v.bandIncomplete"));
                    continue;
                }
                if (b.to() != null && b.to().compareTo(b.from()) <= 0) {
                    problems.add(IncentiveProblem.of(field, "incentive.v.bandEmpty", b));
                }
                if (b.rate().signum() < 0) {
                    problems.add(IncentiveProblem.of(field + ".rate", "incentive.v.bandRateNegative", b, b.rate().toPlainString()));
                }
            }
            if (problems.isEmpty()) {
                List<ScoreBand> sorted = new ArrayList<>(bands);
                sorted.sort(Comparator.comparing(ScoreBand::from));
                for (int i = 1; i < sorted.size(); i++) {
                    ScoreBand lower = sorted.get(i - 1);
                    ScoreBand upper = sorted.get(i);
                    if (lower.to() == null || lower.to().compareTo(upper.from()) > 0) {
                        problems.add(IncentiveProblem.of("scoreBands[" + bands.indexOf(upper) + "]", "incentive.v.bandsOverlap", lower, upper, upper.from().toPlainString()));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidIncentiveException(problems);
            }
            bands = List.copyOf(bands);
        }

        @Override
        public Optional<Rate> rateFor(ChannelResult result) {
            BigDecimal total = result.roundedTotal();
            if (total == null) {
                return Optional.empty();
            }
            return bands.stream().filter(b -> b.contains(total)).findFirst()
                    .map(b -> new Rate(b.rate(), "band " + b));
        }
    }
}
