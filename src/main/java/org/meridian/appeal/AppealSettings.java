package org.meridian.appeal;

/**
 * A hospital's appeal deadlines: an evaluation may be appealed for {@code filingDays} days after its publication
 * (0 to 365); the office should decide within {@code reviewDays} days of filing (1 to 365).
 */
public record AppealSettings(int filingDays, int reviewDays) {
}
