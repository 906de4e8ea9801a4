package org.meridian.intake.web;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** For the intake pages' templates ({@code @intakeAccess.has('CHANNEL_MANAGER')}): whether the signed-in user holds a role, the hierarchy applied. */
@Component("intakeAccess")
public class IntakeAccess {

    private final RoleHierarchy roleHierarchy;

    IntakeAccess(RoleHierarchy roleHierarchy) {
        this.roleHierarchy = roleHierarchy;
    }

    public boolean has(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && roleHierarchy.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }
}
