package org.meridian.incentive.rules;

import java.math.BigDecimal;

import org.meridian.evaluation.MeasureTotals;
import org.meridian.shared.Money;

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
                throw new InvalidIncentiveException(IncentiveProblem.of("baseAmount", "incentive.v.baseAmount"));
            }
            if (!Money.isWholeFen(amount)) {
                throw new InvalidIncentiveException(IncentiveProblem.of("baseAmount", "incentive.v.baseAmount"));
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

    /**
     * The period's total of a measure of engine.md §2 (e.g. {@code feedbacks}): one of those every scorecard of an
     * evaluation keeps ({@link MeasureTotals#keys()}), so that the base is read from the published evaluation.
     */
    record OfMeasure(String measure) implements FeeBase {

        public OfMeasure {
            if (measure == null || !MeasureTotals.keys().contains(measure)) {
                throw new InvalidIncentiveException(IncentiveProblem.of("baseMeasure", "incentive.v.unknownMeasure", measure, MeasureTotals.keys()));
            }
        }

        /** What the measure counts, as far as the compliance guard is concerned. */
        public ComplianceGuard.MeasureKind kind() {
            return ComplianceGuard.MeasureKind.of(measure);
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
