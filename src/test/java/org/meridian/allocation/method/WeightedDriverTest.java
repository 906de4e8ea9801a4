package org.meridian.allocation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeightedDriverTest {

    private static List<BigDecimal> values(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    /**
     * Shares: performance 80, 60, 60 of 200 → .4, .3, .3; brand 50, 30, 20 of 100 → .5, .3, .2; DEA 1, .5, .5 of 2 →
     * .5, .25, .25. Weights 2 : 1 : 1 (the same as .5 : .25 : .25): d1 = (2·.4 + .5 + .5)/4 = .45,
     * d2 = (2·.3 + .3 + .25)/4 = .2875, d3 = (2·.3 + .2 + .25)/4 = .2625.
     */
    @Test
    void eachPartCountsByTheUnitsSharesOfItAndOnlyTheRatiosOfTheWeightsMatter() {
        WeightedDriver.Result r = WeightedDriver.combine(3, List.of(
                new WeightedDriver.Part(new BigDecimal("2"), values("80", "60", "60")),
                new WeightedDriver.Part(BigDecimal.ONE, values("50", "30", "20")),
                new WeightedDriver.Part(BigDecimal.ONE, values("1", "0.5", "0.5")),
                new WeightedDriver.Part(BigDecimal.ZERO, values("0", "0", "0"))));
        assertThat(r.drivers()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.45"), new BigDecimal("0.2875"), new BigDecimal("0.2625"));
        assertThat(r.shares().get(1)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.5"), new BigDecimal("0.3"), new BigDecimal("0.2"));
        assertThat(r.shares().get(3)).isNull();
    }

    @Test
    void allZeroWeightsOrAPartZeroForEveryUnitAreTheCallersToRefuse() {
        assertThatThrownBy(() -> WeightedDriver.combine(2, List.of(
                new WeightedDriver.Part(BigDecimal.ZERO, values("1", "2")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightedDriver.combine(2, List.of(
                new WeightedDriver.Part(BigDecimal.ONE, values("0", "0")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
