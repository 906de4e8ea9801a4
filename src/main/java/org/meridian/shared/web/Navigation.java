package org.meridian.shared.web;

import java.util.Comparator;
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

/** The main navigation for the signed-in user, used by the layout as {@code @navigation.items()}. */
@Component("navigation")
public class Navigation {

    /** Modules announced in the navigation before they exist. */
    private static final List<NavItem> PLANNED = List.of(
            new NavItem("channels", 20, "nav.channels", null, Role.ANALYST),
            new NavItem("intake", 30, "nav.intake", null, Role.ANALYST),
            new NavItem("indicators", 40, "nav.indicators", null, Role.ANALYST),
            new NavItem("evaluations", 50, "nav.evaluations", null, Role.ANALYST),
            new NavItem("incentives", 60, "nav.incentives", null, Role.ANALYST),
            new NavItem("insights", 70, "nav.insights", null, Role.ANALYST));

    private final ObjectProvider<NavItem> contributed;
    private final RoleHierarchy roleHierarchy;

    Navigation(ObjectProvider<NavItem> contributed, RoleHierarchy roleHierarchy) {
        this.contributed = contributed;
        this.roleHierarchy = roleHierarchy;
    }

    public List<NavItem> items() {
        Map<String, NavItem> byId = new LinkedHashMap<>();
        PLANNED.forEach(i -> byId.put(i.id(), i));
        contributed.orderedStream().forEach(i -> byId.put(i.id(), i));
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        var authorities = auth == null ? List.<String>of()
                : roleHierarchy.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
                        .map(GrantedAuthority::getAuthority).toList();
        return byId.values().stream()
                .filter(i -> i.minimumRole() == null || authorities.contains(i.minimumRole().authority())
                        || i.alsoFor().stream().anyMatch(r -> authorities.contains(r.authority())))
                .sorted(Comparator.comparingInt(NavItem::order))
                .toList();
    }
}
