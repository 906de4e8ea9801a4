package org.meridian.feedback;

import java.time.Instant;

import org.meridian.indicator.scoring.Quadrant;

/**
 * A suggestion rule of a quadrant of the performance–brand matrix (象限建议规则): "a unit placed in this quadrant is
 * told …", in Chinese and English. The report of a unit in the quadrant quotes it first among its suggestions while
 * it is enabled.
 */
public record QuadrantRule(Quadrant quadrant, String textZh, String textEn, boolean enabled, Instant updatedAt,
                           String updatedBy) {

    public String text(boolean english) {
        return english ? textEn : textZh;
    }
}
