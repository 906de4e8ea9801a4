package org.meridian.shared.web;

/**
 * A chart on the home page, contributed by a module through {@link HomeCharts}: an ECharts option, drawn by the
 * page's script from the element's {@code data-chart} attribute (so the figures come with the page, no second
 * request). Series names and axis labels in the option are already in the reader's language.
 *
 * @param order    position, ascending
 * @param id       stable id, used as the element id on the page
 * @param titleKey message key of the chart's title
 * @param option   the ECharts option as JSON
 */
public record HomeChart(int order, String id, String titleKey, String option) {
}
