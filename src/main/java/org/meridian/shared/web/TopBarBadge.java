package org.meridian.shared.web;

import java.util.Optional;

import org.meridian.shared.Actor;

/**
 * A module's small counter in the top bar, beside the user's name (e.g. the notifications' bell with the unread
 * count): implement it as a bean. The layout shows every badge of the signed-in user through {@link TopBar}.
 */
public interface TopBarBadge {

    /** The badge for this caller, or empty when it shows none to them. */
    Optional<Shown> shown(Actor actor);

    /**
     * @param id       the element's id, e.g. {@code topbar-notifications}
     * @param href     the page it opens, a path inside Meridian
     * @param labelKey the message key of its accessible label, given the count as argument {0}
     * @param count    the number shown (nothing is shown at 0)
     */
    record Shown(String id, String href, String labelKey, long count) {
    }
}
