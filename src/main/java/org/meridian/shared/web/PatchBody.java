package org.meridian.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.meridian.shared.problem.Problem;

/**
 * The body of a PATCH request of the API, a JSON object of the fields to change (a field given as null is cleared):
 * its own problems, found before any of its values is read, so that the caller learns of every one at once.
 */
public final class PatchBody {

    private PatchBody() {
    }

    /**
     * A field not in {@code patchable} is {@code <module>.error.unknownField}; a value that is neither text, a number
     * nor null is {@code <module>.error.notText}. Empty when the body may be read.
     */
    public static List<Problem> problems(Map<String, Object> body, Set<String> patchable, String module) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            if (!patchable.contains(e.getKey())) {
                problems.add(Problem.of(e.getKey(), module + ".error.unknownField"));
            } else if (e.getValue() != null && !(e.getValue() instanceof String || e.getValue() instanceof Number)) {
                problems.add(Problem.of(e.getKey(), module + ".error.notText"));
            }
        }
        return problems;
    }
}
