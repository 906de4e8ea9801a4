package org.meridian.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.IndicatorCatalogue;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.SchemeWeighting;
import org.meridian.indicator.WeightMethod;
import org.meridian.indicator.WeightingInputs;
import org.meridian.indicator.WeightingResult;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.insight.method.Ahp;
import org.meridian.insight.method.Direction;
import org.meridian.insight.method.EntropyWeights;
import org.meridian.insight.method.Normalization;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.stereotype.Service;

/**
 * The weighting assistant of the scheme editor (赋权助手): expert weights of a scheme's indicators by AHP from a
 * pairwise-comparison matrix on Saaty's scale, objective weights by the entropy method from the indicators' values in
 * a published evaluation of the unit type, and the two combined with a chosen α; the result as scheme weights in
 * points (two decimals summing to exactly 100, by the largest remainder).
 * <p>
 * Entropy reads the raw indicator values of the published evaluation of the chosen period (its newest published
 * version), of every channel that has a value for each indicator, normalised min–max by direction (越低越好 as a cost
 * criterion, so a small value counts as good), as docs/insight.md says. It answers the indicator module's
 * {@link SchemeWeighting}, so a scheme saved with assistant weights keeps how they were found; a weighting is put into
 * a scheme only when every weight is positive and the AHP judgements are consistent (CR &lt; 0.10).
 */
@Service
public class WeightingAssistant implements SchemeWeighting {

    /** How many published evaluations the period choice looks back over. */
    static final int PERIODS = 24;

    private final SchemeCatalogue schemes;
    private final IndicatorCatalogue indicators;
    private final EvaluationResults results;

    WeightingAssistant(SchemeCatalogue schemes, IndicatorCatalogue indicators, EvaluationResults results) {
        this.schemes = schemes;
        this.indicators = indicators;
        this.results = results;
    }

    /** One indicator being weighed, with its weight in the scheme in force (null when it is not in it). */
    public record Criterion(String code, String nameZh, String nameEn,
                            org.meridian.indicator.scoring.Direction direction, BigDecimal currentWeight) {
    }

    /** The entropy weights of a period and how many channels' values they came from. */
    public record EntropyBasis(Period period, long evaluationId, int units, int leftOut, double[] weights) {
    }

    /**
     * What the assistant shows for one set of choices: the AHP result (null unless the method or the page needs it),
     * the entropy basis (null without a usable period), the final weights (sum 1) and points, and the reasons why they
     * cannot go into the scheme yet ({@code blockers}, empty when they can).
     */
    public record Assessment(List<Criterion> criteria, WeightingInputs inputs, Ahp.Result ahp, EntropyBasis entropy,
                             Problem entropyProblem, double[] weights, List<BigDecimal> points, List<Problem> blockers) {

        public boolean applicable() {
            return blockers.isEmpty() && points != null;
        }
    }

    /** The indicators of the unit type's scheme in force, in its order; empty when it has none. */
    public List<Criterion> criteria(long hospitalId, UnitType unitType) {
        return schemes.current(hospitalId, unitType).map(s -> s.items().stream().map(i -> criterion(i.indicator(),
                i.weight())).toList()).orElse(List.of());
    }

    /** The scheme in force of the unit type, if any. */
    public Optional<SchemeSnapshot> scheme(long hospitalId, UnitType unitType) {
        return schemes.current(hospitalId, unitType);
    }

    /** The periods with a published evaluation of the unit type, newest first (what entropy can read). */
    public List<Period> periods(Actor actor, UnitType unitType) {
        return results.search(actor, null, unitType, 0, PERIODS).items().stream().filter(Evaluation::published)
                .map(Evaluation::period).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /**
     * Weighs the inputs' indicators as the page shows them.
     *
     * @throws InvalidInputException (paths {@code weighting.*}) when the inputs cannot be computed at all: an unknown
     *         indicator, a matrix that is ragged or not reciprocal, α outside [0, 1], a method without its inputs
     */
    public Assessment assess(Actor actor, UnitType unitType, WeightingInputs in) {
        List<Problem> problems = new ArrayList<>();
        if (in.method() == null) {
            problems.add(Problem.of("weighting.method", "insight.value.missing"));
        }
        List<Criterion> criteria = new ArrayList<>();
        SchemeSnapshot current = schemes.current(actor.hospitalId(), unitType).orElse(null);
        for (int i = 0; i < in.codes().size(); i++) {
            String code = in.codes().get(i);
            Optional<IndicatorDefinition> d = indicators.find(actor.hospitalId(), code);
            if (d.isEmpty()) {
                problems.add(Problem.of("weighting.codes[" + i + "]", "insight.weighting.unknownIndicator", code));
            } else {
                criteria.add(criterion(d.get(), current == null ? null
                        : current.item(code).map(SchemeItem::weight).orElse(null)));
            }
        }
        if (in.codes().size() < 2 || in.codes().size() > Ahp.MAX_N) {
            problems.add(Problem.of("weighting.codes", "insight.ahp.order", 2, Ahp.MAX_N));
        }
        if (in.codes().stream().distinct().count() != in.codes().size()) {
            problems.add(Problem.of("weighting.codes", "insight.weighting.codeTwice"));
        }
        WeightMethod method = in.method();
        if (method == WeightMethod.COMBINED && in.alpha() == null) {
            problems.add(Problem.of("weighting.alpha", "insight.value.missing"));
        } else if (in.alpha() != null && !(in.alpha() >= 0 && in.alpha() <= 1)) {
            problems.add(Problem.of("weighting.alpha", "insight.probability.closedRange"));
        }
        if (method != null && method.usesMatrix() && in.matrix() == null) {
            problems.add(Problem.of("weighting.matrix", "insight.value.missing"));
        }
        if (method != null && method.usesPeriod() && in.period() == null) {
            problems.add(Problem.of("weighting.period", "insight.value.missing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("insight", problems);
        }
        Ahp.Result ahp = in.matrix() == null ? null : ahp(in.matrix(), in.codes().size());
        EntropyBasis entropy = null;
        Problem entropyProblem = null;
        if (in.period() != null) {
            try {
                entropy = entropy(actor, unitType, in.period(), criteria);
            } catch (InvalidInputException e) {
                entropyProblem = e.problems().get(0);
            }
        }
        List<Problem> blockers = new ArrayList<>();
        if (ahp != null && method.usesMatrix() && !ahp.consistent()) {
            blockers.add(Problem.of("weighting.matrix", "insight.weighting.inconsistent", ahp.cr()));
        }
        if (method.usesPeriod() && entropy == null) {
            blockers.add(entropyProblem);
        }
        double[] w = switch (method) {
            case AHP -> ahp.weights();
            case ENTROPY -> entropy == null ? null : entropy.weights();
            case COMBINED -> entropy == null ? null : EntropyWeights.combine(ahp.weights(), entropy.weights(), in.alpha());
        };
        List<BigDecimal> points = w == null ? null : points(w);
        if (points != null) {
            for (int j = 0; j < points.size(); j++) {
                if (points.get(j).signum() <= 0) {
                    blockers.add(Problem.of("weighting.codes[" + j + "]", "insight.weighting.zeroWeight",
                            in.codes().get(j)));
                }
            }
        }
        return new Assessment(List.copyOf(criteria), in, ahp, entropy, entropyProblem, w, points, List.copyOf(blockers));
    }

    @Override
    public WeightingResult weigh(Actor actor, UnitType unitType, WeightingInputs inputs) {
        Assessment a = assess(actor, unitType, inputs);
        if (!a.applicable()) {
            throw new InvalidInputException("insight", a.blockers());
        }
        Ahp.Result ahp = inputs.method().usesMatrix() ? a.ahp() : null;
        EntropyBasis e = inputs.method().usesPeriod() ? a.entropy() : null;
        return new WeightingResult(a.points(), ahp == null ? null : list(ahp.weights()),
                ahp == null ? null : ahp.lambdaMax(), ahp == null ? null : ahp.ci(), ahp == null ? null : ahp.cr(),
                e == null ? null : list(e.weights()), e == null ? null : e.units());
    }

    /** AHP by the principal eigenvector and Saaty's 1980 random indices; problems named under {@code weighting.}. */
    static Ahp.Result ahp(List<List<Double>> matrix, int n) {
        List<Problem> problems = new ArrayList<>();
        if (matrix.size() != n) {
            problems.add(Problem.of("weighting.matrix", "insight.weighting.matrixSize", n));
        }
        double[][] a = new double[matrix.size()][];
        for (int i = 0; i < matrix.size(); i++) {
            List<Double> row = matrix.get(i);
            if (row == null || row.size() != n) {
                problems.add(Problem.of("weighting.matrix[" + i + "]", "insight.ahp.notSquare", n));
                continue;
            }
            a[i] = new double[n];
            for (int j = 0; j < n; j++) {
                Double v = row.get(j);
                if (v == null) {
                    problems.add(Problem.of("weighting.matrix[" + i + "][" + j + "]", "insight.ahp.notPositive"));
                } else {
                    a[i][j] = v;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("insight", problems);
        }
        try {
            return Ahp.weigh(a, Ahp.Priority.EIGENVECTOR, Ahp.RandomIndex.SAATY_1980);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("insight", e.problems().stream().map(p -> p.under("weighting")).toList());
        }
    }

    private EntropyBasis entropy(Actor actor, UnitType unitType, Period period, List<Criterion> criteria) {
        Evaluation e = results.inForce(actor, period, unitType).filter(Evaluation::published)
                .orElseThrow(() -> new InvalidInputException("insight", Problem.of("weighting.period",
                        "insight.weighting.notPublished", period.toString())));
        List<UnitScorecard> cards = results.allScorecards(actor, e.id());
        List<double[]> rows = new ArrayList<>();
        int leftOut = 0;
        for (UnitScorecard card : cards) {
            double[] row = new double[criteria.size()];
            boolean complete = true;
            for (int j = 0; j < criteria.size() && complete; j++) {
                String code = criteria.get(j).code();
                Optional<UnitScorecard.Line> line = card.indicators().stream().filter(l -> l.code().equals(code))
                        .findFirst();
                complete = line.isPresent() && line.get().value() != null;
                if (complete) {
                    row[j] = line.get().value().doubleValue();
                }
            }
            if (complete) {
                rows.add(row);
            } else {
                leftOut++;
            }
        }
        if (rows.size() < 2) {
            throw new InvalidInputException("insight", Problem.of("weighting.period", "insight.weighting.tooFewUnits",
                    period.toString(), rows.size()));
        }
        List<Direction> directions = criteria.stream().map(c -> c.direction()
                == org.meridian.indicator.scoring.Direction.LOWER_IS_BETTER ? Direction.COST : Direction.BENEFIT).toList();
        EntropyWeights.Result r = EntropyWeights.weigh(rows.toArray(double[][]::new), Normalization.MIN_MAX, directions);
        return new EntropyBasis(period, e.id(), rows.size(), leftOut, r.weights());
    }

    /**
     * Weights (sum 1) as scheme points with two decimals summing to exactly 100: each 100·w floored to the hundredth,
     * the hundredths left over given one each to the largest remainders (equal remainders: the earlier indicator).
     */
    static List<BigDecimal> points(double[] w) {
        long[] cents = new long[w.length];
        double[] rest = new double[w.length];
        long sum = 0;
        for (int j = 0; j < w.length; j++) {
            double exact = w[j] * 10_000;
            // a hair below a whole hundredth (0.4 · 10000 = 3999.9999…) counts as that hundredth
            cents[j] = (long) Math.floor(exact + 1e-7);
            rest[j] = exact - cents[j];
            sum += cents[j];
        }
        Integer[] order = new Integer[w.length];
        for (int j = 0; j < w.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -rest[j]).thenComparing(j -> j));
        for (int k = 0; sum < 10_000 && k < order.length; k++, sum++) {
            cents[order[k]]++;
        }
        List<BigDecimal> out = new ArrayList<>();
        for (long c : cents) {
            out.add(BigDecimal.valueOf(c, 2).setScale(2, RoundingMode.UNNECESSARY));
        }
        return out;
    }

    private static Criterion criterion(IndicatorDefinition d, BigDecimal weight) {
        return new Criterion(d.code(), d.nameZh(), d.nameEn(), d.direction(), weight);
    }

    private static List<Double> list(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
