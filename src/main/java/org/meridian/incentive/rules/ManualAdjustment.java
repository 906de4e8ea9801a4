package org.meridian.incentive.rules;

import java.math.BigDecimal;

import org.meridian.shared.Money;

/**
 * A manual adjustment (人工调整) on a statement: an amount in CNY, positive or negative, with the reason
 * it is made. It is also how a statement is corrected: lines are never edited, an adjustment is added.
 */
public record ManualAdjustment(BigDecimal amount, String reason) {

    public ManualAdjustment {
        java.util.List<Violation> problems = new java.util.ArrayList<>();
        if (amount == null) {
            problems.add(Violation.keyed("amount", "an adjustment needs an amount in CNY", "incentive.v.amountRequired"));
        } else if (amount.signum() == 0) {
            problems.add(Violation.keyed("amount", "an adjustment of 0 changes nothing", "incentive.v.amountZero"));
        } else if (!Money.isWholeFen(amount)) {
            problems.add(Violation.keyed("amount", "an amount has at most two decimals (fen): "
                    + amount.toPlainString(), "incentive.v.amountFen", amount.toPlainString()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Violation.keyed("reason", "an adjustment needs a reason", "incentive.v.reasonRequired"));
        } else if (reason.length() > 500) {
            problems.add(Violation.keyed("reason", "a reason has at most 500 characters", "incentive.v.tooLong", 500));
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
