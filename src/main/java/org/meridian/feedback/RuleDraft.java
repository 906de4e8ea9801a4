package org.meridian.feedback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.meridian.shared.problem.Problem;

/**
 * A suggestion rule as typed into the form or sent to the API, before it is checked: the indicator's code, the
 * score threshold as text and the suggestion in Chinese and English.
 */
public record RuleDraft(String indicatorCode, String below, String textZh, String textEn) {

    public static final int MAX_TEXT = 500;

    /** Every problem of the draft; {@code knownIndicator} says whether a code is in the hospital's catalogue. */
    List<Problem> problems(Predicate<String> knownIndicator) {
        List<Problem> problems = new ArrayList<>();
        String code = code();
        if (code.isEmpty()) {
            problems.add(Problem.of("indicatorCode", "feedback.error.required"));
        } else if (!knownIndicator.test(code)) {
            problems.add(Problem.of("indicatorCode", "feedback.error.indicator", indicatorCode.strip()));
        }
        if (below == null || below.isBlank()) {
            problems.add(Problem.of("below", "feedback.error.required"));
        } else {
            BigDecimal b = threshold();
            if (b == null) {
                problems.add(Problem.of("below", "feedback.error.number", below.strip()));
            } else if (b.signum() <= 0 || b.compareTo(BigDecimal.valueOf(100)) > 0 || b.scale() > 2) {
                problems.add(Problem.of("below", "feedback.error.threshold", below.strip()));
            }
        }
        text("textZh", textZh, problems);
        text("textEn", textEn, problems);
        return problems;
    }

    static void text(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(field, "feedback.error.required"));
        } else if (value.strip().length() > MAX_TEXT) {
            problems.add(Problem.of(field, "feedback.error.tooLong", MAX_TEXT));
        }
    }

    String code() {
        return indicatorCode == null ? "" : indicatorCode.strip().toUpperCase(Locale.ROOT);
    }

    BigDecimal threshold() {
        try {
            return new BigDecimal(below.strip()).stripTrailingZeros();
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
