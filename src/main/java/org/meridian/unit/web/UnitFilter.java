package org.meridian.unit.web;


/**
 * The list page's filter as the browser sent it, with the links that keep it (previous and next page). Public, with
 * public methods, because the page's expressions call them (as {@code ListFilter} of the channel list).
 */
public record UnitFilter(String kind, String type, String status, String q, int page) {

    public UnitFilter {
        kind = blankToNull(kind);
        type = blankToNull(type);
        status = blankToNull(status);
        q = blankToNull(q);
        page = Math.max(page, 0);
    }

    public boolean filtered() {
        return kind != null || type != null || status != null || q != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
