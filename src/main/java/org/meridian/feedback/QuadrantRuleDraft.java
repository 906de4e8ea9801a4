package org.meridian.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.indicator.scoring.Quadrant;
import org.meridian.shared.problem.Problem;

/**
 * A quadrant rule as a form or a request gave it, before it is checked: the quadrant's name ({@code STAR},
 * {@code UNDER_RECOGNISED}, {@code BRAND_AT_RISK}, {@code WEAK}) and the texts in Chinese and English (each required,
 * at most {@value RuleDraft#MAX_TEXT} characters).
 */
public record QuadrantRuleDraft(String quadrant, String textZh, String textEn) {

    /** Every problem of the draft at once, each with its field. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (quadrant == null || quadrant.isBlank()) {
            problems.add(Problem.of("quadrant", "feedback.error.required"));
        } else if (typed() == null) {
            problems.add(Problem.of("quadrant", "feedback.error.quadrant", quadrant.strip()));
        }
        RuleDraft.text("textZh", textZh, problems);
        RuleDraft.text("textEn", textEn, problems);
        return problems;
    }

    /** The quadrant named, or null when it names none. */
    Quadrant typed() {
        try {
            return quadrant == null ? null : Quadrant.valueOf(quadrant.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
