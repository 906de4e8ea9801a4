package org.meridian.shared.web;

/**
 * A key figure on the home page (首页关键指标), contributed by a module through {@link HomeFigures}.
 *
 * @param order    position, ascending
 * @param labelKey message key of the caption
 * @param value    the figure as shown (already formatted)
 * @param href     where a click leads, or null
 * @param tone     {@code normal}, {@code good} or {@code warn}
 */
public record HomeFigure(int order, String labelKey, String value, String href, String tone) {
}
