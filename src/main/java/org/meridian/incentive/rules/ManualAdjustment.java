package org.meridian.incentive.rules;

import java.math.BigDecimal;

/**
 * A manual adjustment (人工调整) on a statement: an amount in CNY, positive or negative, with the reason
 * it is made. It is also how a statement is corrected: lines are never edited, an adjustment is added.
 */
public record ManualAdjustment(BigDecimal amount, String reason) {

    public ManualAdjustment {
        java.util.List<Violation> problems = new java.util.ArrayList<>();
        if (amount == null) {
            problems.add(new Violation("amount", "an adjustment needs an amount in CNY"));
        } else if (amount.signum() == 0) {
            problems.add(new Violation("amount", "an adjustment of 0 changes nothing"));
        } else if (!Money.isWholeFen(amount)) {
            problems.add(new Violation("amount", "an amount has at most two decimals (fen): "
                    + amount.toPlainString()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new Violation("reason", "an adjustment needs a reason"));
        } else if (reason.length() > 500) {
            problems.add(new Violation("reason", "a reason has at most 500 characters"));
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
