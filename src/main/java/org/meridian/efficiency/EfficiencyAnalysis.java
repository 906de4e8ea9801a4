package org.meridian.efficiency;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meridian.efficiency.method.Dea;
import org.meridian.efficiency.method.DeaData;
import org.meridian.efficiency.method.DeaModel;
import org.meridian.efficiency.method.DeaResult;
import org.meridian.efficiency.method.DeaUnit;
import org.meridian.efficiency.method.Malmquist;
import org.meridian.efficiency.method.Orientation;
import org.meridian.efficiency.method.Peer;
import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.StatisticMeasure;
import org.meridian.intake.StatisticValue;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.StatisticsReport;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Efficiency analysis (效率评价): DEA runs over the monthly statistics of a hospital's departments or institutions,
 * stored like evaluations (a draft, then published and frozen), and Malmquist productivity across periods
 * (network.md §3, methods.md §5).
 *
 * <p>A unit's value of a measure over a period is its statistics aggregated as the measure says (SUM, AVERAGE, LAST);
 * the units compared are those of the type that evaluations score (PILOT, ACTIVE, PROBATION) with a value of every
 * measure in the period; the others are listed as left out, never counted as 0. Bad input is refused with every
 * problem at once and nothing stored: unknown measures, fewer than 2 units with data, a negative value (or, for
 * Malmquist, a value that is not positive) naming the unit and measure, a unit whose inputs or outputs are all 0, a
 * measure that is 0 for every unit. Fewer units than inputs plus outputs is only a warning shown with the run.
 */
@Service
public class EfficiencyAnalysis {

    private final EfficiencyRuns runs;
    private final UnitRegistry units;
    private final MeasureCatalogue catalogue;
    private final StatisticsIntake statistics;
    private final AuditLog audit;
    private final Clock clock;
    private final ScoresAsStatistics scores;

    EfficiencyAnalysis(EfficiencyRuns runs, UnitRegistry units, MeasureCatalogue catalogue,
            StatisticsIntake statistics, AuditLog audit, Clock clock, ScoresAsStatistics scores) {
        this.scores = scores;
        this.runs = runs;
        this.units = units;
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.audit = audit;
        this.clock = clock;
    }

    /** The hospital's statistic measures, what inputs and outputs are chosen from. */
    public List<StatisticMeasure> measures(Actor actor) {
        EfficiencyVisibility.requireSee(actor);
        return List.copyOf(catalogue.statistics(actor.hospitalId()).values());
    }

    /**
     * The statistic that published runs' scores become ({@code dea_efficiency}): the hospital's own measure, or the
     * one the first publication will define.
     */
    public RunMeasure scoreMeasure(Actor actor) {
        EfficiencyVisibility.requireSee(actor);
        return RunMeasure.of(scores.measure(actor.hospitalId()));
    }

    /** Computes and stores a draft run; 400 with every problem, nothing stored, when the data cannot be compared. */
    @Transactional
    public EfficiencyRun run(Actor actor, RunSpec spec) {
        EfficiencyVisibility.requireMake(actor);
        long h = actor.hospitalId();
        List<Problem> problems = new ArrayList<>();
        Map<String, StatisticMeasure> own = catalogue.statistics(h);
        List<StatisticMeasure> in = known("inputs", spec.inputs(), own, problems);
        List<StatisticMeasure> out = known("outputs", spec.outputs(), own, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        Matrix m = matrix(actor, List.of(spec.period()), spec.unitType(), in, out);
        List<Problem> dataProblems = check(m, 0, spec.unitType(), in, out, false, null);
        if (!dataProblems.isEmpty()) {
            throw new InvalidInputException("efficiency", dataProblems);
        }
        DeaData data = new DeaData(m.inputs(0), m.outputs(0));
        DeaResult r = Dea.evaluate(data, spec.model(), spec.orientation(), spec.superEfficiency());
        boolean input = spec.orientation() == Orientation.INPUT;
        List<UnitEfficiency> results = new ArrayList<>();
        for (DeaUnit u : r.units()) {
            UnitRef unit = m.units().get(u.unit());
            double standard = input ? u.radial() : 1 / u.radial();
            double technical = spec.model() == DeaModel.CCR ? standard : standard * u.scaleEfficiency();
            double pure = spec.model() == DeaModel.BCC ? standard : standard / u.scaleEfficiency();
            List<UnitEfficiency.RunPeer> peers = u.peers().stream()
                    .map((Peer p) -> new UnitEfficiency.RunPeer(p.unit(), p.lambda())).toList();
            results.add(new UnitEfficiency(u.unit(), unit.id(), unit.code(), unit.name(), data.inputs()[u.unit()],
                    data.outputs()[u.unit()], u.efficiency(), standard, u.radial(), technical, pure,
                    u.scaleEfficiency(), u.returnsToScale(), u.status(), u.inputSlacks(), u.outputSlacks(),
                    u.inputTargets(), u.outputTargets(), peers, u.infeasible(), u.rank()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EfficiencyRun draft = new EfficiencyRun(0, spec.period(), spec.unitType(), spec.model(), spec.orientation(),
                spec.superEfficiency(), in.stream().map(RunMeasure::of).toList(),
                out.stream().map(RunMeasure::of).toList(), m.leftOut(), m.units().size(), RunStatus.DRAFT, now,
                actor.username(), null, null);
        long id = runs.insert(h, draft, results);
        Map<String, Object> details = AuditLog.details("period", spec.period().toString(),
                "unitType", spec.unitType().name(), "model", spec.model().name(),
                "orientation", spec.orientation().name(), "units", m.units().size());
        audit.record(h, actor.username(), "EFFICIENCY_RUN_CREATED", "efficiency-run:" + id, details);
        return runs.find(h, id).orElseThrow();
    }

    /** Publishes a draft: it is frozen from now on; a published run answers 409. */
    @Transactional
    public EfficiencyRun publish(Actor actor, long id) {
        EfficiencyVisibility.requireMake(actor);
        long h = actor.hospitalId();
        EfficiencyRun run = runs.lock(h, id).orElseThrow(() -> new EfficiencyRunNotFoundException(id));
        if (run.published()) {
            throw new ConflictException("efficiency", "run-published", "efficiency.problem.alreadyPublished",
                    List.of(id), "efficiency run " + id + " is already published");
        }
        runs.publish(h, id, clock.instant().truncatedTo(ChronoUnit.MICROS), actor.username());
        StatisticsReport recorded = scores.record(actor, run, runs.results(h, id));
        audit.record(h, actor.username(), "EFFICIENCY_RUN_PUBLISHED", "efficiency-run:" + id,
                Map.of("period", run.period().toString(), "unitType", run.unitType().name(),
                        "scoresRecorded", recorded.accepted(),
                        "scoresRefused", recorded.rejected().size()));
        return runs.find(h, id).orElseThrow();
    }

    /** One page of the hospital's runs, newest first; each filter null for any. */
    public Paged<EfficiencyRun> search(Actor actor, Period period, UnitType type, RunStatus status, int page,
            int size) {
        EfficiencyVisibility.requireSee(actor);
        Paged.check(page, size);
        long h = actor.hospitalId();
        return new Paged<>(runs.search(h, period, type, status, (long) page * size, size), page, size,
                runs.count(h, period, type, status));
    }

    public EfficiencyRun get(Actor actor, long id) {
        EfficiencyVisibility.requireSee(actor);
        return runs.find(actor.hospitalId(), id).orElseThrow(() -> new EfficiencyRunNotFoundException(id));
    }

    /** Each unit's data and result in run order. */
    public List<UnitEfficiency> results(Actor actor, long id) {
        get(actor, id);
        return runs.results(actor.hospitalId(), id);
    }

    /** The Malmquist index over the periods (nothing stored); 400 with every problem on bad data. */
    public Productivity productivity(Actor actor, ProductivitySpec spec) {
        EfficiencyVisibility.requireSee(actor);
        List<Problem> problems = new ArrayList<>();
        Map<String, StatisticMeasure> own = catalogue.statistics(actor.hospitalId());
        List<StatisticMeasure> in = known("inputs", spec.inputs(), own, problems);
        List<StatisticMeasure> out = known("outputs", spec.outputs(), own, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        Matrix m = matrix(actor, spec.periods(), spec.unitType(), in, out);
        for (int t = 0; t < spec.periods().size(); t++) {
            problems.addAll(check(m, t, spec.unitType(), in, out, true, spec.periods().get(t)));
            if (m.units().size() < 2) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        List<Malmquist.Period> periods = new ArrayList<>();
        for (int t = 0; t < spec.periods().size(); t++) {
            periods.add(new Malmquist.Period(rows(m.inputs(t)), rows(m.outputs(t))));
        }
        Malmquist.Result result = Malmquist.evaluate(periods, spec.orientation());
        return new Productivity(spec.periods(), spec.unitType(), in.stream().map(RunMeasure::of).toList(),
                out.stream().map(RunMeasure::of).toList(),
                m.units().stream().map(u -> new Productivity.Compared(u.code(), u.name())).toList(), result,
                m.leftOut());
    }

    private static List<StatisticMeasure> known(String field, List<String> codes, Map<String, StatisticMeasure> own,
            List<Problem> problems) {
        List<StatisticMeasure> found = new ArrayList<>();
        for (String code : codes) {
            StatisticMeasure s = own.get(code);
            if (s == null) {
                problems.add(Problem.of(field, "efficiency.run.error.unknownMeasure", code));
            } else {
                found.add(s);
            }
        }
        return found;
    }

    /**
     * The units' aggregated values per period: the units of the type with a value of every measure in every period
     * (in code order), and the others left out with the measures they miss.
     */
    private Matrix matrix(Actor actor, List<Period> periods, UnitType type, List<StatisticMeasure> in,
            List<StatisticMeasure> out) {
        List<StatisticMeasure> all = new ArrayList<>(in);
        all.addAll(out);
        List<UnitRef> candidates = units.evaluable(actor, type);
        List<Map<Long, Map<String, BigDecimal>>> perPeriod = new ArrayList<>();
        for (Period p : periods) {
            Map<Long, Map<String, List<BigDecimal>>> monthly = new HashMap<>();
            for (StatisticValue v : statistics.between(actor, YearMonth.from(p.firstDay()),
                    YearMonth.from(p.lastDay()))) {
                monthly.computeIfAbsent(v.unitId(), k -> new HashMap<>())
                        .computeIfAbsent(v.measure(), k -> new ArrayList<>()).add(v.value());
            }
            Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
            for (UnitRef u : candidates) {
                Map<String, List<BigDecimal>> mine = monthly.getOrDefault(u.id(), Map.of());
                Map<String, BigDecimal> agg = new HashMap<>();
                for (StatisticMeasure s : all) {
                    BigDecimal v = s.aggregation().aggregate(mine.get(s.code()));
                    if (v != null) {
                        agg.put(s.code(), v);
                    }
                }
                values.put(u.id(), agg);
            }
            perPeriod.add(values);
        }
        List<UnitRef> included = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (UnitRef u : candidates) {
            List<String> missing = new ArrayList<>();
            for (StatisticMeasure s : all) {
                boolean everywhere = perPeriod.stream().allMatch(v -> v.get(u.id()).containsKey(s.code()));
                if (!everywhere) {
                    missing.add(s.code());
                }
            }
            if (missing.isEmpty()) {
                included.add(u);
            } else {
                leftOut.add(new LeftOut(u.code(), u.name(), missing));
            }
        }
        List<double[][]> xs = new ArrayList<>();
        List<double[][]> ys = new ArrayList<>();
        for (Map<Long, Map<String, BigDecimal>> values : perPeriod) {
            double[][] x = new double[included.size()][in.size()];
            double[][] y = new double[included.size()][out.size()];
            for (int j = 0; j < included.size(); j++) {
                Map<String, BigDecimal> v = values.get(included.get(j).id());
                for (int i = 0; i < in.size(); i++) {
                    x[j][i] = v.get(in.get(i).code()).doubleValue();
                }
                for (int r = 0; r < out.size(); r++) {
                    y[j][r] = v.get(out.get(r).code()).doubleValue();
                }
            }
            xs.add(x);
            ys.add(y);
        }
        return new Matrix(included, xs, ys, leftOut);
    }

    /**
     * What the model cannot take, named by unit and measure: fewer than 2 units, negative values (or not positive
     * ones, for Malmquist), a unit whose inputs or outputs are all 0, a measure 0 for every unit.
     */
    private static List<Problem> check(Matrix m, int t, UnitType type, List<StatisticMeasure> in,
            List<StatisticMeasure> out, boolean positive, Period period) {
        List<Problem> problems = new ArrayList<>();
        if (m.units().size() < 2) {
            problems.add(Problem.of("unitType", "efficiency.run.error.tooFewUnits", m.units().size(), type.name(),
                    m.leftOut().size()));
            return problems;
        }
        if (m.units().size() > DeaData.MAX_UNITS) {
            problems.add(Problem.of("unitType", "efficiency.method.tooManyUnits", m.units().size(),
                    DeaData.MAX_UNITS));
        }
        if (in.size() + out.size() > DeaData.MAX_MEASURES) {
            problems.add(Problem.of("inputs", "efficiency.method.tooManyMeasures", in.size() + out.size(),
                    DeaData.MAX_MEASURES));
        }
        String when = period == null ? "" : period.toString();
        cells("inputs", m.inputs(t), m.units(), in, positive, when, problems);
        cells("outputs", m.outputs(t), m.units(), out, positive, when, problems);
        if (!positive) {
            for (int j = 0; j < m.units().size(); j++) {
                UnitRef u = m.units().get(j);
                if (allZero(m.inputs(t)[j])) {
                    problems.add(Problem.of("inputs", "efficiency.run.error.unitWithoutInput", u.code(), u.name()));
                }
                if (allZero(m.outputs(t)[j])) {
                    problems.add(Problem.of("outputs", "efficiency.run.error.unitWithoutOutput", u.code(), u.name()));
                }
            }
            zeroColumns("inputs", m.inputs(t), in, problems);
            zeroColumns("outputs", m.outputs(t), out, problems);
        }
        return problems;
    }

    private static void cells(String field, double[][] values, List<UnitRef> units, List<StatisticMeasure> measures,
            boolean positive, String period, List<Problem> problems) {
        for (int j = 0; j < values.length; j++) {
            for (int i = 0; i < measures.size(); i++) {
                double v = values[j][i];
                if (v < 0 || (positive && v == 0)) {
                    StatisticMeasure s = measures.get(i);
                    UnitRef u = units.get(j);
                    problems.add(Problem.of(field, positive ? "efficiency.run.error.notPositive"
                                    : "efficiency.run.error.negative", u.code(), u.name(), s.code(), s.nameZh(),
                            BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(), period));
                }
            }
        }
    }

    private static void zeroColumns(String field, double[][] values, List<StatisticMeasure> measures,
            List<Problem> problems) {
        for (int i = 0; i < measures.size(); i++) {
            boolean zero = true;
            for (double[] row : values) {
                zero &= row[i] == 0;
            }
            if (zero) {
                problems.add(Problem.of(field, "efficiency.run.error.alwaysZero", measures.get(i).code(),
                        measures.get(i).nameZh()));
            }
        }
    }

    private static boolean allZero(double[] row) {
        for (double v : row) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Double>> rows(double[][] m) {
        List<List<Double>> out = new ArrayList<>(m.length);
        for (double[] r : m) {
            List<Double> row = new ArrayList<>(r.length);
            for (double v : r) {
                row.add(v);
            }
            out.add(row);
        }
        return out;
    }

    /** The compared units and, per period, their inputs and outputs (rows in unit order). */
    private record Matrix(List<UnitRef> units, List<double[][]> xs, List<double[][]> ys, List<LeftOut> leftOut) {

        double[][] inputs(int t) {
            return xs.get(t);
        }

        double[][] outputs(int t) {
            return ys.get(t);
        }
    }
}
