package org.meridian.shared.web;

import java.util.List;

/**
 * One entry of the main navigation's top level as the signed-in user sees it: a {@link NavGroup} with the items
 * of it the user may open (a drop-down on a desktop, a headed section on a phone), or a single item shown as a
 * plain link (an item without a group, or the only item of its group the user sees).
 *
 * @param group the group, or null for a plain link
 * @param items the items, in order; exactly one for a plain link
 */
public record NavEntry(NavGroup group, List<NavItem> items) {

    public NavEntry {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a navigation entry needs at least one item");
        }
        if (group == null && items.size() != 1) {
            throw new IllegalArgumentException("a plain link has exactly one item");
        }
    }

    static NavEntry link(NavItem item) {
        return new NavEntry(null, List.of(item));
    }

    /** True for a drop-down (a group), false for a plain link. */
    public boolean grouped() {
        return group != null;
    }

    /** The item of a plain link. */
    public NavItem item() {
        return items.get(0);
    }

    /** True when the page being shown ({@code activeNav}) is this link or one of this group's items. */
    public boolean contains(String activeNav) {
        return activeNav != null && items.stream().anyMatch(i -> i.id().equals(activeNav));
    }

    int order() {
        return grouped() ? group.order() : item().order();
    }
}
