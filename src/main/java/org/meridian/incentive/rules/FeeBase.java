package org.meridian.incentive.rules;

import java.math.BigDecimal;

/** What a fee rule multiplies by its rate: a fixed amount in CNY, or the period's total of a measure. */
public sealed interface FeeBase {

    /** The base for this channel and period. */
    BigDecimal valueFor(ChannelResult result);

    /** The sentence of the line's explanation that states the base. */
    Explanation explain(ChannelResult result);

    /** A fixed amount per period (固定基数), e.g. a service fee of 5 000 CNY. */
    record Fixed(BigDecimal amount) implements FeeBase {

        public Fixed {
            if (amount == null || amount.signum() < 0) {
                throw new InvalidIncentiveException(Violation.keyed("baseAmount", "a fixed base is an amount of 0 CNY or more", "incentive.v.baseAmount"));
            }
            if (!Money.isWholeFen(amount)) {
                throw new InvalidIncentiveException(Violation.keyed("baseAmount",
                        "a fixed base has at most two decimals (fen): " + amount.toPlainString(), "incentive.v.baseAmount"));
            }
        }

        @Override
        public BigDecimal valueFor(ChannelResult result) {
            return amount;
        }

        @Override
        public Explanation explain(ChannelResult result) {
            return Explanation.of("incentive.explain.basis.fixed", amount.toPlainString());
        }
    }

    /** The period's total of a measure of engine.md §2 (e.g. {@code feedbacks}). */
    record OfMeasure(String measure) implements FeeBase {

        public OfMeasure {
            if (measure == null || Measures.kindOf(measure).isEmpty()) {
                throw new InvalidIncentiveException(Violation.keyed("baseMeasure", "unknown measure '" + measure
                        + "'; known measures are " + Measures.keys(), "incentive.v.unknownMeasure", measure, Measures.keys()));
            }
        }

        public Measures.Kind kind() {
            return Measures.kindOf(measure).orElseThrow();
        }

        @Override
        public BigDecimal valueFor(ChannelResult result) {
            return result.measure(measure);
        }

        @Override
        public Explanation explain(ChannelResult result) {
            return Explanation.of("incentive.explain.basis.measure", measure,
                    result.measure(measure).stripTrailingZeros().toPlainString());
        }
    }
}
