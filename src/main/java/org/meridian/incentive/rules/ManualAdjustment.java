package org.meridian.incentive.rules;

import java.math.BigDecimal;

import org.meridian.shared.Money;
import org.meridian.shared.problem.Problem;

/**
 * A manual adjustment (人工调整) on a statement: an amount in CNY, positive or negative, with the reason
 * it is made. It is also how a statement is corrected: lines are never edited, an adjustment is added.
 */
public record ManualAdjustment(BigDecimal amount, String reason) {

    public ManualAdjustment {
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        if (amount == null) {
            problems.add(IncentiveProblem.of("amount", "incentive.v.amountRequired"));
        } else if (amount.signum() == 0) {
            problems.add(IncentiveProblem.of("amount", "incentive.v.amountZero"));
        } else if (!Money.isWholeFen(amount)) {
            problems.add(IncentiveProblem.of("amount", "incentive.v.amountFen", amount.toPlainString()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(IncentiveProblem.of("reason", "incentive.v.reasonRequired"));
        } else if (reason.length() > 500) {
            problems.add(IncentiveProblem.of("reason", "incentive.v.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidIncentiveException(problems);
        }
        amount = Money.fen(amount);
        reason = reason.strip();
    }

    public StatementLine toLine() {
        return new StatementLine(RuleType.ADJUSTMENT, null, null, null, null, null, amount, null, null,
                java.util.List.of(Explanation.of("incentive.explain.adjustment", reason)), reason);
    }
}
