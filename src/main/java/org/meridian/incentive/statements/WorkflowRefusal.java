package org.meridian.incentive.statements;

/** A workflow step refused because of who asks or of the statement's state; the message says why. */
public final class WorkflowRefusal extends RuntimeException {

    private final String code;

    public WorkflowRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable code for the refusal (e.g. {@code four-eyes}), also a message key suffix. */
    public String code() {
        return code;
    }
}
