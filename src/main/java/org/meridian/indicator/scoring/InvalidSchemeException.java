package org.meridian.indicator.scoring;

import java.util.List;

/** Scheme content that cannot be saved, with every problem found (not just the first). */
public final class InvalidSchemeException extends IllegalArgumentException {

    private final List<Problem> problems;

    public InvalidSchemeException(List<Problem> problems) {
        super(problems.size() + " problem(s): " + String.join("; ",
                problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
