package org.meridian.insight.change;

import org.meridian.indicator.Measure;

/** What a change is explained of: the month's referrals (转诊量), arrivals (到诊量) and revenue (收入, CNY). */
public enum ChangeMeasure {
    REFERRALS(Measure.REFERRALS),
    ARRIVALS(Measure.ARRIVALS),
    REVENUE(Measure.REVENUE);

    private final Measure measure;

    ChangeMeasure(Measure measure) {
        this.measure = measure;
    }

    /** The intake measure summed for it. */
    public Measure measure() {
        return measure;
    }
}
