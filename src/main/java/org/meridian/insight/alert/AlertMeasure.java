package org.meridian.insight.alert;

import org.meridian.indicator.Measure;

/** The measures the scan watches: referrals (转诊量) and arrivals (到诊量), both counts. */
public enum AlertMeasure {
    REFERRALS(Measure.REFERRALS),
    ARRIVALS(Measure.ARRIVALS);

    private final Measure measure;

    AlertMeasure(Measure measure) {
        this.measure = measure;
    }

    public Measure measure() {
        return measure;
    }

    /** The measure named exactly (as in a URL), or null. */
    public static AlertMeasure named(String name) {
        for (AlertMeasure m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
