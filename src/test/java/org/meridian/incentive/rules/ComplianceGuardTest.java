package org.meridian.incentive.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;

class ComplianceGuardTest {

    static final RuleHeader H = new RuleHeader("RULE-1", "规则", 1, new Validity(LocalDate.of(2026, 1, 1), null),
            UnitType.EXAM_CENTER);
    static final RateTable RATES = new RateTable.ByTier(Map.of("A", BigDecimal.TEN));

    static ComplianceGuard.Assessment measureFee(String measure) {
        return ComplianceGuard.assess(new IncentiveRule.FeeRule(H, new FeeBase.OfMeasure(measure), RATES, null));
    }

    @Test
    void moneyPerReferredPatientNeedsReview() {
        for (String volume : new String[] {"referrals", "arrivals", "accepted", "conversions", "return_visits"}) {
            ComplianceGuard.Assessment a = measureFee(volume);
            assertThat(a.status()).as(volume).isEqualTo(ComplianceGuard.Status.COMPLIANCE_REVIEW_REQUIRED);
            assertThat(a.reason()).contains(volume, "prohibited in many jurisdictions");
        }
    }

    @Test
    void moneyInProportionToRevenueNeedsReview() {
        ComplianceGuard.Assessment a = measureFee("revenue");
        assertThat(a.status()).isEqualTo(ComplianceGuard.Status.COMPLIANCE_REVIEW_REQUIRED);
        assertThat(a.reason()).contains("revenue of referred patients");
    }

    @Test
    void qualityBasedAndNonCashRulesNeedNoReview() {
        assertThat(ComplianceGuard.assess(new IncentiveRule.FeeRule(H, new FeeBase.Fixed(new BigDecimal("5000")),
                RATES, null)).status()).isEqualTo(ComplianceGuard.Status.NOT_REQUIRED);
        assertThat(ComplianceGuard.assess(new IncentiveRule.AwardRule(H, 3, IncentiveRule.AwardPeriod.QUARTER, null,
                "锦旗")).status()).isEqualTo(ComplianceGuard.Status.NOT_REQUIRED);
        assertThat(ComplianceGuard.assess(new IncentiveRule.AwardRule(H, 1, IncentiveRule.AwardPeriod.YEAR,
                new BigDecimal("1000"), null)).status()).isEqualTo(ComplianceGuard.Status.NOT_REQUIRED);
        assertThat(ComplianceGuard.assess(new IncentiveRule.PriorityRule(H, "绿色通道名额", Map.of("A", 5))).status())
                .isEqualTo(ComplianceGuard.Status.NOT_REQUIRED);
    }
}
