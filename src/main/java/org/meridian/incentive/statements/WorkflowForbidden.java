package org.meridian.incentive.statements;

import java.util.List;
import java.util.Map;

import org.meridian.shared.problem.RefusedException;

/**
 * A workflow step this person may not take (403, {@code urn:meridian:incentive:<code>}): {@code four-eyes} (the
 * preparer reviewing or approving their own statement; the check is {@link org.meridian.shared.problem.FourEyes}'s
 * policy) or {@code role} (a sign-off or decision kept for hospital managers). The detail is
 * {@code incentive.refusal.<code>}; {@code reason} keeps the English sentence for support.
 */
public final class WorkflowForbidden extends RefusedException {

    public static final String FOUR_EYES = "four-eyes";
    public static final String ROLE = "role";

    public WorkflowForbidden(String code, String message) {
        super("incentive", code, "incentive.refusal." + code, List.of(), message);
    }

    public String code() {
        return kind();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", getMessage());
    }
}
