package org.meridian.channel.web;

import java.util.Map;

import org.meridian.channel.ChannelQuery;
import org.meridian.shared.NamedValues;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list page's filters as typed in the address bar, so that links for sorting, paging and export
 * keep them.
 */
public record ListFilter(String q, String type, String tier, String status, String region, String cooperationLevel,
                         String sort, String dir, int page, int size) {

    static final int DEFAULT_SIZE = 20;

    ChannelQuery query() {
        return ChannelQuery.parse(q, type, tier, status, region, cooperationLevel, null, sort, dir, page, size);
    }

    ListFilter firstPageDefaults() {
        return new ListFilter(null, null, null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    private Map<String, Object> params() {
        Map<String, Object> m = NamedValues.of("q", q, "type", type, "tier", tier, "status", status, "region", region,
                "cooperationLevel", cooperationLevel, "sort", sort, "dir", dir);
        return m;
    }

    private String url(String path, Map<String, Object> params, Integer page, boolean withSize) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                b.queryParam(k, v);
            }
        });
        if (page != null && page > 0) {
            b.queryParam("page", page);
        }
        if (withSize && size != DEFAULT_SIZE) {
            b.queryParam("size", size);
        }
        return b.encode().build().toUriString();
    }

    /** This list sorted by {@code key}; the same key again flips the direction. */
    public String sortLink(String key) {
        Map<String, Object> p = params();
        boolean same = key.equalsIgnoreCase(sort == null ? "code" : sort);
        p.put("sort", key);
        p.put("dir", same && !"desc".equalsIgnoreCase(dir) ? "desc" : null);
        return url("/channels", p, null, true);
    }

    /** "asc", "desc" or "" for the column {@code key}, for the arrow in its header. */
    public String sortState(String key) {
        boolean same = key.equalsIgnoreCase(sort == null ? "code" : sort);
        return !same ? "" : "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
    }

    public String exportLink() {
        return url("/channels/export.xlsx", params(), null, false);
    }

    public boolean filtered() {
        return params().entrySet().stream()
                .anyMatch(e -> !e.getKey().equals("sort") && !e.getKey().equals("dir") && e.getValue() != null
                        && !e.getValue().toString().isBlank());
    }
}
