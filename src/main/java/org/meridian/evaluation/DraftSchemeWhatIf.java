package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.indicator.Measure;
import org.meridian.indicator.SchemeWhatIf;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.WhatIfComparison;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScorecardEngine;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.intake.EventIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.HospitalCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The what-if of the scheme editor (方案试算), answered with exactly what an evaluation run uses: the channels
 * evaluable now, their measure totals over the period from the daily rollups ({@link EvaluationRuns#units})
 * and {@link ScorecardEngine#score}. The old side is the scheme in force scored on the same totals, so that the
 * comparison shows the effect of the edit alone; nothing is stored.
 */
@Component
class DraftSchemeWhatIf implements SchemeWhatIf {

    static final int MONTHS = 12;
    static final int QUARTERS = 8;

    private final EvaluationRuns evaluations;
    private final Evaluations repository;
    private final SchemeCatalogue schemes;
    private final ChannelRegistry channels;
    private final HospitalCalendar calendar;
    private final EventIntake intake;

    DraftSchemeWhatIf(EvaluationRuns evaluations, Evaluations repository, SchemeCatalogue schemes,
                      ChannelRegistry channels, HospitalCalendar calendar, EventIntake intake) {
        this.evaluations = evaluations;
        this.repository = repository;
        this.schemes = schemes;
        this.channels = channels;
        this.calendar = calendar;
        this.intake = intake;
    }

    /** The last 12 completed months, then the last 8 completed quarters (in the hospital's time zone), newest first. */
    @Override
    @Transactional(readOnly = true)
    public List<Period> periods(long hospitalId) {
        var today = calendar.today(hospitalId);
        List<Period> periods = new ArrayList<>();
        Period month = Period.containing(Period.Kind.MONTH, today).previous();
        for (int i = 0; i < MONTHS; i++, month = month.previous()) {
            periods.add(month);
        }
        Period quarter = Period.containing(Period.Kind.QUARTER, today).previous();
        for (int i = 0; i < QUARTERS; i++, quarter = quarter.previous()) {
            periods.add(quarter);
        }
        return periods;
    }

    /** The newest of those months in which some evaluable channel of the unit type has data; else the newest month. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Period> preferred(long hospitalId, UnitType unitType) {
        List<Period> months = periods(hospitalId).stream().filter(p -> p.kind() == Period.Kind.MONTH).toList();
        List<Long> ids = channels.evaluable(Actor.system(hospitalId, "what-if"), unitType).stream().map(ChannelRef::id).toList();
        return months.stream().filter(p -> hasData(hospitalId, ids, p)).findFirst()
                .or(() -> months.stream().findFirst());
    }

    private boolean hasData(long hospitalId, List<Long> ids, Period period) {
        if (ids.isEmpty()) {
            return false;
        }
        Map<Long, Map<Measure, BigDecimal>> totals = intake.totals(hospitalId, period.firstDay(), period.lastDay());
        return ids.stream().map(totals::get).anyMatch(m -> m != null
                && m.values().stream().anyMatch(v -> v != null && v.signum() != 0));
    }

    @Override
    @Transactional(readOnly = true)
    public WhatIfComparison compare(long hospitalId, SchemeSnapshot draft, Period period) {
        UnitType type = draft.unitType();
        EvaluationRuns.Units units = evaluations.units(hospitalId, type, period);
        Optional<SchemeSnapshot> current = schemes.current(hospitalId, type);
        List<Scorecard> drafted = ScorecardEngine.scoreUnits(draft, units.totals());
        Map<String, Scorecard> old = new LinkedHashMap<>();
        current.ifPresent(s -> ScorecardEngine.scoreUnits(s, units.totals()).forEach(c -> old.put(c.unit(), c)));
        List<WhatIfComparison.Row> rows = new ArrayList<>();
        for (Scorecard c : drafted) {
            Scorecard before = old.get(c.unit());
            WhatIfComparison.Side o = before == null ? null : WhatIfComparison.Side.of(before);
            WhatIfComparison.Side n = WhatIfComparison.Side.of(c);
            rows.add(new WhatIfComparison.Row(c.unit(), units.refs().get(c.unit()).name(), o, n,
                    WhatIfComparison.movement(o, n, current.map(SchemeSnapshot::tiers).orElse(null), draft.tiers())));
        }
        rows.sort(Comparator.comparing((WhatIfComparison.Row r) -> r.draft().rank(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(WhatIfComparison.Row::channel));
        return new WhatIfComparison(period, current.map(SchemeSnapshot::version).orElse(null),
                repository.latestPublished(hospitalId, period, type).map(Evaluation::version).orElse(null), rows);
    }
}
