package org.meridian.shared.web;

import java.util.Objects;
import java.util.Set;

import org.meridian.shared.security.Role;

/**
 * An entry of the main navigation. Each module contributes its own as a bean, for a page that exists: the
 * navigation announces nothing that is not there (two beans with the same id: the later in order wins).
 * An item names the {@link NavGroup} it belongs to ({@link #inGroup(NavGroup)}); an item without a group is a
 * link of its own at the top level.
 *
 * @param id        stable id, also used to mark the active entry ({@code activeNav} model attribute)
 * @param order     position, ascending (within its group, or among the top-level entries when it has none)
 * @param labelKey  message key of the label
 * @param href      target, a path of the application
 * @param minimumRole role needed to see it (the role hierarchy applies), or null for everyone signed in
 * @param alsoFor   roles outside the hierarchy that see it too (e.g. {@link Role#CHANNEL_USER})
 * @param group     the group it is shown in, or null for a top-level link
 */
public record NavItem(String id, int order, String labelKey, String href, Role minimumRole, Set<Role> alsoFor,
                      NavGroup group) {

    public NavItem {
        Objects.requireNonNull(href, "href");
        alsoFor = alsoFor == null ? Set.of() : Set.copyOf(alsoFor);
    }

    public NavItem(String id, int order, String labelKey, String href, Role minimumRole, Set<Role> alsoFor) {
        this(id, order, labelKey, href, minimumRole, alsoFor, null);
    }

    public NavItem(String id, int order, String labelKey, String href, Role minimumRole) {
        this(id, order, labelKey, href, minimumRole, Set.of(), null);
    }

    /** The same item, shown in {@code group}. */
    public NavItem inGroup(NavGroup group) {
        return new NavItem(id, order, labelKey, href, minimumRole, alsoFor, group);
    }
}
