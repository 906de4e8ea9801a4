package org.meridian.incentive.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.Money;
import org.meridian.shared.Period;

/**
 * Computes the lines of a channel's statement for a period from its {@link ChannelResult} and the rules
 * in force. A rule is in force for a period when it is valid on the period's last day and covers the
 * channel's unit type; the caller passes only rules that have taken effect (a rule that needs a
 * compliance sign-off and has none is left out before). Sanction rules give no line.
 * <ul>
 * <li>Fee: amount = min(base × rate, cap), never below 0, rounded half-up to the fen.</li>
 * <li>Award: the channel's rank ≤ N in a quarter (or year) of the award's kind gives the money or the
 * benefit in kind; a statement of any other period kind gets no award line.</li>
 * <li>Priority: the tier's quota as a non-cash line (amount 0.00, quantity = quota); a quota of 0 gives
 * no line.</li>
 * </ul>
 */
public final class IncentiveCalculator {

    private IncentiveCalculator() {
    }

    public static List<StatementLine> lines(Period period, ChannelResult result, List<? extends IncentiveRule> rules) {
        List<StatementLine> lines = new ArrayList<>();
        for (IncentiveRule rule : inForce(period, result, rules)) {
            line(period, result, rule).ifPresent(lines::add);
        }
        return lines;
    }

    /**
     * The rules that apply to this channel and period, ordered by code. Two versions of one code both in
     * force is a contradiction and is refused.
     */
    static List<IncentiveRule> inForce(Period period, ChannelResult result, List<? extends IncentiveRule> rules) {
        Map<String, IncentiveRule> byCode = new LinkedHashMap<>();
        for (IncentiveRule rule : rules) {
            RuleHeader h = rule.header();
            if (!h.validity().appliesTo(period) || !h.appliesTo(result)) {
                continue;
            }
            IncentiveRule other = byCode.putIfAbsent(h.code(), rule);
            if (other != null) {
                throw new InvalidIncentiveException(IncentiveProblem.of("rules", "incentive.v.twoVersions", other.header().version(), h.version(), h.code(), period.lastDay()));
            }
        }
        List<IncentiveRule> list = new ArrayList<>(byCode.values());
        list.sort(Comparator.comparing((IncentiveRule r) -> r.type()).thenComparing(r -> r.header().code()));
        return list;
    }

    static Optional<StatementLine> line(Period period, ChannelResult result, IncentiveRule rule) {
        if (rule instanceof IncentiveRule.FeeRule fee) {
            return fee(result, fee);
        }
        if (rule instanceof IncentiveRule.AwardRule award) {
            return award(period, result, award);
        }
        if (rule instanceof IncentiveRule.PriorityRule priority) {
            return priority(result, priority);
        }
        return Optional.empty();
    }

    private static Optional<StatementLine> fee(ChannelResult result, IncentiveRule.FeeRule rule) {
        Optional<RateTable.Rate> found = rule.rates().rateFor(result);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal basis = rule.base().valueFor(result);
        BigDecimal rate = found.get().value();
        BigDecimal raw = basis.multiply(rate);
        List<Explanation> why = new ArrayList<>();
        why.add(rule.base().explain(result));
        why.add(rule.rates() instanceof RateTable.ByTier
                ? Explanation.of("incentive.explain.rate.tier", result.tier(), rate.toPlainString())
                : Explanation.of("incentive.explain.rate.band", result.roundedTotal().toPlainString(),
                        found.get().source().substring("band ".length()), rate.toPlainString()));
        why.add(Explanation.of("incentive.explain.product", basis.stripTrailingZeros().toPlainString(),
                rate.toPlainString(), raw.stripTrailingZeros().toPlainString()));
        BigDecimal amount = raw;
        if (amount.signum() < 0) {
            amount = BigDecimal.ZERO;
            why.add(Explanation.of("incentive.explain.negative"));
        } else if (rule.cap() != null && amount.compareTo(rule.cap()) > 0) {
            amount = rule.cap();
            why.add(Explanation.of("incentive.explain.capped", rule.cap().toPlainString()));
        }
        String label = rule.base() instanceof FeeBase.OfMeasure m ? m.measure() : "fixed";
        return Optional.of(new StatementLine(RuleType.FEE, rule.header().code(), rule.header().version(), basis,
                label, rate, Money.fen(amount), null, null, why, null));
    }

    private static Optional<StatementLine> award(Period period, ChannelResult result, IncentiveRule.AwardRule rule) {
        if (!rule.per().matches(period) || result.rank() == null || result.rank() > rule.topN()) {
            return Optional.empty();
        }
        List<Explanation> why = List.of(Explanation.of("incentive.explain.award", period,
                "unitType." + rule.unitType().name(),
                result.rank(), rule.topN()));
        BigDecimal amount = rule.monetary() ? Money.fen(rule.cashAmount()) : Money.ZERO;
        return Optional.of(new StatementLine(RuleType.AWARD, rule.header().code(), rule.header().version(),
                BigDecimal.valueOf(result.rank()), "rank", null, amount, rule.monetary() ? null : 1,
                rule.monetary() ? null : rule.inKind(), why, null));
    }

    private static Optional<StatementLine> priority(ChannelResult result, IncentiveRule.PriorityRule rule) {
        Integer quota = rule.quotas().get(result.tier());
        if (quota == null || quota == 0) {
            return Optional.empty();
        }
        List<Explanation> why = List.of(Explanation.of("incentive.explain.priority", result.tier(), quota,
                rule.benefit()));
        return Optional.of(new StatementLine(RuleType.PRIORITY, rule.header().code(), rule.header().version(),
                null, "tier", null, Money.ZERO, quota, rule.benefit(), why, null));
    }
}
