package org.meridian.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;

/**
 * One notification of one user. Its text is {@code messageKey} with {@code args}, resolved when it is shown, in
 * the reader's language; an argument written {@code msg:<key>} is itself a message key (e.g. a unit type's name).
 *
 * @param link     the page of the object it is about, a path inside Meridian ({@code /evaluations/12})
 * @param readAt   when the recipient marked it read; null while unread
 */
public record Notification(long id, String recipient, NotificationKind kind, long sourceId, String messageKey,
                           List<String> args, String link, OffsetDateTime createdAt, OffsetDateTime readAt) {

    /** The prefix of an argument that is a message key. */
    public static final String MESSAGE_ARG = "msg:";

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(createdAt, "createdAt");
        args = List.copyOf(args);
        checkLink(link);
    }

    public boolean read() {
        return readAt != null;
    }

    /** The text in {@code locale}: the message with its arguments, each {@code msg:<key>} argument resolved first. */
    public String text(MessageSource messages, Locale locale) {
        return resolve(messages, locale, messageKey, args);
    }

    /** {@code messageKey} with {@code args} in {@code locale}, each {@code msg:<key>} argument resolved first. */
    static String resolve(MessageSource messages, Locale locale, String messageKey, List<String> args) {
        Object[] resolved = args.stream()
                .map(a -> a.startsWith(MESSAGE_ARG)
                        ? messages.getMessage(a.substring(MESSAGE_ARG.length()), null, a, locale)
                        : a)
                .toArray();
        return messages.getMessage(messageKey, resolved, messageKey, locale);
    }

    /** A link is a path of this application, never another site (it is followed after "mark read"). */
    static void checkLink(String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
            throw new IllegalArgumentException("a notification links to a path inside Meridian: " + link);
        }
    }
}
