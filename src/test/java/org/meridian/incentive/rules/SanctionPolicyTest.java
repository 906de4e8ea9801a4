package org.meridian.incentive.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.meridian.shared.Period;

class SanctionPolicyTest {

    static final IncentiveRule.SanctionRule POLICY = (IncentiveRule.SanctionRule) new RuleDefinition("SANCTION",
            "末级惩戒", "SANCTION", null, LocalDate.of(2026, 1, 1), null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null).toRule(1);

    static List<TierInPeriod> history(String... periodTier) {
        List<TierInPeriod> list = new ArrayList<>();
        for (String pt : periodTier) {
            String[] parts = pt.split("=");
            list.add(new TierInPeriod(Period.parse(parts[0]).orElseThrow(), parts[1]));
        }
        return list;
    }

    static SanctionRecommendation.Level level(String... periodTier) {
        return SanctionPolicy.recommend(POLICY, "C-1", history(periodTier))
                .map(SanctionRecommendation::level).orElse(null);
    }

    @Test
    void defaultsAreLowestTierDAndOneTwoThree() {
        assertThat(POLICY.lowestTier()).isEqualTo("D");
        assertThat(List.of(POLICY.warningAfter(), POLICY.probationAfter(), POLICY.terminationAfter()))
                .containsExactly(1, 2, 3);
    }

    @Test
    void oneLowestPeriodIsAWarning() {
        assertThat(level("2026-Q2=C", "2026-Q3=D")).isEqualTo(SanctionRecommendation.Level.WARNING);
    }

    @Test
    void twoConsecutiveLowestPeriodsMeanProbation() {
        SanctionRecommendation r = SanctionPolicy.recommend(POLICY, "C-1", history("2026-Q2=D", "2026-Q3=D"))
                .orElseThrow();
        assertThat(r.level()).isEqualTo(SanctionRecommendation.Level.PROBATION);
        assertThat(r.consecutivePeriods()).isEqualTo(2);
        assertThat(r.period()).hasToString("2026-Q3");
    }

    @Test
    void threeConsecutiveLowestPeriodsRecommendTerminationAcrossAYearEnd() {
        assertThat(level("2026-Q4=D", "2026-Q3=D", "2027-Q1=D"))
                .isEqualTo(SanctionRecommendation.Level.TERMINATION_RECOMMENDED);
    }

    @Test
    void aGapOrABetterTierOrUnratedEndsTheStreak() {
        // Q2 missing: only Q3 counts
        assertThat(level("2026-Q1=D", "2026-Q3=D")).isEqualTo(SanctionRecommendation.Level.WARNING);
        assertThat(level("2026-Q1=D", "2026-Q2=D", "2026-Q3=C")).isNull();
        assertThat(level("2026-Q1=D", "2026-Q2=UNRATED", "2026-Q3=D")).isEqualTo(SanctionRecommendation.Level.WARNING);
        assertThat(level()).isNull();
    }

    @Test
    void mixedPeriodKindsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> level("2026-09=D", "2026-Q3=D"))
                .isInstanceOf(InvalidIncentiveException.class).hasMessageContaining("mixes period kinds");
    }
}
