package org.meridian.intake;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.meridian.unit.UnitRef;

/**
 * The monthly completeness of statistics (统计数据完整性) of one unit type: for every unit evaluated (PILOT, ACTIVE,
 * PROBATION) and every month of a window, which of the expected statistic measures it has not reported. A missing
 * statistic makes the indicators that read it null, not zero, so this is what to chase before an evaluation.
 *
 * @param expected   the codes of the measures every unit should report each month: those the formulas of the unit
 *                   type's scheme in force read ({@code fromScheme}), else every statistic measure of the catalogue;
 *                   narrowed to one when the query names a measure
 * @param fromScheme whether {@code expected} comes from the scheme
 * @param months     the window's months, oldest first
 * @param units      one page of the units that match the query, by code
 * @param cells      units × months × expected measures, over every unit that matches (not only the page)
 * @param reported   how many of those values are reported
 */
public record Completeness(UnitType type, List<String> expected, boolean fromScheme, List<YearMonth> months,
                           Paged<UnitRow> units, long cells, long reported) {

    /** One unit: for each month of the window, the expected measures it has not reported; {@code missing} in all. */
    public record UnitRow(UnitRef unit, List<MonthGap> months, int missing) {
    }

    /** The expected measures a unit has not reported for a month, in the order of {@code expected}. */
    public record MonthGap(YearMonth month, List<String> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** The share of expected values that are reported, from 0 to 1; null when nothing is expected. */
    public BigDecimal share() {
        return cells == 0 ? null : BigDecimal.valueOf(reported).divide(BigDecimal.valueOf(cells), MathContext.DECIMAL64);
    }

    /**
     * Works it out: every unit against every month and expected measure, then the query's text (code or name
     * containing it, ignoring case) and "only units with gaps" filter the units, and the page is cut.
     *
     * @param units    the evaluable units of the type, by code
     * @param reported per unit id and month, the measures reported (others may be there too)
     */
    static Completeness of(CompletenessQuery query, List<String> expected, boolean fromScheme, List<UnitRef> units,
                           Map<Long, Map<YearMonth, Set<String>>> reported) {
        List<YearMonth> months = query.months();
        String text = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        List<UnitRow> rows = new ArrayList<>();
        long cells = 0;
        long present = 0;
        for (UnitRef u : units) {
            if (text != null && !u.code().toLowerCase(Locale.ROOT).contains(text)
                    && !u.name().toLowerCase(Locale.ROOT).contains(text)) {
                continue;
            }
            Map<YearMonth, Set<String>> byMonth = reported.getOrDefault(u.id(), Map.of());
            List<MonthGap> gaps = new ArrayList<>();
            int missing = 0;
            for (YearMonth m : months) {
                Set<String> there = byMonth.getOrDefault(m, Set.of());
                List<String> absent = expected.stream().filter(code -> !there.contains(code)).toList();
                gaps.add(new MonthGap(m, absent));
                missing += absent.size();
            }
            if (query.onlyGaps() && missing == 0) {
                continue;
            }
            cells += (long) months.size() * expected.size();
            present += (long) months.size() * expected.size() - missing;
            rows.add(new UnitRow(u, gaps, missing));
        }
        int from = (int) Math.min((long) query.page() * query.size(), rows.size());
        int to = Math.min(from + query.size(), rows.size());
        return new Completeness(query.type(), List.copyOf(expected), fromScheme, months,
                new Paged<>(rows.subList(from, to), query.page(), query.size(), rows.size()), cells, present);
    }
}
