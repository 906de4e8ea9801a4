package org.meridian.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.Problem;

/**
 * An action to add to a plan: what is to be done, by whom, by when. {@link #problems()} names every missing or too
 * long field at once (a missing due date included); the pages read the date from text and name a bad one.
 */
public record NewAction(String description, String owner, LocalDate dueDate) {

    public NewAction {
        description = description == null ? "" : description.strip();
        owner = owner == null ? "" : owner.strip();
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (description.isEmpty()) {
            problems.add(Problem.of("description", "rectification.error.required"));
        } else if (description.length() > 500) {
            problems.add(Problem.of("description", "rectification.error.tooLong", 500));
        }
        if (owner.isEmpty()) {
            problems.add(Problem.of("owner", "rectification.error.required"));
        } else if (owner.length() > 100) {
            problems.add(Problem.of("owner", "rectification.error.tooLong", 100));
        }
        if (dueDate == null) {
            problems.add(Problem.of("dueDate", "rectification.error.required"));
        }
        return problems;
    }
}
