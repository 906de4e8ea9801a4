package org.meridian.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A key figure on the home page (首页关键指标), contributed by a module through {@link HomeFigures}.
 *
 * @param order    position, ascending
 * @param labelKey message key of the caption
 * @param value    the figure as shown (already formatted)
 * @param href     where a click leads, or null
 * @param tone     {@code normal}, {@code good} or {@code warn}
 * @param note     a small line under the caption (already in the reader's language, e.g. the month), or null
 * @param changes  how the figure moved (环比, 同比), shown under it; may be empty
 */
public record HomeFigure(int order, String labelKey, String value, String href, String tone, String note,
                         List<Change> changes) {

    public HomeFigure {
        changes = List.copyOf(changes);
    }

    public HomeFigure(int order, String labelKey, String value, String href, String tone) {
        this(order, labelKey, value, href, tone, null, List.of());
    }

    /**
     * A relative change of a figure against a base (e.g. the month before: 环比; the same month a year before: 同比).
     *
     * @param labelKey message key of what is compared, e.g. {@code home.change.mom}
     * @param text     the change as shown: {@code +12.5 %}, {@code −3.0 %}, {@code 0.0 %}, or {@code —} without a base
     * @param tone     {@code up}, {@code down} or {@code flat} (also for "no base")
     */
    public record Change(String labelKey, String text, String tone) {

        /**
         * The change from {@code base} to {@code current} in per cent, (current − base) / base × 100, with one
         * decimal rounded half up; "—" when there is no base (null or 0), since a change from nothing has no ratio.
         */
        public static Change of(String labelKey, BigDecimal current, BigDecimal base) {
            if (base == null || base.signum() == 0 || current == null) {
                return new Change(labelKey, "—", "flat");
            }
            BigDecimal pct = current.subtract(base).multiply(BigDecimal.valueOf(100))
                    .divide(base.abs(), 1, RoundingMode.HALF_UP);
            String digits = pct.abs().toPlainString() + " %";
            return switch (pct.signum()) {
                case 1 -> new Change(labelKey, "+" + digits, "up");
                case -1 -> new Change(labelKey, "−" + digits, "down");
                default -> new Change(labelKey, digits, "flat");
            };
        }
    }
}
