package org.meridian.shared.web;

import java.util.List;

/**
 * A short list on the home page (首页待办), contributed by a module through {@link HomePanels}: a title, its rows
 * (already in the reader's language) and a link to the full list.
 *
 * @param order     position, ascending
 * @param id        stable id, used as the element id on the page
 * @param titleKey  message key of the title
 * @param emptyKey  message key shown when there are no rows
 * @param href      the full list, or null
 */
public record HomePanel(int order, String id, String titleKey, String emptyKey, String href, List<Row> rows) {

    public HomePanel {
        rows = List.copyOf(rows);
    }

    /**
     * One row: what it is about (a link when {@code href} is given), a detail line, and a tone ({@code normal},
     * {@code warn} or {@code bad}) for a badge with {@code badge} as its text (none when null).
     */
    public record Row(String text, String detail, String href, String badge, String tone) {
    }
}
