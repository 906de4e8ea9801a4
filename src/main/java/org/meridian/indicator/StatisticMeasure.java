package org.meridian.indicator;

/**
 * A statistic measure (统计指标项) a hospital defines beside the built-in event measures: a value per unit and month
 * that its HIS, finance or survey systems report (e.g. {@code discharges} 出院人次, {@code bed_days} 实际占用床日),
 * with the unit it is counted in and how its months make a period's value. Formulas name it by {@code code}.
 */
public record StatisticMeasure(String code, String nameZh, String nameEn, String unit, Aggregation aggregation) {
}
