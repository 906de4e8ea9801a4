package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Period;

/**
 * The total-score trend's labels (docs/evaluations.md): six points or fewer are each labelled, more only at the latest
 * point (the scorecard's own period), so that two years of months do not print 24 overlapping totals; every total
 * with 2 decimals, a period without one a gap.
 */
class TrendChartTest {

    @Test
    void upToSixPointsEachIsLabelled() {
        List<Map<String, Object>> data = data(TrendChart.option(points(6), "总分"));
        assertThat(data).hasSize(6).allSatisfy(p -> assertThat(shown(p)).isTrue());
    }

    @Test
    void withMoreOnlyTheLatestIsLabelledAndEveryTotalHasTwoDecimals() {
        Map<String, Object> option = TrendChart.option(points(24), "总分");
        List<Map<String, Object>> data = data(option);
        assertThat(data).hasSize(24);
        for (int i = 0; i < 24; i++) {
            assertThat(shown(data.get(i))).as("label of point " + i).isEqualTo(i == 23);
        }
        // month i scores 40 + i + 0.125, shown half up: 40.13 … 63.13
        assertThat(data.get(0).get("value")).isEqualTo(new BigDecimal("40.13"));
        assertThat(data.get(23).get("value")).isEqualTo(new BigDecimal("63.13"));
        assertThat(option.get("tooltip")).isEqualTo(Map.of("trigger", "axis"));
        assertThat(((Map<?, ?>) option.get("xAxis")).get("data").toString()).startsWith("[2025-01,").endsWith(", 2026-12]");
    }

    @Test
    void aPeriodWithoutATotalIsAGap() {
        List<TrendPoint> points = new ArrayList<>(points(2));
        points.add(new TrendPoint(Period.month(2025, 3), 3, 1, null, null, null));
        assertThat(data(TrendChart.option(points, "总分")).get(2).get("value")).isEqualTo("-");
    }

    private static List<TrendPoint> points(int n) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new TrendPoint(Period.month(2025 + i / 12, 1 + i % 12), i, 1,
                    new BigDecimal(40 + i).add(new BigDecimal("0.125")), null, "C"));
        }
        return points;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> option) {
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) option.get("series")).get(0).get("data");
    }

    private static boolean shown(Map<String, Object> point) {
        return (Boolean) ((Map<?, ?>) point.get("label")).get("show");
    }
}
