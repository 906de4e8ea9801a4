package org.meridian.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.meridian.allocation.method.BoundedAllocation;
import org.meridian.allocation.method.Inequality;
import org.meridian.allocation.method.WeightedDriver;
import org.meridian.efficiency.EfficiencyAnalysis;
import org.meridian.efficiency.EfficiencyRun;
import org.meridian.efficiency.RunStatus;
import org.meridian.efficiency.UnitEfficiency;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.MeasureTotals;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.CatalogueMeasure;
import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.intake.StatisticsIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation planning (资源配置): drafting plans that share a resource among a hospital's departments or institutions
 * by performance, brand index, DEA efficiency and (once kept) forecast demand, or by tier, within floors, caps and a
 * pace of change against the last approved plan of the resource (network.md §3); approving them by a second person;
 * reading them with their equity before and after.
 *
 * <p><b>Where the driver comes from.</b> For each unit type, the newest published version of the evaluation of the
 * plan's period gives its units (every scorecard), their performance (绩效: the scorecard's score over every dimension
 * but brand), brand index (品牌指数) and tier; the newest published efficiency run of the same period and type gives
 * the DEA score (θ or 1/φ of its model, in (0, 1]), read only when efficiency has a weight. Demand, when it has a
 * weight, is the forecast of the planner's demand measure for the period after the plan's, made from each unit's
 * monthly statistics ({@link DemandForecast}): departments and institutions have no stored forecasts, so the unit's
 * own workload is forecast by the channels' rule.
 *
 * <p><b>Equity per head.</b> Beside each unit counted once, a plan may take its equity per head of a measure (per open
 * bed, per physician, per discharge): each unit's value of that measure in the evaluation the plan read (frozen with
 * the scorecard) is its population in the grouped Gini and Theil ({@link Inequality}).
 *
 * <p><b>The rule.</b> DRIVER: {@link WeightedDriver} (each part as the units' shares of it, weighted); TIERS: each unit
 * gets the parts of its tier. Then {@link BoundedAllocation}: x = clamp(λ·d, floor, cap) adding up to the amount
 * exactly, to the fen (or whole unit). With a maximum change m and an approved plan before, a unit that had p there
 * gets at least p·(1 − m) and at most p·(1 + m) (a unit new to the plan only its own bounds).
 *
 * <p><b>Bad input</b> is refused with every problem at once and nothing stored: no published evaluation (or
 * efficiency run, when weighted) for a type, units without a value of a weighted part (named), a part that is 0 for
 * every unit, a demand weight without a demand measure (or with one that is not a statistic measure), units without
 * a forecast, a per-head measure that is unknown or missing or 0 for a unit (named), floors above the amount or caps below it (naming the bound and the sums), a unit whose
 * floor is above its cap. Approving one's own plan is refused (403, four eyes), approving twice is a conflict, and so
 * is approving a draft whose last approved plan has been replaced since (its pace and "before" are stale).
 */
@Service
public class AllocationPlanning {

    private static final MathContext MC = MathContext.DECIMAL128;

    private final AllocationPlans plans;
    private final EvaluationResults evaluations;
    private final EfficiencyAnalysis efficiency;
    private final AuditLog audit;
    private final Clock clock;
    private final MeasureCatalogue catalogue;
    private final StatisticsIntake statistics;

    AllocationPlanning(AllocationPlans plans, EvaluationResults evaluations, EfficiencyAnalysis efficiency,
            AuditLog audit, Clock clock, MeasureCatalogue catalogue, StatisticsIntake statistics) {
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.plans = plans;
        this.evaluations = evaluations;
        this.efficiency = efficiency;
        this.audit = audit;
        this.clock = clock;
    }

    /** A unit taking part, with its values as read. */
    private record Candidate(long id, String code, String name, UnitType type, String tier, BigDecimal performance,
            BigDecimal brand, Double efficiency, BigDecimal population, DemandForecast.Demand demand) {

        Candidate withDemand(DemandForecast.Demand d) {
            return new Candidate(id, code, name, type, tier, performance, brand, efficiency, population, d);
        }

        BigDecimal demandValue() {
            return demand == null ? null : demand.value();
        }
    }

    /**
     * The measures a plan may name: the hospital's statistic measures (a demand measure must be one, since its monthly
     * values are forecast) and, for equity per head, also the event measures; never {@code days}.
     */
    public List<CatalogueMeasure> measures(Actor actor) {
        AllocationVisibility.requireSee(actor);
        return catalogue.list(actor).stream().filter(m -> m.source() != CatalogueMeasure.Source.DAYS).toList();
    }

    /** Computes and stores a draft plan; 400 with every problem, nothing stored, when it cannot be made. */
    @Transactional
    public AllocationPlan draft(Actor actor, PlanSpec spec) {
        AllocationVisibility.requireDraft(actor);
        long h = actor.hospitalId();
        List<Problem> problems = new ArrayList<>();
        List<PlanSource> sources = new ArrayList<>();
        List<Candidate> units = new ArrayList<>();
        boolean driver = spec.rule() == PlanRule.DRIVER;
        boolean useEfficiency = driver && spec.weights().efficiency().signum() > 0;
        boolean useDemand = driver && spec.weights().demand().signum() > 0;
        Map<String, CatalogueMeasure> known = new HashMap<>();
        measures(actor).forEach(m -> known.put(m.code(), m));
        if (useDemand && spec.demandMeasure() == null) {
            problems.add(Problem.of("demandMeasure", "allocation.plan.error.demandMeasureRequired"));
        } else if (useDemand && (!known.containsKey(spec.demandMeasure())
                || known.get(spec.demandMeasure()).source() != CatalogueMeasure.Source.STATISTIC)) {
            problems.add(Problem.of("demandMeasure", "allocation.plan.error.demandMeasureUnknown",
                    spec.demandMeasure()));
        }
        if (spec.equityPer() != null && !known.containsKey(spec.equityPer())) {
            problems.add(Problem.of("equityPer", "allocation.plan.error.equityPerUnknown", spec.equityPer()));
        }
        for (UnitType type : spec.unitTypes()) {
            Optional<Evaluation> evaluation = publishedEvaluation(actor, spec.period(), type);
            if (evaluation.isEmpty()) {
                problems.add(Problem.of("unitTypes", "allocation.plan.error.noEvaluation", spec.period().toString(),
                        typeName(type)));
                continue;
            }
            long evaluationId = evaluation.get().id();
            sources.add(new PlanSource(PlanSource.Kind.EVALUATION, evaluationId, type.name(),
                    spec.period().toString()));
            Map<String, Double> scores = Map.of();
            if (useEfficiency) {
                Optional<EfficiencyRun> run = efficiency.search(actor, spec.period(), type, RunStatus.PUBLISHED, 0, 1)
                        .items().stream().findFirst();
                if (run.isEmpty()) {
                    problems.add(Problem.of("driver.efficiency", "allocation.plan.error.noEfficiencyRun",
                            spec.period().toString(), typeName(type)));
                } else {
                    sources.add(new PlanSource(PlanSource.Kind.EFFICIENCY_RUN, run.get().id(), type.name(),
                            spec.period().toString()));
                    scores = efficiency.results(actor, run.get().id()).stream()
                            .collect(Collectors.toMap(UnitEfficiency::unitCode, UnitEfficiency::score));
                }
            }
            SchemeSnapshot scheme = evaluations.scheme(actor, evaluationId);
            Map<String, MeasureTotals> totals = spec.equityPer() == null ? Map.of()
                    : evaluations.measureTotals(actor, evaluationId);
            for (UnitScorecard card : evaluations.allScorecards(actor, evaluationId)) {
                DimensionScores d = card.dimensionScores(scheme);
                MeasureTotals t = totals.get(card.channel());
                BigDecimal population = t == null || spec.equityPer() == null ? null
                        : t.get(spec.equityPer()).orElse(null);
                units.add(new Candidate(card.channelId(), card.channel(), card.channelName(), type, card.tier(),
                        d.performance(), d.brand(), scores.get(card.channel()), population, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        units.sort(Comparator.comparing(Candidate::code));
        if (units.isEmpty()) {
            throw new InvalidInputException("allocation", List.of(Problem.of("unitTypes",
                    "allocation.plan.error.noUnits", spec.period().toString())));
        }
        if (useDemand) {
            Map<Long, Map<java.time.YearMonth, BigDecimal>> monthly = DemandForecast.byUnit(statistics.between(actor,
                    DemandForecast.from(spec.period()), java.time.YearMonth.from(spec.period().lastDay())),
                    spec.demandMeasure());
            units.replaceAll(u -> u.withDemand(DemandForecast.of(monthly.getOrDefault(u.id(), Map.of()),
                    spec.period())));
        }
        if (spec.equityPer() != null) {
            population(units, known.get(spec.equityPer()), problems);
        }
        Set<String> codes = units.stream().map(Candidate::code).collect(Collectors.toSet());
        for (String code : spec.bounds().floors().keySet()) {
            if (!codes.contains(code)) {
                problems.add(Problem.of("floors." + code, "allocation.plan.error.unknownUnit", code));
            }
        }
        for (String code : spec.bounds().caps().keySet()) {
            if (!codes.contains(code)) {
                problems.add(Problem.of("caps." + code, "allocation.plan.error.unknownUnit", code));
            }
        }
        List<BigDecimal> d = driver ? drivers(spec, units, problems) : tierDrivers(spec.tiers(), units, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        Optional<AllocationPlan> previous = plans.lastApproved(h, spec.resource(), spec.unit());
        Map<String, BigDecimal> before = new HashMap<>();
        previous.ifPresent(p -> plans.shares(h, p.id()).forEach(s -> before.put(s.unitCode(), s.amount())));
        Bounds b = bounds(spec, units, d, before, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        BoundedAllocation.Result r = BoundedAllocation.allocate(spec.amount(), d, b.lo(), b.hiOrAmount(), null,
                null, spec.unit().name());
        List<PlanShare> shares = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Candidate u = units.get(i);
            BigDecimal v = r.lambda().multiply(d.get(i), MC);
            ShareBound bound = null;
            BigDecimal hi = b.hi().get(i);
            BigDecimal lo = b.lo().get(i);
            if (hi != null && v.compareTo(hi) >= 0) {
                bound = b.paceCap().get(i) ? ShareBound.PACE_CAP : ShareBound.CAP;
            } else if (lo.signum() > 0 && v.compareTo(lo) <= 0) {
                bound = b.paceFloor().get(i) ? ShareBound.PACE_FLOOR : ShareBound.FLOOR;
            }
            shares.add(new PlanShare(i, u.id(), u.code(), u.name(), u.type().name(), u.tier(), u.performance(),
                    u.brand(), u.efficiency(), u.demandValue(), d.get(i), before.get(u.code()), lo, hi,
                    r.allocations().get(i), bound, u.demand() == null ? null : u.demand().months(), u.population()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AllocationPlan draft = new AllocationPlan(0, spec.name(), spec.resource(), spec.unit(),
                spec.amount().setScale(2), spec.period(), spec.unitTypes(), spec.rule(), spec.weights(), spec.tiers(),
                spec.bounds(), spec.maxChange(), previous.map(AllocationPlan::id).orElse(null), sources,
                PlanStatus.DRAFT, now, actor.username(), null, null, spec.payPool(),
                useDemand ? spec.demandMeasure() : null, spec.equityPer());
        long id = plans.insert(h, draft, shares);
        Map<String, Object> details = AuditLog.details("name", spec.name(), "resource", spec.resource(),
                "amount", spec.amount().toPlainString(), "period", spec.period().toString(), "units", units.size());
        audit.record(h, actor.username(), "ALLOCATION_PLAN_DRAFTED", "allocation-plan:" + id, details);
        return plans.find(h, id).orElseThrow();
    }

    /**
     * Approves a draft as a second person: it is frozen from now on and becomes the plan the next one of its resource
     * is paced against. 403 for the planner (four eyes), 409 when approved already or when another plan of the
     * resource was approved since it was drafted.
     */
    @Transactional
    public AllocationPlan approve(Actor actor, long id) {
        AllocationVisibility.requireApprove(actor);
        long h = actor.hospitalId();
        AllocationPlan plan = plans.lock(h, id).orElseThrow(() -> new AllocationPlanNotFoundException(id));
        if (plan.approved()) {
            throw new ConflictException("allocation", "plan-approved", "allocation.problem.alreadyApproved",
                    List.of(id), "allocation plan " + id + " is already approved");
        }
        FourEyes.require("allocation", plan.draftedBy(), actor, "allocation.problem.fourEyes");
        Long last = plans.lastApproved(h, plan.resource(), plan.unit()).map(AllocationPlan::id).orElse(null);
        if (!java.util.Objects.equals(last, plan.previousPlanId())) {
            throw new ConflictException("allocation", "plan-stale", "allocation.problem.stale", List.of(id, last),
                    "allocation plan " + id + " was drafted against plan " + plan.previousPlanId()
                            + " but plan " + last + " has been approved since");
        }
        plans.approve(h, id, clock.instant().truncatedTo(ChronoUnit.MICROS), actor.username());
        audit.record(h, actor.username(), "ALLOCATION_PLAN_APPROVED", "allocation-plan:" + id,
                Map.of("name", plan.name(), "resource", plan.resource(), "amount", plan.amount().toPlainString()));
        return plans.find(h, id).orElseThrow();
    }

    public AllocationPlan get(Actor actor, long id) {
        AllocationVisibility.requireSee(actor);
        return plans.find(actor.hospitalId(), id).orElseThrow(() -> new AllocationPlanNotFoundException(id));
    }

    /** Each unit's share in the plan's unit order (by code). */
    public List<PlanShare> shares(Actor actor, long id) {
        get(actor, id);
        return plans.shares(actor.hospitalId(), id);
    }

    /** One unit's share in the plan (its statement, 分配单), by the unit's code; 404 when it takes no part. */
    public PlanShare share(Actor actor, long id, String unitCode) {
        return shares(actor, id).stream().filter(s -> s.unitCode().equals(unitCode)).findFirst()
                .orElseThrow(() -> new PlanShareNotFoundException(id, unitCode));
    }

    /** One page of the hospital's plans, newest first; status and resource (part of its name) null for any. */
    public Paged<AllocationPlan> search(Actor actor, PlanStatus status, String resource, int page, int size) {
        AllocationVisibility.requireSee(actor);
        Paged.check(page, size);
        long h = actor.hospitalId();
        String r = resource == null || resource.isBlank() ? null : resource.strip();
        return new Paged<>(plans.search(h, status, r, (long) page * size, size), page, size,
                plans.count(h, status, r));
    }

    /**
     * Gini, Theil and the Lorenz curve of the plan's amounts and of the last approved plan's before it, each unit
     * once and, when the plan names a per-head measure, per head of it (the units' values in this plan's evaluation as
     * populations, for the plan before too, when each of its units has one here).
     */
    public PlanEquity equity(Actor actor, long id) {
        AllocationPlan plan = get(actor, id);
        List<PlanShare> shares = plans.shares(actor.hospitalId(), id);
        Inequality.Result after = measure(shares);
        Map<String, BigDecimal> populations = new HashMap<>();
        shares.stream().filter(s -> s.population() != null).forEach(s -> populations.put(s.unitCode(),
                s.population()));
        Inequality.Result afterPerHead = plan.equityPer() == null ? null : perHead(shares, populations);
        if (plan.previousPlanId() == null) {
            return new PlanEquity(after, null, null, afterPerHead, null);
        }
        AllocationPlan previous = plans.find(actor.hospitalId(), plan.previousPlanId()).orElseThrow();
        List<PlanShare> before = plans.shares(actor.hospitalId(), previous.id());
        return new PlanEquity(after, measure(before), previous, afterPerHead,
                plan.equityPer() == null ? null : perHead(before, populations));
    }

    /** Equity per head: the amounts over the units' populations (grouped form); null when a unit has none. */
    private static Inequality.Result perHead(List<PlanShare> shares, Map<String, BigDecimal> populations) {
        List<Double> pop = new ArrayList<>();
        for (PlanShare s : shares) {
            BigDecimal p = populations.get(s.unitCode());
            if (p == null || p.signum() <= 0) {
                return null;
            }
            pop.add(p.doubleValue());
        }
        return Inequality.measure(shares.stream().map(s -> s.amount().doubleValue()).toList(), pop, null, null,
                null);
    }

    /** Names every unit without a value of the per-head measure, or with 0 (per head of nothing is no measure). */
    private static void population(List<Candidate> units, CatalogueMeasure measure, List<Problem> problems) {
        List<String> missing = new ArrayList<>();
        List<String> zero = new ArrayList<>();
        for (Candidate u : units) {
            if (u.population() == null) {
                missing.add(u.name() + "（" + u.code() + "）");
            } else if (u.population().signum() <= 0) {
                zero.add(u.name() + "（" + u.code() + "）");
            }
        }
        Object name = measureName(measure);
        if (!missing.isEmpty()) {
            problems.add(Problem.of("equityPer", "allocation.plan.error.missing.population", missing.size(),
                    String.join("、", missing), name));
        }
        if (!zero.isEmpty()) {
            problems.add(Problem.of("equityPer", "allocation.plan.error.zeroPopulation", zero.size(),
                    String.join("、", zero), name));
        }
    }

    /** A measure's name in the reader's language ({@code nameEn} falls back to the Chinese name, then the code). */
    static Object measureName(CatalogueMeasure m) {
        return new DefaultMessageSourceResolvable(new String[] {"allocation.words.measure"},
                new Object[] {m.nameZh(), m.nameEn() == null ? m.nameZh() : m.nameEn()}, m.nameZh());
    }

    /** Records that the plan was exported (who took a copy of it, and when). */
    public void exported(Actor actor, long id) {
        AllocationPlan plan = get(actor, id);
        audit.record(actor.hospitalId(), actor.username(), "ALLOCATION_PLAN_EXPORTED", "allocation-plan:" + id,
                Map.of("name", plan.name(), "status", plan.status().name()));
    }

    private static Inequality.Result measure(List<PlanShare> shares) {
        return Inequality.measure(shares.stream().map(s -> s.amount().doubleValue()).toList(), null, null, null,
                null);
    }

    private Optional<Evaluation> publishedEvaluation(Actor actor, Period period, UnitType type) {
        return evaluations.search(actor, period, type, 0, 100).items().stream().filter(Evaluation::published)
                .max(Comparator.comparingInt(Evaluation::version));
    }

    private static Object typeName(UnitType type) {
        return new DefaultMessageSourceResolvable(new String[] {"unitType." + type.name()}, type.name());
    }

    /** The weighted driver, after naming every unit that lacks a value of a weighted part. */
    private static List<BigDecimal> drivers(PlanSpec spec, List<Candidate> units, List<Problem> problems) {
        DriverWeights w = spec.weights();
        List<BigDecimal> performance = units.stream().map(Candidate::performance).toList();
        List<BigDecimal> brand = units.stream().map(Candidate::brand).toList();
        List<BigDecimal> eff = units.stream()
                .map(u -> u.efficiency() == null ? null : BigDecimal.valueOf(u.efficiency())).toList();
        check("performance", w.performance(), performance, units, problems);
        check("brand", w.brand(), brand, units, problems);
        check("efficiency", w.efficiency(), eff, units, problems);
        List<BigDecimal> demand = units.stream().map(Candidate::demandValue).toList();
        if (spec.demandMeasure() != null) {
            check("demand", w.demand(), demand, units, problems);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return WeightedDriver.combine(units.size(), List.of(new WeightedDriver.Part(w.performance(), performance),
                new WeightedDriver.Part(w.brand(), brand), new WeightedDriver.Part(w.efficiency(), eff),
                new WeightedDriver.Part(w.demand(), demand))).drivers();
    }

    private static void check(String part, BigDecimal weight, List<BigDecimal> values, List<Candidate> units,
            List<Problem> problems) {
        if (weight.signum() == 0) {
            return;
        }
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < units.size(); i++) {
            BigDecimal v = values.get(i);
            if (v == null) {
                missing.add(units.get(i).name() + "（" + units.get(i).code() + "）");
            } else {
                total = total.add(v.max(BigDecimal.ZERO));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(Problem.of("driver." + part, "allocation.plan.error.missing." + part, missing.size(),
                    String.join("、", missing)));
        } else if (total.signum() == 0) {
            problems.add(Problem.of("driver." + part, "allocation.plan.error.allZero." + part));
        }
    }

    private static List<BigDecimal> tierDrivers(Map<String, BigDecimal> tiers, List<Candidate> units,
            List<Problem> problems) {
        List<BigDecimal> d = units.stream().map(u -> tiers.getOrDefault(u.tier(), BigDecimal.ZERO)).toList();
        if (d.stream().allMatch(v -> v.signum() == 0)) {
            problems.add(Problem.of("tiers", "allocation.plan.error.noTierMatches", String.join("、",
                    units.stream().map(Candidate::tier).filter(java.util.Objects::nonNull).distinct().sorted()
                            .toList())));
        }
        return d;
    }

    /** Each unit's floor and cap (null: none) with the pace of change, and which of them the pace set. */
    private record Bounds(List<BigDecimal> lo, List<BigDecimal> hi, List<Boolean> paceFloor, List<Boolean> paceCap,
            BigDecimal amount) {

        /** The caps for the calculation: a unit without a cap can never get more than the whole amount. */
        List<BigDecimal> hiOrAmount() {
            return hi.stream().map(h -> h == null ? amount : h.min(amount)).toList();
        }
    }

    private static Bounds bounds(PlanSpec spec, List<Candidate> units, List<BigDecimal> d,
            Map<String, BigDecimal> before, List<Problem> problems) {
        List<BigDecimal> lo = new ArrayList<>();
        List<BigDecimal> hi = new ArrayList<>();
        List<Boolean> paceFloor = new ArrayList<>();
        List<Boolean> paceCap = new ArrayList<>();
        BigDecimal m = spec.maxChange();
        boolean paced = false;
        for (Candidate u : units) {
            BigDecimal floor = spec.bounds().floorOf(u.code());
            BigDecimal cap = spec.bounds().capOf(u.code());
            BigDecimal f = floor == null ? BigDecimal.ZERO : floor;
            BigDecimal c = cap;
            boolean pf = false;
            boolean pc = false;
            BigDecimal p = before.get(u.code());
            if (m != null && p != null) {
                BigDecimal down = p.multiply(BigDecimal.ONE.subtract(m)).max(BigDecimal.ZERO);
                BigDecimal up = p.multiply(BigDecimal.ONE.add(m));
                if (down.compareTo(f) > 0) {
                    f = down;
                    pf = true;
                    paced = true;
                }
                if (c == null || up.compareTo(c) < 0) {
                    c = up;
                    pc = true;
                    paced = true;
                }
            }
            if (c != null && f.compareTo(c) > 0) {
                String path = spec.bounds().floors().containsKey(u.code()) ? "floors." + u.code()
                        : spec.bounds().caps().containsKey(u.code()) ? "caps." + u.code()
                        : pf || pc ? "maxChange" : "floors";
                problems.add(Problem.of(path, "allocation.plan.error.unitFloorAboveCap", u.name(), u.code(),
                        format(f, spec.unit()), format(c, spec.unit())));
            }
            lo.add(f);
            hi.add(c);
            paceFloor.add(pf);
            paceCap.add(pc);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        BigDecimal lowest = lo.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal highest = BigDecimal.ZERO;
        boolean unbounded = false;
        for (int i = 0; i < units.size(); i++) {
            if (d.get(i).signum() == 0) {
                highest = highest.add(lo.get(i));
            } else if (hi.get(i) == null) {
                unbounded = true;
            } else {
                highest = highest.add(hi.get(i));
            }
        }
        if (lowest.compareTo(spec.amount()) > 0) {
            boolean byPace = paceFloor.contains(true);
            problems.add(Problem.of(byPace ? "maxChange" : "floors", byPace
                            ? "allocation.allocate.floorsAboveBudgetPaced" : "allocation.allocate.floorsAboveBudget",
                    format(lowest, spec.unit()), format(spec.amount(), spec.unit())));
        }
        if (!unbounded && highest.compareTo(spec.amount()) < 0) {
            boolean byPace = paceCap.contains(true);
            problems.add(Problem.of(byPace ? "maxChange" : "caps", byPace
                            ? "allocation.allocate.capsBelowBudgetPaced" : "allocation.allocate.capsBelowBudget",
                    format(highest, spec.unit()), format(spec.amount(), spec.unit())));
        }
        return new Bounds(lo, hi, paceFloor, paceCap, spec.amount());
    }

    /** An amount as people write it: 100,000.00 (money) or 120 (whole units); more decimals only when it has them. */
    static String format(BigDecimal v, BoundedAllocation.Unit unit) {
        DecimalFormat f = new DecimalFormat(unit == BoundedAllocation.Unit.CNY ? "#,##0.00######" : "#,##0.######",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }
}
