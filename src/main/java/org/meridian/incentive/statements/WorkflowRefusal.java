package org.meridian.incentive.statements;

import java.util.List;
import java.util.Map;

import org.meridian.shared.problem.ConflictException;

/**
 * A workflow step the object's state does not allow now (409, {@code urn:meridian:incentive:<code>}): a step out of
 * order, a statement already drafted, a decision already taken. The detail is {@code incentive.refusal.<code>} in
 * the reader's language; {@code reason} in the problem keeps the specific English sentence (which statement, which
 * state) for logs and support. Who may not do it at all is a {@link WorkflowForbidden} (403).
 */
public final class WorkflowRefusal extends ConflictException {

    public WorkflowRefusal(String code, String message) {
        super("incentive", code, "incentive.refusal." + code, List.of(), message);
    }

    /** A stable code for the refusal (e.g. {@code not-draft}), also the message key's suffix. */
    public String code() {
        return kind();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", getMessage());
    }
}
