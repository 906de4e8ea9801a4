package org.meridian.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * A facade's problems shown on a page, beside the fields they are about, in the reader's language (the request's
 * locale). A page controller catches {@code InvalidInputException} and either puts its problems on the form's binding
 * ({@link #reject}, for a form drawn with {@code th:object}) or passes them as the model map {@code errors}, field →
 * text ({@link #byField}), which {@code fragments/form :: field} shows beside the field. A key without a text in the
 * bundles shows as the key.
 */
@Component
public class ProblemTexts {

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The problem's text. */
    public String text(Problem problem) {
        return messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(),
                LocaleContextHolder.getLocale());
    }

    /** Every problem's text, in order (a list shown above a form or a filter bar). */
    public List<String> texts(List<Problem> problems) {
        return problems.stream().map(this::text).toList();
    }

    /** Field → the text of the field's first problem, the fields in the order of their first problem. */
    public Map<String, String> byField(List<Problem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.path(), text(p)));
        return errors;
    }

    /** Field → the texts of all the field's problems, joined by {@code separator}. */
    public Map<String, String> byField(List<Problem> problems, String separator) {
        return byField(problems, separator, UnaryOperator.identity());
    }

    /**
     * Field → the texts of all the field's problems, joined by {@code separator}, where {@code field} names the form
     * field a problem's path belongs to (e.g. {@code floors.D1} → {@code floor}).
     */
    public Map<String, String> byField(List<Problem> problems, String separator, UnaryOperator<String> field) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(field.apply(p.path()), text(p), (a, b) -> a + separator + b));
        return errors;
    }

    /**
     * A filter bar's reading that may fail: what {@code read} makes, or, when it throws {@code InvalidInputException},
     * {@code fallback}'s with the problems' texts put into {@code errors} by field (the page shows them beside the
     * filters and the list as if unfiltered where it could not read).
     */
    public <T> T readOr(Supplier<T> read, Supplier<T> fallback, Map<String, String> errors) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            errors.putAll(byField(e.problems()));
            return fallback.get();
        }
    }

    /** Each problem as an error of its field on a bound form; its text is resolved when the page is drawn. */
    public static void reject(BindingResult binding, List<Problem> problems) {
        problems.forEach(p -> binding.rejectValue(p.path(), p.messageKey(), p.args().toArray(), p.messageKey()));
    }
}
