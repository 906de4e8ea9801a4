package org.meridian.incentive.rules;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * An incentive rule or request breaks its invariants: every problem found, answered as shared problems (400). Its
 * message, for logs and for tests without Spring, is every problem in English from {@code i18n/incentive_en}.
 */
public final class InvalidIncentiveException extends InvalidInputException {

    public InvalidIncentiveException(List<Problem> problems) {
        super("incentive", "invalid-input", "problem.invalid", List.of(problems.size()), problems,
                english(problems));
    }

    public InvalidIncentiveException(Problem problem) {
        this(List.of(problem));
    }

    /** "field: sentence; field: sentence" in English; a key the bundle lacks is shown as the key. */
    static String english(List<Problem> problems) {
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle("i18n/incentive", Locale.ENGLISH);
        } catch (MissingResourceException e) {
            bundle = null;
        }
        ResourceBundle texts = bundle;
        return problems.stream().map(p -> p.path() + ": " + text(texts, p)).collect(Collectors.joining("; "));
    }

    private static String text(ResourceBundle texts, Problem p) {
        if (texts == null || !texts.containsKey(p.messageKey())) {
            return p.messageKey() + p.args();
        }
        return new MessageFormat(texts.getString(p.messageKey()), Locale.ENGLISH).format(p.args().toArray());
    }
}
