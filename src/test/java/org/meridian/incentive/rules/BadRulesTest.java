package org.meridian.incentive.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.Problem;
import org.meridian.support.Bundles;

/** Every rule a person could get wrong is refused with a clear reason naming the field. */
class BadRulesTest {

    static RuleDefinition fee(String rateBy, Map<String, BigDecimal> tierRates, List<ScoreBand> bands) {
        return new RuleDefinition("FEE-X", "服务费", "FEE", null, LocalDate.of(2026, 1, 1), null, "FIXED",
                new BigDecimal("1000"), null, rateBy, tierRates, bands, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static RuleDefinition award(String unitType, Integer topN, String per, BigDecimal cash, String inKind) {
        return new RuleDefinition("AWARD-X", "评优", "AWARD", unitType, LocalDate.of(2026, 1, 1), null, null, null,
                null, null, null, null, null, topN, per, cash, inKind, null, null, null, null, null, null);
    }

    static List<Problem> violations(RuleDefinition definition) {
        return catchThrowableOfType(InvalidIncentiveException.class, () -> definition.toRule(1)).problems();
    }

    /** A problem as the API answers it to an English reader. */
    static String english(Problem problem) {
        return Bundles.messages().getMessage(problem.messageKey(), problem.args().toArray(), java.util.Locale.ENGLISH);
    }

    static ScoreBand band(String from, String to, String rate) {
        return new ScoreBand(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(rate));
    }

    @Test
    void overlappingBandsAreRefusedNamingBothBands() {
        List<Problem> v = violations(fee("SCORE_BAND", null,
                List.of(band("85", null, "1.2"), band("70", "90", "1.0"))));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("scoreBands[0]");
            assertThat(english(x)).contains("[70, 90)", "[85, ∞)", "overlap");
        });
    }

    @Test
    void anOpenEndedBandBelowAnotherOverlapsIt() {
        assertThat(violations(fee("SCORE_BAND", null, List.of(band("60", null, "1"), band("80", null, "2")))))
                .singleElement().satisfies(x -> assertThat(english(x)).contains("overlap"));
    }

    @Test
    void touchingBandsDoNotOverlap() {
        IncentiveRule rule = fee("SCORE_BAND", null, List.of(band("70", "85", "1"), band("85", null, "2"))).toRule(1);
        assertThat(rule).isInstanceOf(IncentiveRule.FeeRule.class);
    }

    @Test
    void anEmptyBandIsRefused() {
        assertThat(violations(fee("SCORE_BAND", null, List.of(band("80", "80", "1")))))
                .singleElement().satisfies(x -> assertThat(english(x)).contains("empty"));
    }

    @Test
    void negativeRatesAreRefusedInTierAndBandTables() {
        assertThat(violations(fee("TIER", Map.of("A", new BigDecimal("-0.1")), null)))
                .singleElement().satisfies(x -> {
                    assertThat(x.path()).isEqualTo("tierRates.A");
                    assertThat(english(x)).contains("negative", "-0.1");
                });
        assertThat(violations(fee("SCORE_BAND", null, List.of(band("0", null, "-1")))))
                .singleElement().satisfies(x -> assertThat(x.path()).isEqualTo("scoreBands[0].rate"));
    }

    @Test
    void anAwardForAnUnknownUnitTypeIsRefused() {
        assertThat(violations(award("HOSPICE", 3, "QUARTER", null, "锦旗")))
                .anySatisfy(x -> {
                    assertThat(x.path()).isEqualTo("unitType");
                    assertThat(english(x)).contains("Unknown unitType \"HOSPICE\"", "EXAM_CENTER");
                });
    }

    @Test
    void anAwardNeedsAUnitTypeATopNAPeriodAndExactlyOneForm() {
        List<Problem> v = violations(award(null, 0, "MONTH", new BigDecimal("100"), "锦旗"));
        assertThat(v).extracting(Problem::path)
                .contains("unitType", "topN", "awardPeriod", "awardAmount");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        RuleDefinition bad = new RuleDefinition("x", "", "FEE", "NOWHERE", LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 1), "FIXED", new BigDecimal("-5"), null, "TIER", Map.of("A", new BigDecimal("-1")),
                null, new BigDecimal("-1"), null, null, null, null, null, null, null, null, null, null);
        assertThat(violations(bad)).extracting(Problem::path)
                .contains("code", "unitType", "validTo", "baseAmount", "tierRates.A");
    }

    @Test
    void unknownMeasureAndUnknownTypeAreRefused() {
        RuleDefinition measure = new RuleDefinition("FEE-M", "按度量", "FEE", null, LocalDate.of(2026, 1, 1), null,
                "MEASURE", null, "patients_sent", "TIER", Map.of("A", BigDecimal.ONE), null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThat(violations(measure)).singleElement()
                .satisfies(x -> assertThat(english(x)).contains("Unknown measure \"patients_sent\""));
        RuleDefinition type = new RuleDefinition("T", "t", "BRIBE", null, LocalDate.of(2026, 1, 1), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(violations(type)).anySatisfy(x -> assertThat(x.path()).isEqualTo("type"));
    }

    @Test
    void aManualAdjustmentNeedsAReasonAndANonZeroAmountInFen() {
        assertThatThrownBy(() -> new ManualAdjustment(new BigDecimal("10"), " "))
                .isInstanceOf(InvalidIncentiveException.class).hasMessageContaining("reason");
        assertThat(catchThrowableOfType(InvalidIncentiveException.class,
                () -> new ManualAdjustment(new BigDecimal("0.001"), null)).problems())
                .extracting(Problem::path).containsExactly("amount", "reason");
    }

    @Test
    void sanctionStepsMustRise() {
        RuleDefinition s = new RuleDefinition("SAN", "惩戒", "SANCTION", null, LocalDate.of(2026, 1, 1), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, "D", 2, 2, 3);
        assertThat(violations(s)).singleElement().satisfies(x -> assertThat(english(x)).contains("must rise"));
    }
}
