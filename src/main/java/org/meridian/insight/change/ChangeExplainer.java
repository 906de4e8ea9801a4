package org.meridian.insight.change;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.Measure;
import org.meridian.intake.EventIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.HospitalCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explained changes (变动解读): how a month's referrals, arrivals and revenue changed against the month before (环比)
 * and the same month a year before (同比), which channels contributed the change ({@link Decomposition}: each
 * channel's own change, largest first, adding up to the hospital's), and what that says in a few sentences
 * ({@link ChangeSentences}).
 * <p>The figures are intake's monthly rollups per channel ({@link EventIntake#totals} over the whole month), the same
 * that the workbench's monthly figures add up. A month "has data" when any channel has an event in it; a base month
 * without data is not compared. The average total score is the mean of the channels' totals in the newest published
 * version of each channel type's evaluation of that month ({@link Decomposition#ofMean}); a month without one is not
 * compared. A channel's total is explained by its indicators ({@link #explainTotal}). A channel's own user gets its
 * channel's changes only.
 */
@Service
public class ChangeExplainer {

    private final EventIntake intake;
    private final EvaluationResults results;
    private final ChannelRegistry channels;
    private final HospitalCalendar calendar;

    ChangeExplainer(EventIntake intake, EvaluationResults results, ChannelRegistry channels,
                    HospitalCalendar calendar) {
        this.intake = intake;
        this.results = results;
        this.channels = channels;
        this.calendar = calendar;
    }

    /** The latest month that can be explained: the last whole month of the hospital's calendar. */
    public YearMonth latestMonth(Actor actor) {
        return YearMonth.from(calendar.today(actor.hospitalId())).minusMonths(1);
    }

    /** The month's explained changes, for the hospital, or for a channel's user its own channel. */
    @Transactional(readOnly = true)
    public Explanation explain(Actor actor, YearMonth month) {
        ChangeVisibility.requireSees(actor);
        Long only = ChangeVisibility.seesHospital(actor) ? null : actor.channelId();
        Map<YearMonth, Map<Long, Map<Measure, BigDecimal>>> data = new HashMap<>();
        for (YearMonth ym : List.of(month, ChangeBasis.MONTH_BEFORE.base(month), ChangeBasis.YEAR_BEFORE.base(month))) {
            Map<Long, Map<Measure, BigDecimal>> t = intake.totals(actor.hospitalId(), ym.atDay(1), ym.atEndOfMonth());
            if (only != null) {
                t = t.containsKey(only) ? Map.of(only, t.get(only)) : Map.of();
            }
            data.put(ym, t);
        }
        Map<YearMonth, Map<Long, BigDecimal>> totals = new HashMap<>();
        for (YearMonth ym : data.keySet()) {
            Map<Long, BigDecimal> t = new LinkedHashMap<>();
            published(actor, ym).forEach(e -> results.ranking(actor, e.id()).stream()
                    .filter(c -> c.total() != null && (only == null || c.channelId() == only))
                    .sorted(java.util.Comparator.comparing(UnitScorecard::channelId))
                    .forEach(c -> t.put(c.channelId(), c.total())));
            totals.put(ym, t);
        }
        Map<Long, Optional<ChannelRef>> refs = new HashMap<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (ChangeMeasure m : ChangeMeasure.values()) {
            for (ChangeBasis basis : ChangeBasis.values()) {
                comparisons.add(m.summed() ? compare(actor, m, basis, month, data, refs, only == null)
                        : compareMeans(actor, m, basis, month, totals, refs, only == null));
            }
        }
        String code = null;
        String name = null;
        if (only != null) {
            Optional<ChannelRef> ref = channels.find(actor, only);
            code = ref.map(ChannelRef::code).orElse("#" + only);
            name = ref.map(ChannelRef::name).orElse(code);
        }
        return new Explanation(month, code, name, !data.get(month).isEmpty(), comparisons);
    }

    private Comparison compare(Actor actor, ChangeMeasure m, ChangeBasis basis, YearMonth month,
                               Map<YearMonth, Map<Long, Map<Measure, BigDecimal>>> data,
                               Map<Long, Optional<ChannelRef>> refs, boolean forHospital) {
        YearMonth baseMonth = basis.base(month);
        Map<Long, BigDecimal> now = values(data.get(month), m.measure());
        Map<Long, BigDecimal> then = values(data.get(baseMonth), m.measure());
        BigDecimal current = data.get(month).isEmpty() ? null : sum(now);
        BigDecimal base = data.get(baseMonth).isEmpty() ? null : sum(then);
        BigDecimal change = current == null || base == null ? null : current.subtract(base);
        BigDecimal percent = change == null || base.signum() <= 0 ? null : ChangeSentences.percentOf(change, base);
        List<Contribution> contributors = change == null || !forHospital ? List.of()
                : named(actor, Decomposition.of(now, then), change, refs);
        return new Comparison(m, basis, month, baseMonth, current, base, change, percent, contributors,
                ChangeSentences.of(m, basis, month, current, base, change, percent, contributors, forHospital));
    }

    private Comparison compareMeans(Actor actor, ChangeMeasure m, ChangeBasis basis, YearMonth month,
                                    Map<YearMonth, Map<Long, BigDecimal>> totals,
                                    Map<Long, Optional<ChannelRef>> refs, boolean forHospital) {
        YearMonth baseMonth = basis.base(month);
        Map<Long, BigDecimal> now = totals.get(month);
        Map<Long, BigDecimal> then = totals.get(baseMonth);
        BigDecimal current = mean(now);
        BigDecimal base = mean(then);
        BigDecimal change = current == null || base == null ? null : current.subtract(base);
        BigDecimal percent = change == null || base.signum() <= 0 ? null : ChangeSentences.percentOf(change, base);
        List<Contribution> contributors = change == null || !forHospital ? List.of()
                : named(actor, Decomposition.ofMean(now, then), change, refs);
        return new Comparison(m, basis, month, baseMonth, current, base, change, percent, contributors,
                ChangeSentences.of(m, basis, month, current, base, change, percent, contributors, forHospital));
    }

    private List<Contribution> named(Actor actor, List<Decomposition.Part<Long>> parts, BigDecimal change,
                                     Map<Long, Optional<ChannelRef>> refs) {
        List<Contribution> out = new ArrayList<>();
        for (Decomposition.Part<Long> p : parts) {
            Optional<ChannelRef> ref = refs.computeIfAbsent(p.key(), id -> channels.find(actor, id));
            out.add(new Contribution(p.key(), ref.map(ChannelRef::code).orElse("#" + p.key()),
                    ref.map(ChannelRef::name).orElse("#" + p.key()), p.current(), p.base(), p.change(),
                    ChangeSentences.percentOf(p.change(), change)));
        }
        return out;
    }

    private static BigDecimal mean(Map<Long, BigDecimal> values) {
        return values.isEmpty() ? null
                : sum(values).divide(BigDecimal.valueOf(values.size()), Decomposition.PRECISION);
    }

    /** The newest published version of each channel type's evaluation of the month that the actor may see. */
    private List<Evaluation> published(Actor actor, YearMonth month) {
        Map<UnitType, Evaluation> newest = new LinkedHashMap<>();
        for (Evaluation e : results.search(actor, Period.month(month.getYear(), month.getMonthValue()), null, 0,
                org.meridian.shared.web.Paged.MAX_SIZE).items()) {
            if (e.published() && e.unitType().kind() == UnitKind.CHANNEL) {
                newest.merge(e.unitType(), e, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return List.copyOf(newest.values());
    }

    /**
     * Why a channel's total score moved in the month: its scorecard in the newest published evaluation of its type
     * for the month, against the month before and the same month last year, split into its indicators. A channel's
     * own user may ask only for its channel (a null code: its own); a code that names no channel of the hospital (or
     * another channel, for a channel's user) is not found.
     */
    @Transactional(readOnly = true)
    public ChannelTotalExplanation explainTotal(Actor actor, YearMonth month, String code) {
        ChangeVisibility.requireSees(actor);
        Optional<ChannelRef> found = code == null && actor.channelId() != null ? channels.find(actor, actor.channelId())
                : channels.findByCode(actor, code);
        ChannelRef ref = found
                .filter(r -> ChangeVisibility.seesHospital(actor) || actor.channelId().equals(r.id()))
                .orElseThrow(() -> new ChangeNotFoundException(String.valueOf(code)));
        Card now = card(actor, month, ref);
        List<TotalChange> changes = new ArrayList<>();
        for (ChangeBasis basis : ChangeBasis.values()) {
            YearMonth baseMonth = basis.base(month);
            Card then = card(actor, baseMonth, ref);
            BigDecimal current = now == null ? null : now.card().total();
            BigDecimal base = then == null ? null : then.card().total();
            BigDecimal change = current == null || base == null ? null : current.subtract(base);
            List<IndicatorMove> moves = change == null ? List.of() : moves(now, then);
            changes.add(new TotalChange(basis, month, baseMonth, current, base, change, moves,
                    ChangeSentences.ofTotal(ref.name(), basis, month, current, base, change, moves)));
        }
        return new ChannelTotalExplanation(month, ref.code(), ref.name(), changes);
    }

    /** A channel's scorecard in a month's evaluation, with the names of its indicators (Chinese, English). */
    private record Card(UnitScorecard card, Map<String, String> zh, Map<String, String> en) {
    }

    private Card card(Actor actor, YearMonth month, ChannelRef ref) {
        Optional<Evaluation> e = published(actor, month).stream().filter(x -> x.unitType() == ref.type()).findFirst();
        if (e.isEmpty()) {
            return null;
        }
        return results.scorecard(actor, e.get().id(), ref.code()).filter(c -> c.total() != null)
                .map(c -> new Card(c, results.indicatorNames(actor, e.get().id(), false),
                        results.indicatorNames(actor, e.get().id(), true)))
                .orElse(null);
    }

    /** Each indicator's part of the two totals and its difference, largest absolute difference first. */
    private static List<IndicatorMove> moves(Card now, Card then) {
        Map<String, UnitScorecard.Line> a = new LinkedHashMap<>();
        now.card().indicators().forEach(l -> a.put(l.code(), l));
        Map<String, UnitScorecard.Line> b = new LinkedHashMap<>();
        then.card().indicators().forEach(l -> b.put(l.code(), l));
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        a.forEach((code, l) -> parts.put(code, part(l)));
        Map<String, BigDecimal> baseParts = new LinkedHashMap<>();
        b.forEach((code, l) -> baseParts.put(code, part(l)));
        List<IndicatorMove> out = new ArrayList<>();
        for (Decomposition.Part<String> p : Decomposition.of(parts, baseParts)) {
            UnitScorecard.Line x = a.get(p.key());
            UnitScorecard.Line y = b.get(p.key());
            out.add(new IndicatorMove(p.key(), now.zh().getOrDefault(p.key(), then.zh().getOrDefault(p.key(), p.key())),
                    now.en().getOrDefault(p.key(), then.en().getOrDefault(p.key(), p.key())),
                    x == null ? null : x.weight(), x == null ? null : x.score(),
                    y == null ? null : y.weight(), y == null ? null : y.score(), p.current(), p.base(), p.change()));
        }
        return out;
    }

    private static BigDecimal part(UnitScorecard.Line l) {
        return l.contribution() == null ? BigDecimal.ZERO : l.contribution();
    }

    /** Each channel's value of the measure, in channel order (the rollups' order, by id). */
    private static Map<Long, BigDecimal> values(Map<Long, Map<Measure, BigDecimal>> totals, Measure measure) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().getOrDefault(measure, BigDecimal.ZERO)));
        return out;
    }

    private static BigDecimal sum(Map<Long, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
