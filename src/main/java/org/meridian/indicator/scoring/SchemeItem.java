package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.meridian.shared.problem.Problem;

/** One indicator of a scheme with its positive weight (权重) and its scoring rule. */
public record SchemeItem(IndicatorDefinition indicator, BigDecimal weight, ScoringRule rule) {

    public SchemeItem {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(rule, "rule");
        if (weight.signum() <= 0) {
            throw new InvalidSchemeException(List.of(ScoringProblem.of("weight", "weightNotPositive", weight.toPlainString())));
        }
        List<Problem> p = rule.problems(indicator.direction());
        if (!p.isEmpty()) {
            throw new InvalidSchemeException(p);
        }
    }

    public String code() {
        return indicator.code();
    }
}
