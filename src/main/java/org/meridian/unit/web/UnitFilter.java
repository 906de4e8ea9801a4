package org.meridian.unit.web;

import org.springframework.web.util.UriComponentsBuilder;

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

    public String pageLink(int p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/units");
        if (kind != null) {
            b.queryParam("kind", kind);
        }
        if (type != null) {
            b.queryParam("type", type);
        }
        if (status != null) {
            b.queryParam("status", status);
        }
        if (q != null) {
            b.queryParam("q", q);
        }
        if (p > 0) {
            b.queryParam("page", p);
        }
        return b.encode().build().toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
