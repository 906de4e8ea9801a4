package org.meridian.efficiency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.NewStatisticMeasure;
import org.meridian.intake.RawStatistic;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.StatisticsReport;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.springframework.stereotype.Component;

/**
 * Efficiency that feeds a scheme's indicator (issue 15): when a run is published, each unit's score becomes the
 * statistic {@value #CODE} (DEA 效率得分, per cent, averaged over a period) of every month of the run's period, recorded
 * through the statistics intake like any other statistic, so that an indicator of a department or institution scheme
 * can name it in its formula. The measure is defined the first time it is needed (a hospital that defined its own
 * {@value #CODE} keeps it). A later run published for the same months restates the values, with its own reason.
 */
@Component
class ScoresAsStatistics {

    /** The statistic measure the scores are recorded as. */
    static final String CODE = "dea_efficiency";

    private final MeasureCatalogue catalogue;
    private final StatisticsIntake statistics;

    ScoresAsStatistics(MeasureCatalogue catalogue, StatisticsIntake statistics) {
        this.catalogue = catalogue;
        this.statistics = statistics;
    }

    /**
     * Records the published run's scores (θ or 1/φ of its model, in (0, 1], as a per cent to four decimals; never the
     * super-efficiency value, which has no upper bound) for each month of its period; units without a score record
     * nothing.
     */
    StatisticsReport record(Actor actor, EfficiencyRun run, List<UnitEfficiency> results) {
        if (!catalogue.statistics(actor.hospitalId()).containsKey(CODE)) {
            catalogue.define(actor, new NewStatisticMeasure(CODE, "DEA 效率得分", "DEA efficiency score", "%",
                    "AVERAGE"));
        }
        String reason = "效率评价 " + run.period() + " 发布（" + run.model() + "，第 " + run.id() + " 号）";
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
