package org.meridian.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The main navigation for the signed-in user, used by the layout as {@code @navigation.entries()}: the items the
 * user may open, gathered into their {@link NavGroup}s. A group of which the user sees one item only shows that
 * item as a plain link, and a navigation of at most {@link #FLAT_UP_TO} items (a channel's own user sees five) is
 * shown flat, ungrouped.
 */
@Component("navigation")
public class Navigation {

    /** Up to this many visible items the navigation fits a desktop bar as it is and is not grouped. */
    public static final int FLAT_UP_TO = 5;

    private final ObjectProvider<NavItem> contributed;
    private final RoleHierarchy roleHierarchy;

    Navigation(ObjectProvider<NavItem> contributed, RoleHierarchy roleHierarchy) {
        this.contributed = contributed;
        this.roleHierarchy = roleHierarchy;
    }

    /** The items the signed-in user may see, flat, in order. */
    public List<NavItem> items() {
        Map<String, NavItem> byId = new LinkedHashMap<>();
        contributed.orderedStream().forEach(i -> byId.put(i.id(), i));
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        var authorities = auth == null ? List.<String>of()
                : roleHierarchy.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
                        .map(GrantedAuthority::getAuthority).toList();
        return byId.values().stream()
                .filter(i -> i.minimumRole() == null || authorities.contains(i.minimumRole().authority())
                        || i.alsoFor().stream().anyMatch(r -> authorities.contains(r.authority())))
                .sorted(Comparator.comparingInt(NavItem::order).thenComparing(NavItem::id))
                .toList();
    }

    /** The top-level entries for the signed-in user: groups and plain links, in order. */
    public List<NavEntry> entries() {
        return entries(items());
    }

    static List<NavEntry> entries(List<NavItem> visible) {
        if (visible.size() <= FLAT_UP_TO) {
            return visible.stream().map(NavEntry::link).toList();
        }
        Map<NavGroup, List<NavItem>> byGroup = new EnumMap<>(NavGroup.class);
        List<NavEntry> entries = new ArrayList<>();
        for (NavItem item : visible) {
            if (item.group() == null) {
                entries.add(NavEntry.link(item));
            } else {
                byGroup.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
            }
        }
        byGroup.forEach((group, items) -> entries.add(
                items.size() == 1 ? NavEntry.link(items.get(0)) : new NavEntry(group, items)));
        entries.sort(Comparator.comparingInt(NavEntry::order));
        return List.copyOf(entries);
    }
}
