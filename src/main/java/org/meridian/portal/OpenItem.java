package org.meridian.portal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Something open for the channel on its portal home (待办与进行中): a rectification action it has to carry out, an
 * appeal of its own still waiting for the hospital's decision, or a published result it may still appeal.
 *
 * @param kind     what it is
 * @param textKey  message key of the text, filled with {@code args}: names, dates and times in the hospital's zone
 *                 as a person reads them, and message keys to resolve in the reader's language
 *                 ({@code MessageSourceResolvable}, e.g. a unit type's name)
 * @param href     where it is looked at or done, a path inside Meridian
 * @param due      by when (an action's due date at the start of that day, an appeal's review date, the filing
 *                 deadline); the order of the list
 * @param late     the date has passed
 */
public record OpenItem(Kind kind, String textKey, List<Object> args, String href, OffsetDateTime due, boolean late) {

    public OpenItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(textKey, "textKey");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(due, "due");
        args = List.copyOf(args);
    }

    /** The arguments as an array, for {@code #messages.msgWithParams}. */
    public Object[] argArray() {
        return args.toArray();
    }

    /** The kinds of open items, each with the message key of its badge. */
    public enum Kind {
        /** 整改措施: an action of a live rectification plan, not done yet (the channel's to do). */
        RECTIFICATION_ACTION("portal.open.kind.action"),
        /** 申诉: the channel's appeal, submitted or under review (the hospital's turn). */
        APPEAL("portal.open.kind.appeal"),
        /** 可申诉: the latest published result, inside its filing window and not appealed yet. */
        APPEAL_WINDOW("portal.open.kind.window");

        private final String badgeKey;

        Kind(String badgeKey) {
            this.badgeKey = badgeKey;
        }

        public String badgeKey() {
            return badgeKey;
        }
    }
}
