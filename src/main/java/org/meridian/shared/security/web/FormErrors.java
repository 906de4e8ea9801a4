package org.meridian.shared.security.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.meridian.shared.problem.Problem;
import org.meridian.shared.security.AccountRejected;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.validation.BindingResult;

/** Puts every problem of a rejected change beside its form field. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult binding, AccountRejected rejected) {
        reject(binding, rejected.problems());
    }

    /** Adds the problems of fields that have no error yet (a field that could not even be read keeps that one). */
    static void reject(BindingResult binding, List<Problem> problems) {
        Set<String> unreadable = new HashSet<>();
        binding.getFieldErrors().forEach(e -> unreadable.add(e.getField()));
        ProblemTexts.reject(binding, problems.stream().filter(p -> !unreadable.contains(p.path())).toList());
    }
}
