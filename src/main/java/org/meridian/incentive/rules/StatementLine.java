package org.meridian.incentive.rules;

import java.math.BigDecimal;
import java.util.List;

import org.meridian.shared.Money;

/**
 * A line of a statement (结算单明细): which rule (code and version) gave it, on what basis, at what
 * rate, for what amount in CNY (0.00 for a right or a benefit in kind), and why.
 *
 * @param basis      the base value (an amount, a measure total, a rank); null for an adjustment
 * @param basisLabel what the basis is: {@code fixed}, a measure key, {@code rank}, {@code tier}
 * @param rate       the rate applied; null where no rate is involved
 * @param amount     the money of this line, rounded half-up to the fen
 * @param quantity   places or items of a non-cash benefit; null otherwise
 * @param benefit    the benefit in kind or right; null for money
 * @param reason     the reason of a manual adjustment; null otherwise
 */
public record StatementLine(RuleType ruleType, String ruleCode, Integer ruleVersion, BigDecimal basis,
                            String basisLabel, BigDecimal rate, BigDecimal amount, Integer quantity,
                            String benefit, List<Explanation> explanation, String reason) {

    public StatementLine {
        if (ruleType == null || amount == null) {
            throw new IllegalArgumentException("a statement line needs a rule type and an amount");
        }
        if (amount.scale() != 2) {
            throw new IllegalArgumentException("a line's amount is rounded to the fen: " + amount);
        }
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }

    /** The sum of the lines' amounts: a statement's total is always this, never stored on its own. */
    public static BigDecimal total(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
