package org.meridian.incentive.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.meridian.shared.problem.Problem;

/**
 * The result a client of the statement API still sends with a hand-prepared statement (the {@code result} of
 * {@code POST /api/v1/statements} from before results came from published evaluations): a tier, total, rank and
 * measure totals, each optional. It never sets the statement's result — the published evaluation does — it is only
 * checked against it: every part that is given must <b>agree</b> with the published result, else the request is
 * refused naming that part. Agreeing means: the same tier; the same total rounded half-up to 2 decimals (as
 * engine.md §4 compares totals); the same rank; for each measure given, the same frozen total. Without a published
 * result (no evaluation of the channel in the period) only the tier {@code UNRATED} agrees, and no total, rank or
 * measure total can.
 */
public record ClaimedResult(String tier, BigDecimal total, Integer rank, Map<String, BigDecimal> measureTotals) {

    public ClaimedResult {
        tier = tier == null || tier.isBlank() ? null : tier.strip();
        measureTotals = measureTotals == null ? Map.of() : Map.copyOf(measureTotals);
        List<Problem> problems = ChannelResult.figureProblems(total, rank, measureTotals);
        if (!problems.isEmpty()) {
            throw new InvalidIncentiveException(problems);
        }
    }

    /**
     * The parts of this claim that disagree with {@code published}, each a problem under {@code result.}. With
     * {@code period} and {@code version} the evaluation {@code published} comes from; {@code version} null when
     * there is no published evaluation of the channel (then {@code published} is unrated, without total or rank).
     */
    public List<Problem> disagreements(ChannelResult published, String period, Integer version) {
        List<Problem> problems = new ArrayList<>();
        if (tier != null && !tier.equals(published.tier())) {
            problems.add(problem("result.tier", published.tier(), tier, period, version));
        }
        if (total != null && (published.total() == null || rounded(total).compareTo(published.roundedTotal()) != 0)) {
            problems.add(problem("result.total", published.roundedTotal(), total.toPlainString(), period, version));
        }
        if (rank != null && !rank.equals(published.rank())) {
            problems.add(problem("result.rank", published.rank(), rank, period, version));
        }
        for (Map.Entry<String, BigDecimal> m : new TreeMap<>(measureTotals).entrySet()) {
            BigDecimal frozen = version == null ? null : published.measureTotals().get(m.getKey());
            if (frozen == null || frozen.compareTo(m.getValue()) != 0) {
                problems.add(problem("result.measureTotals." + m.getKey(), frozen == null ? null
                        : frozen.stripTrailingZeros().toPlainString(), m.getValue().toPlainString(), period, version));
            }
        }
        return problems;
    }

    private static Problem problem(String path, Object published, Object claimed, String period, Integer version) {
        if (version == null) {
            return IncentiveProblem.of(path, "incentive.v.claimWithoutEvaluation", period, claimed);
        }
        return published == null
                ? IncentiveProblem.of(path, "incentive.v.claimNotPublished", period, version, claimed)
                : IncentiveProblem.of(path, "incentive.v.claimDisagrees", period, version, published, claimed);
    }

    private static BigDecimal rounded(BigDecimal total) {
        return total.setScale(2, RoundingMode.HALF_UP);
    }
}
