package org.meridian.efficiency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.indicator.Aggregation;
import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.NewStatisticMeasure;
import org.meridian.indicator.StatisticMeasure;
import org.meridian.intake.RawStatistic;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.StatisticsReport;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Efficiency that feeds a scheme's indicator (issue 15): when a run is published, each unit's score becomes the
 * statistic {@value #CODE} (DEA 效率得分, per cent, averaged over a period) of every month of the run's period, recorded
 * through the statistics intake like any other statistic, so that an indicator of a department or institution scheme
 * can name it in its formula. The measure is defined the first time it is needed, named from the bundles in both
 * languages ({@code efficiency.statistic.name}); a hospital that defined its own {@value #CODE} keeps it, with its
 * names. A later run published for the same months restates the values, with its own reason
 * ({@code efficiency.statistic.reason}, in the publisher's language, as the reason of a restatement typed by hand).
 */
@Component
class ScoresAsStatistics {

    /** The statistic measure the scores are recorded as. */
    static final String CODE = "dea_efficiency";

    private final MeasureCatalogue catalogue;
    private final StatisticsIntake statistics;
    private final MessageSource messages;

    ScoresAsStatistics(MeasureCatalogue catalogue, StatisticsIntake statistics, MessageSource messages) {
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.messages = messages;
    }

    /**
     * The measure the hospital's scores are (or, before the first publication, will be) recorded as: its own, else
     * the one that will be defined.
     */
    StatisticMeasure measure(long hospitalId) {
        StatisticMeasure own = catalogue.statistics(hospitalId).get(CODE);
        return own != null ? own : new StatisticMeasure(CODE,
                messages.getMessage("efficiency.statistic.name", null, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage("efficiency.statistic.name", null, Locale.ENGLISH), "%", Aggregation.AVERAGE);
    }

    /**
     * Records the published run's scores (θ or 1/φ of its model, in (0, 1], as a per cent to four decimals; never the
     * super-efficiency value, which has no upper bound) for each month of its period; units without a score record
     * nothing.
     */
    StatisticsReport record(Actor actor, EfficiencyRun run, List<UnitEfficiency> results) {
        if (!catalogue.statistics(actor.hospitalId()).containsKey(CODE)) {
            StatisticMeasure m = measure(actor.hospitalId());
            catalogue.define(actor, new NewStatisticMeasure(CODE, m.nameZh(), m.nameEn(), m.unit(),
                    m.aggregation().name()));
        }
        String reason = messages.getMessage("efficiency.statistic.reason", new Object[] {run.period().toString(),
                run.model().name(), String.valueOf(run.id())}, LocaleContextHolder.getLocale());
        List<RawStatistic> rows = new ArrayList<>();
        for (YearMonth month : months(run.period())) {
            for (UnitEfficiency u : results) {
                if (Double.isFinite(u.score())) {
                    BigDecimal percent = BigDecimal.valueOf(u.score()).movePointRight(2)
                            .setScale(4, RoundingMode.HALF_UP);
                    rows.add(new RawStatistic(u.unitCode(), month.toString(), CODE, percent, null, reason));
                }
            }
        }
        return statistics.record(actor, rows, 0);
    }

    static List<YearMonth> months(Period period) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.firstDay()); !m.isAfter(YearMonth.from(period.lastDay()));
                m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
