package org.meridian.shared.tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The small-sample threshold (样本量小): a rate of counts from fewer answers or cases than this is marked on the
 * scorecard, the ranking and the feedback report, so that nobody compares it as if it were firm (docs/evaluations.md,
 * "Small samples"). The installation's value is {@code meridian.insight.small-sample} ({@code MERIDIAN_SMALL_SAMPLE},
 * default 30; 0 never marks; a negative value stops the start). Scoring never reads it.
 */
@Component
public class SmallSampleThreshold {

    private final int installation;

    SmallSampleThreshold(@Value("${meridian.insight.small-sample:30}") int installation) {
        if (installation < 0) {
            throw new IllegalArgumentException("meridian.insight.small-sample (MERIDIAN_SMALL_SAMPLE) must be 0 or"
                    + " more, not " + installation);
        }
        this.installation = installation;
    }

    /** The threshold that applies in the hospital. */
    public int of(long hospitalId) {
        return installation;
    }
}
