package org.meridian.efficiency.web;


/** The run list's filter as the browser sent it, with the links that keep it (previous and next page). */
public record RunFilter(String period, String unitType, String status, int page) {

    public RunFilter {
        period = blank(period) ? null : period.strip();
        unitType = blank(unitType) ? null : unitType.strip();
        status = blank(status) ? null : status.strip();
        page = Math.max(page, 0);
    }

    public boolean filtered() {
        return period != null || unitType != null || status != null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
