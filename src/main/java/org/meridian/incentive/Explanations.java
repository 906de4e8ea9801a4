package org.meridian.incentive;

import java.util.List;
import java.util.Locale;

import org.meridian.incentive.rules.Explanation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders a line's explanation in the reader's language from {@code i18n/incentive*.properties}. */
@Component
public class Explanations {

    private final MessageSource messages;

    Explanations(MessageSource messages) {
        this.messages = messages;
    }

    public String render(List<Explanation> explanation, Locale locale) {
        String separator = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "；" : "; ";
        return String.join(separator, explanation.stream()
                .map(e -> messages.getMessage(e.key(), e.args().stream().map(a -> arg(a, locale)).toArray(), e.key(),
                        locale))
                .toList());
    }

    /** An argument naming a unit type ({@code unitType.EXAM_CENTER}) reads as the type's name. */
    private String arg(String arg, Locale locale) {
        return arg.startsWith("unitType.") ? messages.getMessage(arg, null, arg, locale) : arg;
    }

    /** A problem of a refused input in the reader's language (a page shows it beside its field). */
    public String problem(org.meridian.shared.problem.Problem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
