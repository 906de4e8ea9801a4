package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.Problem;

class TierPolicyTest {

    @Test
    void standardThresholdsOnRoundedTotals() {
        TierPolicy tiers = TierPolicy.standard(); // A ≥ 85, B ≥ 70, C ≥ 55
        assertThat(tiers.tierOf(new BigDecimal("85.00"))).isEqualTo("A");
        assertThat(tiers.tierOf(new BigDecimal("84.99"))).isEqualTo("B");
        assertThat(tiers.tierOf(new BigDecimal("70.00"))).isEqualTo("B");
        assertThat(tiers.tierOf(new BigDecimal("55.00"))).isEqualTo("C");
        assertThat(tiers.tierOf(new BigDecimal("54.99"))).isEqualTo("D");
        assertThat(tiers.tierOf(BigDecimal.ZERO)).isEqualTo("D");
        assertThat(tiers.tierOf(null)).isEqualTo("UNRATED");
    }

    @Test
    void everyProblemOfTheThresholdsIsListed() {
        List<Problem> p = TierPolicy.check(Arrays.asList("A", "D", "A", "UNRATED", "unrated", null),
                Arrays.asList(new BigDecimal("85"), new BigDecimal("90"), new BigDecimal("70"), new BigDecimal("70"),
                        new BigDecimal("101"), null));
        assertThat(p).extracting(Problem::path, SchemeDraftTest::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tiers[1].tier", "tierReserved"),
                org.assertj.core.groups.Tuple.tuple("tiers[1].minTotal", "tiersNotDescending"), // 90 after 85
                org.assertj.core.groups.Tuple.tuple("tiers[2].tier", "tierTwice"),
                org.assertj.core.groups.Tuple.tuple("tiers[3].tier", "tierReserved"),
                org.assertj.core.groups.Tuple.tuple("tiers[3].minTotal", "tiersNotDescending"), // 70 after 70
                org.assertj.core.groups.Tuple.tuple("tiers[4].tier", "tierReserved"),
                org.assertj.core.groups.Tuple.tuple("tiers[4].minTotal", "minTotalRange"),
                org.assertj.core.groups.Tuple.tuple("tiers[4].minTotal", "tiersNotDescending"), // 101 after 70
                org.assertj.core.groups.Tuple.tuple("tiers[5].tier", "required"),
                org.assertj.core.groups.Tuple.tuple("tiers[5].minTotal", "required"));
        assertThat(TierPolicy.check(List.of(), List.of())).extracting(SchemeDraftTest::code).containsExactly("noTiers");
    }
}
