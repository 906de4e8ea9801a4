package org.meridian.insight.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DecompositionTest {

    private static Map<String, BigDecimal> of(Object... kv) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], new BigDecimal(kv[i + 1].toString()));
        }
        return m;
    }

    @Test
    void contributionsAreEachPartsChangeLargestFirstAndAddUpToTheChange() {
        // A 10 → 18 (+8), B 6 → 3 (−3), C 4 → 5 (+1), D new 0 → 2.5 (+2.5), E gone 1 → 0 (−1), F 7 → 7 (left out)
        // total 28 → 35.5: +7.5 = 8 − 3 + 1 + 2.5 − 1
        var parts = Decomposition.of(of("A", 18, "B", 3, "C", 5, "D", "2.5", "F", 7),
                of("A", 10, "B", 6, "C", 4, "E", 1, "F", 7));
        assertThat(parts).extracting(Decomposition.Part::key).containsExactly("A", "B", "D", "C", "E");
        assertThat(parts).extracting(p -> p.change().toPlainString()).containsExactly("8", "-3", "2.5", "1", "-1");
        assertThat(Decomposition.total(parts)).isEqualByComparingTo("7.5");
    }

    @Test
    void onATieTheIncreaseComesFirstAndNothingGivesNothing() {
        var parts = Decomposition.of(of("B", 3, "C", 4), of("B", 5, "C", 2));
        assertThat(parts).extracting(Decomposition.Part::key).containsExactly("C", "B");
        assertThat(Decomposition.total(parts)).isEqualByComparingTo("0");
        assertThat(Decomposition.of(Map.<String, BigDecimal>of(), Map.of())).isEqualTo(List.of());
    }

    @Test
    void theChangeOfAMeanIsSplitSoThatAnUnchangedPartContributesNothing() {
        // base A 50, B 70, E 90: mean 70; now A 80, B 70, D 40: mean 190/3 = 63.3333; change −6.6667
        // A (80 − 50)/3 = +10; B 0 (left out); D new (40 − 70)/3 = −10; E gone −(90 − 70)/3 = −6.6667
        var parts = Decomposition.ofMean(of("A", 80, "B", 70, "D", 40), of("A", 50, "B", 70, "E", 90));
        assertThat(parts).extracting(Decomposition.Part::key).containsExactly("A", "D", "E");
        assertThat(parts.get(0).change()).isEqualByComparingTo("10");
        assertThat(parts.get(1).change()).isEqualByComparingTo("-10");
        assertThat(parts.get(2).change().doubleValue()).isCloseTo(-6.666667, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Decomposition.total(parts).doubleValue()).isCloseTo(190.0 / 3 - 70, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Decomposition.ofMean(of(), of("A", 1))).isEmpty();
    }
}
