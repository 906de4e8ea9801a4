package org.meridian.channel;

import java.util.List;

import org.meridian.shared.Actor;

/**
 * Panels of other modules on a channel's page (渠道详情) — e.g. the channel's forecasts. A module that builds on channels
 * contributes a bean; the channel module knows none of them (so no module cycle) and shows, in their order, whatever
 * panels the beans give for the reader.
 */
public interface ChannelPanels {

    /** The panels for this reader and channel; empty when none applies (no data yet, a reader without access). */
    List<Panel> panels(Actor reader, ChannelRef channel);

    /**
     * One panel, its texts already in the reader's language.
     *
     * @param order    position, ascending
     * @param id       stable id, the panel's element id on the page
     * @param title    its heading
     * @param text     a sentence under the heading, or null
     * @param chart    an ECharts option as JSON (drawn from the page's {@code data-chart}), or null
     * @param rows     label and value pairs
     * @param href     the page with everything, or null
     * @param linkText the link's text
     */
    record Panel(int order, String id, String title, String text, String chart, List<Row> rows, String href,
                 String linkText) {

        public Panel {
            rows = List.copyOf(rows);
        }
    }

    /** One line of a panel: what (e.g. a measure) and its value. */
    record Row(String label, String value) {
    }
}
