package org.meridian.incentive.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;

/**
 * An incentive rule as a person writes it (the API's request body, and how a version is stored): one
 * flat record for all rule types, of which each type uses its own fields. {@link #toRule(int)} checks
 * everything and names every field in error at once.
 *
 * <pre>
 * FEE:      baseKind FIXED (baseAmount) | MEASURE (baseMeasure); rateBy TIER (tierRates) |
 *           SCORE_BAND (scoreBands); cap (optional)
 * AWARD:    unitType, topN, awardPeriod QUARTER | YEAR; awardAmount | awardInKind
 * PRIORITY: benefit, tierQuotas
 * SANCTION: lowestTier (default D), warningAfter 1, probationAfter 2, terminationAfter 3 (defaults)
 * </pre>
 * Manual adjustments are not rules kept in a list: they are added to one statement with a reason.
 */
public record RuleDefinition(String code, String name, String type, String unitType, LocalDate validFrom,
                             LocalDate validTo, String baseKind, BigDecimal baseAmount, String baseMeasure,
                             String rateBy, Map<String, BigDecimal> tierRates, List<ScoreBand> scoreBands,
                             BigDecimal cap, Integer topN, String awardPeriod, BigDecimal awardAmount,
                             String awardInKind, String benefit, Map<String, Integer> tierQuotas,
                             String lowestTier, Integer warningAfter, Integer probationAfter,
                             Integer terminationAfter) {

    /** The same definition with other validity dates (a stored version's dates can be ended later). */
    public RuleDefinition withValidity(LocalDate from, LocalDate to) {
        return new RuleDefinition(code, name, type, unitType, from, to, baseKind, baseAmount, baseMeasure, rateBy,
                tierRates, scoreBands, cap, topN, awardPeriod, awardAmount, awardInKind, benefit, tierQuotas,
                lowestTier, warningAfter, probationAfter, terminationAfter);
    }

    /** Builds and checks the rule as version {@code version}; lists every problem when it is not valid. */
    public IncentiveRule toRule(int version) {
        List<Problem> problems = new ArrayList<>();
        RuleType ruleType = parse(problems, "type", type, RuleType.class, true);
        if (ruleType == RuleType.ADJUSTMENT) {
            problems.add(IncentiveProblem.of("type", "incentive.v.adjustmentRule"));
        }
        UnitType unit = parse(problems, "unitType", unitType, UnitType.class, false);
        Validity validity = attempt(problems, () -> new Validity(validFrom, validTo));
        RuleHeader header = attempt(problems, () -> new RuleHeader(code, name, version, validity, unit));
        if (ruleType == null || ruleType == RuleType.ADJUSTMENT) {
            throw new InvalidIncentiveException(problems);
        }
        IncentiveRule rule = switch (ruleType) {
            case FEE -> fee(problems, header);
            case AWARD -> award(problems, header);
            case PRIORITY -> attempt(problems, () -> new IncentiveRule.PriorityRule(header, benefit, tierQuotas));
            case SANCTION -> attempt(problems, () -> new IncentiveRule.SanctionRule(header,
                    lowestTier == null ? "D" : lowestTier.strip(), orDefault(warningAfter, 1),
                    orDefault(probationAfter, 2), orDefault(terminationAfter, 3)));
            case ADJUSTMENT -> null;
        };
        if (!problems.isEmpty() || rule == null) {
            throw new InvalidIncentiveException(problems.isEmpty()
                    ? List.of(IncentiveProblem.of("type", "incentive.v.notBuilt")) : problems);
        }
        return rule;
    }

    /**
     * The compliance guard's verdict on this definition as far as it is written, for a rule still being edited: the
     * guard looks only at the kind of rule, whether it pays money and a fee's base, so it can judge before the other
     * fields are complete. Empty while the type, or a fee's base, is not given (or not valid) yet. A definition that
     * builds gets the same verdict as {@link ComplianceGuard#assess(IncentiveRule)} of its rule.
     */
    public java.util.Optional<ComplianceGuard.Assessment> assessAsWritten() {
        RuleType ruleType;
        try {
            ruleType = type == null ? null : RuleType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            ruleType = null;
        }
        if (ruleType == null || ruleType == RuleType.ADJUSTMENT) {
            return java.util.Optional.empty();
        }
        if (ruleType != RuleType.FEE) {
            return java.util.Optional.of(ComplianceGuard.assess(ruleType == RuleType.AWARD && awardAmount != null, null));
        }
        String kind = baseKind == null ? "" : baseKind.strip().toUpperCase(Locale.ROOT);
        try {
            return switch (kind) {
                case "MEASURE" -> java.util.Optional.of(ComplianceGuard.assess(true, new FeeBase.OfMeasure(baseMeasure)));
                case "FIXED" -> java.util.Optional.of(ComplianceGuard.assess(true, null));
                default -> java.util.Optional.empty();
            };
        } catch (InvalidIncentiveException e) {
            return java.util.Optional.empty();
        }
    }

    private IncentiveRule fee(List<Problem> problems, RuleHeader header) {
        String kind = baseKind == null ? null : baseKind.strip().toUpperCase(Locale.ROOT);
        FeeBase base = null;
        if ("FIXED".equals(kind)) {
            base = attempt(problems, () -> new FeeBase.Fixed(baseAmount));
        } else if ("MEASURE".equals(kind)) {
            base = attempt(problems, () -> new FeeBase.OfMeasure(baseMeasure));
        } else {
            problems.add(IncentiveProblem.of("baseKind", "incentive.v.baseKind"));
        }
        String by = rateBy == null ? null : rateBy.strip().toUpperCase(Locale.ROOT);
        RateTable rates = null;
        if ("TIER".equals(by)) {
            rates = attempt(problems, () -> new RateTable.ByTier(tierRates));
        } else if ("SCORE_BAND".equals(by)) {
            rates = attempt(problems, () -> new RateTable.ByScoreBand(scoreBands));
        } else {
            problems.add(IncentiveProblem.of("rateBy", "incentive.v.rateBy"));
        }
        FeeBase b = base;
        RateTable r = rates;
        return header == null || b == null || r == null ? null
                : attempt(problems, () -> new IncentiveRule.FeeRule(header, b, r, cap));
    }

    private IncentiveRule award(List<Problem> problems, RuleHeader header) {
        IncentiveRule.AwardPeriod per = parse(problems, "awardPeriod", awardPeriod, IncentiveRule.AwardPeriod.class,
                true);
        if (topN == null) {
            problems.add(IncentiveProblem.of("topN", "incentive.v.topN"));
            return null;
        }
        if (header == null) {
            return null;
        }
        return attempt(problems, () -> new IncentiveRule.AwardRule(header, topN, per, awardAmount, awardInKind));
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static <T> T attempt(List<Problem> problems, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidIncentiveException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(List<Problem> problems, String field, String value, Class<E> type,
                                               boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(IncentiveProblem.of(field, "incentive.v.requiredOneOf", field, names(type)));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(IncentiveProblem.of(field, "incentive.v.unknownValue", field, value, names(type)));
            return null;
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.toString(type.getEnumConstants());
    }
}
