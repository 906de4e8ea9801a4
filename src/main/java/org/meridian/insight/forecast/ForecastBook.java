package org.meridian.insight.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.indicator.Measure;
import org.meridian.insight.method.HoltWinters.Method;
import org.meridian.intake.EventIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast book (预测): for every working channel (试运行, 正常, 整改期) and for the hospital as a whole, the monthly
 * referrals, arrivals, conversions and revenue of the next months ({@code meridian.insight.forecast-horizon}, 6 by
 * default, at most 12) with 80 % and 95 % bands, by the rule of {@link ForecastModel}, with last year's back-test.
 * <p>The history is the complete months up to the month that closed last (the hospital's calendar), at most the last
 * {@value #WINDOW}; a channel's first month with events is left out as probably partial unless it is the window's
 * first month (then the channel had events before it). A computation replaces the hospital's stored forecasts; it
 * runs when a month closes ({@link #computeIfMonthClosed}) and when the office asks ({@link #recompute}, audited).
 */
@Service
public class ForecastBook {

    /** The longest history a forecast sees, in months. */
    public static final int WINDOW = 36;

    private final Forecasts forecasts;
    private final ChannelRegistry channels;
    private final EventIntake intake;
    private final HospitalCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;
    private final int horizon;

    ForecastBook(Forecasts forecasts, ChannelRegistry channels, EventIntake intake, HospitalCalendar calendar,
                 AuditLog audit, Clock clock, @Value("${meridian.insight.forecast-horizon:6}") int horizon) {
        if (horizon < 1 || horizon > ForecastModel.MAX_HORIZON) {
            throw new IllegalStateException("meridian.insight.forecast-horizon is " + horizon
                    + "; forecasts reach 1 to " + ForecastModel.MAX_HORIZON + " months ahead");
        }
        this.forecasts = forecasts;
        this.channels = channels;
        this.intake = intake;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.horizon = horizon;
    }

    /** How many months ahead forecasts reach. */
    public int horizon() {
        return horizon;
    }

    /** The month that closed last in the actor's hospital (the month before today's). */
    public YearMonth lastClosedMonth(Actor actor) {
        return YearMonth.from(calendar.today(actor.hospitalId())).minusMonths(1);
    }

    /** Recomputes the hospital's forecasts on request (the office's; audited as {@code FORECASTS_COMPUTED}). */
    @Transactional
    public ForecastRun recompute(Actor actor) {
        ForecastVisibility.requireRecomputes(actor);
        ForecastRun run = compute(actor);
        if (!actor.isSystem()) {
            audit.record(actor.hospitalId(), actor.username(), "FORECASTS_COMPUTED", run.lastMonth().toString(),
                    Map.of("channels", run.channels(), "horizon", run.horizon()));
        }
        return run;
    }

    /**
     * Computes the hospital's forecasts when a month has closed since the last computation (or there was none); the
     * monthly schedule's step, as the system. Empty when they were up to date.
     */
    @Transactional
    public Optional<ForecastRun> computeIfMonthClosed(Actor actor) {
        ForecastVisibility.requireRecomputes(actor);
        YearMonth last = lastClosedMonth(actor);
        Optional<ForecastRun> stored = forecasts.run(actor.hospitalId());
        if (stored.isPresent() && !stored.get().lastMonth().isBefore(last)) {
            return Optional.empty();
        }
        return Optional.of(compute(actor));
    }

    private ForecastRun compute(Actor actor) {
        long h = actor.hospitalId();
        YearMonth last = lastClosedMonth(actor);
        YearMonth first = last.minusMonths(WINDOW - 1L);
        List<Forecasts.Stored> stored = new ArrayList<>();
        Map<Long, Map<YearMonth, Map<Measure, BigDecimal>>> months = intake.channelMonths(h, first, last);
        List<ChannelRef> working = working(actor);
        for (ChannelRef c : working) {
            add(stored, c.id(), months.getOrDefault(c.id(), Map.of()), first, last);
        }
        add(stored, null, intake.monthlyTotals(actor, first, last), first, last);
        ForecastRun run = new ForecastRun(last, horizon, working.size(), OffsetDateTime.now(clock), actor.username());
        forecasts.replaceAll(h, run, stored);
        return run;
    }

    private void add(List<Forecasts.Stored> stored, Long channelId, Map<YearMonth, Map<Measure, BigDecimal>> data,
                     YearMonth windowFirst, YearMonth last) {
        Optional<YearMonth> firstWithData = data.keySet().stream().min(Comparator.naturalOrder());
        if (firstWithData.isEmpty()) {
            return;
        }
        YearMonth from = firstWithData.get().equals(windowFirst) ? windowFirst : firstWithData.get().plusMonths(1);
        int n = (int) java.time.temporal.ChronoUnit.MONTHS.between(from, last) + 1;
        if (n <= 0) {
            return;
        }
        for (ForecastMeasure m : ForecastMeasure.values()) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                BigDecimal v = data.getOrDefault(from.plusMonths(i), Map.of()).get(m.measure());
                x[i] = v == null ? 0 : v.doubleValue();
            }
            stored.add(new Forecasts.Stored(channelId, m, from, x, ForecastModel.compute(x, horizon)));
        }
    }

    /** The working channels (试运行, 正常, 整改期) of every channel type. */
    private List<ChannelRef> working(Actor actor) {
        List<ChannelRef> all = new ArrayList<>();
        for (UnitType t : UnitType.values()) {
            if (t.kind() == UnitKind.CHANNEL) {
                all.addAll(channels.evaluable(actor, t));
            }
        }
        all.sort(Comparator.comparing(ChannelRef::code));
        return all;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The latest computation of the hospital, if any. */
    @Transactional(readOnly = true)
    public Optional<ForecastRun> run(Actor actor) {
        return forecasts.run(actor.hospitalId());
    }

    /** The whole hospital's forecasts, one per measure (none before the first computation). */
    @Transactional(readOnly = true)
    public List<Forecast> hospital(Actor actor) {
        ForecastVisibility.requireSees(actor);
        return forecasts.of(actor.hospitalId(), null);
    }

    /** One channel with its forecasts; the whole registry entry for naming it. */
    public record ChannelForecasts(ChannelRef channel, List<Forecast> forecasts) {
    }

    /**
     * One channel's forecasts, for the hospital's staff and the channel's own user; a code that names no channel of the
     * hospital, or another channel than a channel user's own, is 404.
     */
    @Transactional(readOnly = true)
    public ChannelForecasts channel(Actor actor, String code) {
        ChannelRef ref = channels.findByCode(actor, code)
                .filter(c -> ForecastVisibility.seesChannel(actor, c.id()))
                .orElseThrow(() -> new ForecastNotFoundException(code));
        return new ChannelForecasts(ref, forecasts.of(actor.hospitalId(), ref.id()));
    }

    /** One row of the channel list. */
    public record ChannelRow(String code, String name, Method method, int historyMonths, Double backtestMape,
                             Forecast.Month next) {
    }

    /** Every channel's forecast of one measure with its next month and back-test error, by code, filtered as asked. */
    @Transactional(readOnly = true)
    public Paged<ChannelRow> channels(Actor actor, ForecastQuery q) {
        ForecastVisibility.requireSees(actor);
        Optional<ForecastRun> run = forecasts.run(actor.hospitalId());
        if (run.isEmpty()) {
            return new Paged<>(List.of(), q.page(), q.size(), 0);
        }
        Map<Long, ChannelRef> named = new HashMap<>();
        working(actor).forEach(c -> named.put(c.id(), c));
        String text = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
        List<ChannelRow> rows = new ArrayList<>();
        for (Forecasts.Summary s : forecasts.summaries(actor.hospitalId(), q.measure(), run.get().lastMonth().plusMonths(1))) {
            ChannelRef c = named.containsKey(s.channelId()) ? named.get(s.channelId())
                    : channels.find(actor, s.channelId()).orElse(null);
            if (c == null || (q.method() != null && s.method() != q.method()) || (text != null
                    && !c.code().toLowerCase(Locale.ROOT).contains(text)
                    && !c.name().toLowerCase(Locale.ROOT).contains(text))) {
                continue;
            }
            rows.add(new ChannelRow(c.code(), c.name(), s.method(), s.historyMonths(), s.backtestMape(), s.next()));
        }
        rows.sort(Comparator.comparing(ChannelRow::code));
        int from = (int) Math.min(rows.size(), (long) q.page() * q.size());
        int to = Math.min(rows.size(), from + q.size());
        return new Paged<>(rows.subList(from, to), q.page(), q.size(), rows.size());
    }
}
