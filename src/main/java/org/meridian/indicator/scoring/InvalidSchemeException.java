package org.meridian.indicator.scoring;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.meridian.shared.problem.Problem;

/**
 * Scheme content that cannot be saved, with every problem found (not just the first). The facade answers it as bad
 * input; its message, for logs and Spring-less tests, is every problem in English from {@code i18n/indicator_en}.
 */
public final class InvalidSchemeException extends IllegalArgumentException {

    private final List<Problem> problems;

    public InvalidSchemeException(List<Problem> problems) {
        super(problems.size() + " problem(s): " + String.join("; ",
                problems.stream().map(p -> p.path() + ": " + english(p)).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The problem's sentence in English; its key and arguments where the bundle lacks it. */
    public static String english(Problem p) {
        try {
            ResourceBundle texts = ResourceBundle.getBundle("i18n/indicator", Locale.ENGLISH);
            if (texts.containsKey(p.messageKey())) {
                return new MessageFormat(texts.getString(p.messageKey()), Locale.ENGLISH).format(p.args().toArray());
            }
        } catch (MissingResourceException e) {
            // fall through
        }
        return p.messageKey() + p.args();
    }
}
