package org.meridian.feedback;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A hospital's improvement-suggestion rule (改进建议规则): when a channel's score on the indicator is below the
 * threshold, its feedback report carries the suggestion text. Disabled rules are kept but give nothing.
 *
 * @param below the threshold on the 0–100 score scale; the rule applies to scores strictly below it
 */
public record SuggestionRule(long id, String indicatorCode, BigDecimal below, String textZh, String textEn,
                             boolean enabled, Instant updatedAt, String updatedBy) {

    /** Whether the rule gives its suggestion for this indicator score (never for an indicator without data). */
    public boolean appliesTo(String code, BigDecimal score) {
        return enabled && indicatorCode.equals(code) && score != null && score.compareTo(below) < 0;
    }
}
