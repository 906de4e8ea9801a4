package org.meridian.incentive.rules;

import java.util.Arrays;

import org.meridian.shared.problem.Problem;

/**
 * The incentive rules' problems as the shared {@link Problem}: a field path, a message key of
 * {@code i18n/incentive.properties} and its arguments. The arguments are kept as the text the rule wrote (a rate
 * {@code 0.0001}, a band {@code [70, 90)}), so that a number reads exactly as entered rather than as the message
 * format would round or group it.
 */
public final class IncentiveProblem {

    private IncentiveProblem() {
    }

    public static Problem of(String field, String messageKey, Object... args) {
        return new Problem(field, messageKey, Arrays.stream(args).<Object>map(String::valueOf).toList());
    }
}
