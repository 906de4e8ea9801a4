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

    /** A refused input's reason in the reader's language; the English message where it has no key. */
    public String violation(org.meridian.incentive.rules.Violation v, Locale locale) {
        if (v.key() == null) {
            return v.message();
        }
        return messages.getMessage(v.key(), v.args().stream().map(a -> arg(a, locale)).toArray(), v.message(), locale);
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
