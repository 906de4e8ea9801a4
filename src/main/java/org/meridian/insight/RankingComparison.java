package org.meridian.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.insight.method.Direction;
import org.meridian.insight.method.Normalization;
import org.meridian.insight.method.RankSumRatio;
import org.meridian.insight.method.Spearman;
import org.meridian.insight.method.Topsis;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Alternative rankings (多方法比较) of a published evaluation, as a check on its scheme, not a replacement: the
 * same channels ranked by TOPSIS (vector normalisation) and by the weighted rank-sum ratio (RSR, integer ranks)
 * over the indicators' raw values with the scheme's weights and the indicators' directions, beside the scheme's
 * weighted-sum rank, with Spearman's ρ between the weighted-sum rank and each alternative and the channels whose
 * rank moves most.
 * <p>
 * Only ranked channels take part (a channel without a total has no weighted-sum rank). An indicator that lacks a
 * value for any of them is left out of both alternatives, and named, because TOPSIS and RSR need a full matrix.
 * Reads through {@link EvaluationResults} and needs an actor who sees every channel ({@link EvaluationVisibility});
 * for anyone else the evaluation is not found.
 */
@Service
public class RankingComparison {

    /** Closeness and RSR values within this distance share a rank, as in the methods themselves. */
    private static final double TIE = 1e-12;
    /** How many channels "differ most" lists at most. */
    static final int MOST = 5;

    private final EvaluationResults results;

    RankingComparison(EvaluationResults results) {
        this.results = results;
    }

    /** One indicator as the alternatives use it: its share of the scheme's weight among those used. */
    public record Criterion(String code, String nameZh, String nameEn, double weight,
                            org.meridian.indicator.scoring.Direction direction) {
    }

    /**
     * One channel: its weighted-sum total and rank from the evaluation, TOPSIS closeness and rank, RSR and rank (null
     * when RSR cannot be computed), and the largest move of its rank between the weighted sum and an alternative.
     */
    public record Row(String channel, String name, String region, BigDecimal total, int weightedRank,
                      double topsisCloseness, int topsisRank, Double rsr, Integer rsrRank, int largestShift) {
    }

    /**
     * The comparison. {@code topsisRho} and {@code rsrRho} are Spearman's ρ with the weighted-sum rank, null when not
     * defined (fewer than 3 channels, or a ranking where every channel is tied); {@code rsrAvailable} is false when
     * every channel has the same RSR (then RSR ranks nothing). {@code leftOut} names the indicators without a value for
     * every ranked channel; {@code unranked} counts the channels without a total.
     */
    public record Comparison(long evaluationId, String period, String unitType, int evaluationVersion,
                             int schemeVersion, List<Criterion> criteria, List<String> leftOut, int unranked,
                             List<Row> rows, Double topsisRho, Double rsrRho, boolean rsrAvailable,
                             List<Row> differMost) {
    }

    /**
     * The alternative rankings of a published evaluation the actor may see with every channel.
     *
     * @throws NotFoundException   (as the evaluation module's not-found) when it does not exist or the actor may not
     *                             see every channel's results
     * @throws ConflictException   when it is a draft (its ranks may still change)
     * @throws InvalidInputException when fewer than 2 channels are ranked or no indicator has a value for all of them
     */
    public Comparison of(Actor actor, long evaluationId) {
        if (!EvaluationVisibility.seesAll(actor)) {
            throw new NotFoundException("insight", "evaluation", evaluationId, "insight.rankings.notFound");
        }
        Evaluation e = results.get(actor, evaluationId);
        if (!e.published()) {
            throw new ConflictException("insight", "evaluation-not-published", "insight.rankings.notPublished",
                    List.of(evaluationId), "evaluation " + evaluationId + " is a draft");
        }
        return compare(e, results.scheme(actor, evaluationId), results.allScorecards(actor, evaluationId));
    }

    /** The computation itself, on an evaluation's scheme and scorecards (no database; tested directly). */
    static Comparison compare(Evaluation e, SchemeSnapshot scheme, List<UnitScorecard> cards) {
        List<UnitScorecard> ranked = cards.stream().filter(c -> c.rank() != null && c.total() != null)
                .sorted(Comparator.comparing(UnitScorecard::rank).thenComparing(UnitScorecard::channel)).toList();
        List<SchemeItem> used = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (SchemeItem item : scheme.items()) {
            boolean complete = ranked.stream().allMatch(c -> c.indicators().stream()
                    .anyMatch(l -> l.code().equals(item.code()) && l.value() != null));
            if (complete) {
                used.add(item);
            } else {
                leftOut.add(item.code());
            }
        }
        if (ranked.size() < 2) {
            throw new InvalidInputException("insight", org.meridian.shared.problem.Problem.of("channels",
                    "insight.rankings.tooFewChannels", ranked.size()));
        }
        if (used.isEmpty()) {
            throw new InvalidInputException("insight", org.meridian.shared.problem.Problem.of("indicators",
                    "insight.rankings.noCompleteIndicator"));
        }
        int n = ranked.size();
        int m = used.size();
        double[][] x = new double[n][m];
        double[] w = new double[m];
        List<Direction> directions = new ArrayList<>();
        double totalWeight = used.stream().mapToDouble(i -> i.weight().doubleValue()).sum();
        List<Criterion> criteria = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            SchemeItem item = used.get(j);
            w[j] = item.weight().doubleValue() / totalWeight;
            boolean lower = item.indicator().direction() == org.meridian.indicator.scoring.Direction.LOWER_IS_BETTER;
            directions.add(lower ? Direction.COST : Direction.BENEFIT);
            criteria.add(new Criterion(item.code(), item.indicator().nameZh(), item.indicator().nameEn(), w[j],
                    item.indicator().direction()));
            for (int i = 0; i < n; i++) {
                x[i][j] = ranked.get(i).line(item.code()).value().doubleValue();
            }
        }
        Topsis.Result topsis = Topsis.rank(x, w, directions, Normalization.VECTOR);
        double[] rsr = null;
        try {
            rsr = RankSumRatio.evaluate(x, directions, w, RankSumRatio.Ranking.INTEGER,
                    RankSumRatio.Regression.ALL_ROWS, 3).rsr();
        } catch (InvalidInputException allEqual) {
            // every channel has the same RSR: no RSR ranking (the page says so)
        }
        int[] rsrRanks = rsr == null ? null : descending(rsr);
        double[] weighted = new double[n];
        double[] topsisRanks = new double[n];
        double[] rsrRankValues = new double[n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UnitScorecard c = ranked.get(i);
            weighted[i] = c.rank();
            topsisRanks[i] = topsis.ranks()[i];
            int shift = Math.abs(c.rank() - topsis.ranks()[i]);
            if (rsrRanks != null) {
                rsrRankValues[i] = rsrRanks[i];
                shift = Math.max(shift, Math.abs(c.rank() - rsrRanks[i]));
            }
            rows.add(new Row(c.channel(), c.channelName(), c.region(), c.roundedTotal(), c.rank(),
                    topsis.scores()[i], topsis.ranks()[i], rsr == null ? null : rsr[i],
                    rsrRanks == null ? null : rsrRanks[i], shift));
        }
        Double topsisRho = rho(weighted, topsisRanks);
        Double rsrRho = rsr == null ? null : rho(weighted, rsrRankValues);
        List<Row> most = rows.stream().filter(r -> r.largestShift() > 0)
                .sorted(Comparator.comparingInt(Row::largestShift).reversed()
                        .thenComparingInt(Row::weightedRank))
                .limit(MOST).toList();
        return new Comparison(e.id(), e.period().toString(), e.unitType().name(), e.version(), e.schemeVersion(),
                criteria, leftOut, cards.size() - n, rows, topsisRho, rsrRho, rsr != null, most);
    }

    /** ρ of two rank vectors, null below 3 channels or when it is not defined. */
    private static Double rho(double[] a, double[] b) {
        if (a.length < 3) {
            return null;
        }
        double r = Spearman.rho(a, b);
        return Double.isNaN(r) ? null : r;
    }

    /** 1-based competition ranks, larger first; values within {@link #TIE} share the better rank (1, 1, 3). */
    private static int[] descending(double[] v) {
        int[] ranks = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            int better = 0;
            for (double other : v) {
                if (other > v[i] + TIE) {
                    better++;
                }
            }
            ranks[i] = better + 1;
        }
        return ranks;
    }
}
