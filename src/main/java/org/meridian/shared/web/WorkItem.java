package org.meridian.shared.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing waiting for the signed-in person (待办), contributed by a module through {@link WorkItems}: what kind of
 * work it is, what it is about, where it is done and since when it waits. The item is the module's current state,
 * not a stored message: once the work is done the module no longer lists it, so it leaves the inbox by itself.
 *
 * @param kind     stable id of the kind, e.g. {@code channel.downgrade}; the home page counts items per kind
 * @param kindKey  message key of the kind's name (e.g. 降级待审批)
 * @param textKey  message key of the item's text, filled with {@code args} (e.g. 渠道 {0}：{1} → {2})
 * @param args     the text's arguments, already shown as a person reads them (names, not codes)
 * @param href     where the work is done, a path inside Meridian
 * @param since    since when it waits (shown in the hospital's time zone), or null
 * @param sinceKey message key that says what {@code since} is, filled with the time: {@link #WAITING} (「… 起」,
 *                 "since …") unless the time is something else a person should read as such (a rectification
 *                 action waits since its plan was opened: 「整改计划开立于 …」)
 */
public record WorkItem(String kind, String kindKey, String textKey, List<Object> args, String href, Instant since,
                       String sinceKey) {

    /** The usual wording of {@code since}: the item waits since then. */
    public static final String WAITING = "home.inbox.since";

    public WorkItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindKey, "kindKey");
        Objects.requireNonNull(textKey, "textKey");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(sinceKey, "sinceKey");
        args = List.copyOf(args);
    }

    /** An item that waits since {@code since}. */
    public WorkItem(String kind, String kindKey, String textKey, List<Object> args, String href, Instant since) {
        this(kind, kindKey, textKey, args, href, since, WAITING);
    }

    /** The arguments as an array, for {@code #messages.msgWithParams}. */
    public Object[] argArray() {
        return args.toArray();
    }
}
