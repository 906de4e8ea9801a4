package org.meridian.insight.change;

import org.meridian.indicator.Measure;

/**
 * What a change is explained of: the month's referrals (转诊量), arrivals (到诊量) and revenue (收入, CNY) from
 * intake, and the average total score (平均总分) of the channels in the month's published evaluations.
 */
public enum ChangeMeasure {
    REFERRALS(Measure.REFERRALS),
    ARRIVALS(Measure.ARRIVALS),
    REVENUE(Measure.REVENUE),
    /** The mean of the channels' totals in the newest published version of each channel type's monthly evaluation. */
    AVERAGE_TOTAL(null);

    private final Measure measure;

    ChangeMeasure(Measure measure) {
        this.measure = measure;
    }

    /** The intake measure summed for it; null for {@link #AVERAGE_TOTAL}. */
    public Measure measure() {
        return measure;
    }

    /** Whether it is a sum of the channels' values (and not their mean). */
    public boolean summed() {
        return measure != null;
    }
}
