package org.meridian.insight.forecast;

import org.meridian.indicator.Measure;

/** The four monthly figures that are forecast: 转诊量, 到诊量, 转化量 and 收入 (CNY). */
public enum ForecastMeasure {
    REFERRALS(Measure.REFERRALS),
    ARRIVALS(Measure.ARRIVALS),
    CONVERSIONS(Measure.CONVERSIONS),
    REVENUE(Measure.REVENUE);

    private final Measure measure;

    ForecastMeasure(Measure measure) {
        this.measure = measure;
    }

    public Measure measure() {
        return measure;
    }
}
