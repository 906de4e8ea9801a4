package org.meridian.shared.web;

import java.util.Set;

import org.meridian.shared.security.Role;

/**
 * An entry of the main navigation. Each module contributes its own as a bean; {@code shared}
 * contributes placeholders for modules still to come, which a real entry with the same id replaces.
 *
 * @param id        stable id, also used to mark the active entry ({@code activeNav} model attribute)
 * @param order     position, ascending
 * @param labelKey  message key of the label
 * @param href      target, or null for a module still to come (shown greyed out)
 * @param minimumRole role needed to see it (the role hierarchy applies), or null for everyone signed in
 * @param alsoFor   roles outside the hierarchy that see it too (e.g. {@link Role#CHANNEL_USER})
 */
public record NavItem(String id, int order, String labelKey, String href, Role minimumRole, Set<Role> alsoFor) {

    public NavItem {
        alsoFor = alsoFor == null ? Set.of() : Set.copyOf(alsoFor);
    }

    public NavItem(String id, int order, String labelKey, String href, Role minimumRole) {
        this(id, order, labelKey, href, minimumRole, Set.of());
    }

    public boolean available() {
        return href != null;
    }
}
