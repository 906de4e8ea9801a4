package org.meridian.insight.change;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Writes a {@link Phrase} in a language: its nested phrases first, then its own template. */
public final class Phrases {

    private Phrases() {
    }

    public static String write(MessageSource messages, Locale locale, Phrase phrase) {
        Object[] args = phrase.args().stream()
                .map(a -> a instanceof Phrase p ? write(messages, locale, p) : a).toArray();
        return messages.getMessage(phrase.key(), args, locale);
    }
}
