package org.meridian.incentive;

import org.meridian.incentive.statements.StatementStatus;

/**
 * What the office's statement list is narrowed to: a period as stored (e.g. {@code 2026-Q3}), a channel (its code or
 * part of its name or code), a status; null for any. {@code page} counts from 0.
 */
public record StatementFilter(String period, String channel, StatementStatus status, int page) {

    public StatementFilter {
        period = blankToNull(period);
        channel = blankToNull(channel);
        page = Math.max(page, 0);
    }

    public static StatementFilter none() {
        return new StatementFilter(null, null, null, 0);
    }

    public boolean narrowed() {
        return period != null || channel != null || status != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
