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
import org.meridian.indicator.Measure;
import org.meridian.intake.EventIntake;
import org.meridian.shared.Actor;
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
 * without data is not compared. A channel's own user gets its channel's changes only.
 */
@Service
public class ChangeExplainer {

    private final EventIntake intake;
    private final ChannelRegistry channels;
    private final HospitalCalendar calendar;

    ChangeExplainer(EventIntake intake, ChannelRegistry channels, HospitalCalendar calendar) {
        this.intake = intake;
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
        Map<Long, Optional<ChannelRef>> refs = new HashMap<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (ChangeMeasure m : ChangeMeasure.values()) {
            for (ChangeBasis basis : ChangeBasis.values()) {
                comparisons.add(compare(actor, m, basis, month, data, refs, only == null));
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
        List<Contribution> contributors = new ArrayList<>();
        if (change != null && forHospital) { // a channel's own figures are not split any further
            for (Decomposition.Part<Long> p : Decomposition.of(now, then)) {
                Optional<ChannelRef> ref = refs.computeIfAbsent(p.key(), id -> channels.find(actor, id));
                contributors.add(new Contribution(p.key(), ref.map(ChannelRef::code).orElse("#" + p.key()),
                        ref.map(ChannelRef::name).orElse("#" + p.key()), p.current(), p.base(), p.change(),
                        ChangeSentences.percentOf(p.change(), change)));
            }
        }
        return new Comparison(m, basis, month, baseMonth, current, base, change, percent, contributors,
                ChangeSentences.of(m, basis, month, current, base, change, percent, contributors, forHospital));
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
