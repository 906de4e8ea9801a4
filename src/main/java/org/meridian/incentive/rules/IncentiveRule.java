package org.meridian.incentive.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Money;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;

/**
 * An incentive rule (激励规则) of a hospital, one version of it. Each kind checks its invariants when
 * built, so a rule that exists can be applied.
 */
public sealed interface IncentiveRule {

    RuleHeader header();

    RuleType type();

    /** True when the rule can pay money (as opposed to rights, benefits in kind or sanctions). */
    boolean monetary();

    /**
     * A fee or rebate (返费/服务费): amount = base × rate, where the rate comes from the channel's tier or
     * score band, limited to {@code cap} per channel and period (null: no cap), never below 0, rounded
     * half-up to the fen.
     */
    record FeeRule(RuleHeader header, FeeBase base, RateTable rates, BigDecimal cap) implements IncentiveRule {

        public FeeRule {
            List<Problem> problems = new ArrayList<>();
            if (base == null) {
                problems.add(IncentiveProblem.of("baseKind", "incentive.v.baseKind"));
            }
            if (rates == null) {
                problems.add(IncentiveProblem.of("rateBy", "incentive.v.rateBy"));
            }
            if (cap != null && (cap.signum() < 0 || !Money.isWholeFen(cap))) {
                problems.add(IncentiveProblem.of("cap", "incentive.v.cap"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidIncentiveException(problems);
            }
        }

        @Override
        public RuleType type() {
            return RuleType.FEE;
        }

        @Override
        public boolean monetary() {
            return true;
        }
    }

    /** Whether an award is given per quarter or per year. */
    enum AwardPeriod {
        QUARTER(Period.Kind.QUARTER), YEAR(Period.Kind.YEAR);

        private final Period.Kind kind;

        AwardPeriod(Period.Kind kind) {
            this.kind = kind;
        }

        public boolean matches(Period period) {
            return period.kind() == kind;
        }
    }

    /**
     * An award (评优) for the channels of one unit type ranked 1 to {@code topN} in a quarter or year:
     * either money ({@code cashAmount}) or a benefit in kind ({@code inKind}, e.g. "training places"),
     * exactly one of the two. Ties share a rank (1, 2, 2, 4), so more than N channels can be awarded.
     */
    record AwardRule(RuleHeader header, int topN, AwardPeriod per, BigDecimal cashAmount, String inKind)
            implements IncentiveRule {

        public AwardRule {
            List<Problem> problems = new ArrayList<>();
            if (header != null && header.unitType() == null) {
                problems.add(IncentiveProblem.of("unitType", "incentive.v.awardUnitType"));
            }
            if (topN < 1) {
                problems.add(IncentiveProblem.of("topN", "incentive.v.topN"));
            }
            if (per == null) {
                problems.add(IncentiveProblem.of("awardPeriod", "incentive.v.awardPeriod"));
            }
            boolean cash = cashAmount != null;
            boolean kind = inKind != null && !inKind.isBlank();
            if (cash == kind) {
                problems.add(IncentiveProblem.of("awardAmount", "incentive.v.awardOneOf"));
            }
            if (cash && (cashAmount.signum() <= 0 || !Money.isWholeFen(cashAmount))) {
                problems.add(IncentiveProblem.of("awardAmount", "incentive.v.awardAmount"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidIncentiveException(problems);
            }
        }

        @Override
        public RuleType type() {
            return RuleType.AWARD;
        }

        @Override
        public boolean monetary() {
            return cashAmount != null;
        }

        public UnitType unitType() {
            return header.unitType();
        }
    }

    /**
     * A priority right (优先权益) by tier, such as a number of green-channel places (绿色通道名额) per
     * period: a benefit, never money.
     */
    record PriorityRule(RuleHeader header, String benefit, Map<String, Integer> quotas) implements IncentiveRule {

        public PriorityRule {
            List<Problem> problems = new ArrayList<>();
            if (benefit == null || benefit.isBlank() || benefit.length() > 200) {
                problems.add(IncentiveProblem.of("benefit", "incentive.v.benefit"));
            }
            if (quotas == null || quotas.isEmpty()) {
                problems.add(IncentiveProblem.of("tierQuotas", "incentive.v.noQuotas"));
                quotas = Map.of();
            }
            for (Map.Entry<String, Integer> e : quotas.entrySet()) {
                if (e.getValue() == null || e.getValue() < 0) {
                    problems.add(IncentiveProblem.of("tierQuotas." + e.getKey(), "incentive.v.quota", e.getKey()));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidIncentiveException(problems);
            }
            quotas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quotas));
        }

        @Override
        public RuleType type() {
            return RuleType.PRIORITY;
        }

        @Override
        public boolean monetary() {
            return false;
        }
    }

    /**
     * The sanction policy (惩戒): a channel in the lowest tier for {@code warningAfter} consecutive periods
     * gets a warning (预警), after {@code probationAfter} probation (观察期), after
     * {@code terminationAfter} a recommendation to end the cooperation (建议终止合作). Defaults 1, 2, 3.
     * It only recommends; the channel's lifecycle and tier change when a person acts on it.
     */
    record SanctionRule(RuleHeader header, String lowestTier, int warningAfter, int probationAfter,
                        int terminationAfter) implements IncentiveRule {

        public SanctionRule {
            List<Problem> problems = new ArrayList<>();
            if (lowestTier == null || lowestTier.isBlank()) {
                problems.add(IncentiveProblem.of("lowestTier", "incentive.v.lowestTier"));
            }
            if (warningAfter < 1 || probationAfter <= warningAfter || terminationAfter <= probationAfter) {
                problems.add(IncentiveProblem.of("warningAfter", "incentive.v.sanctionSteps"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidIncentiveException(problems);
            }
        }

        @Override
        public RuleType type() {
            return RuleType.SANCTION;
        }

        @Override
        public boolean monetary() {
            return false;
        }
    }
}
