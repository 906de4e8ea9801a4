package org.meridian.incentive.rules;

import java.util.List;

/** Thrown when an incentive rule or request breaks its invariants; lists every problem found. */
public final class InvalidIncentiveException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidIncentiveException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid"));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid-incentive exception needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidIncentiveException(Violation violation) {
        this(List.of(violation));
    }

    public InvalidIncentiveException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
