package org.meridian.shared.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, from Spring Security's context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<MeridianUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof MeridianUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; fails when the request is anonymous (a programming error behind security). */
    public static MeridianUser require() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in Meridian user"));
    }

    /** The signed-in user as the acting user of facade commands. */
    public static org.meridian.shared.Actor actor() {
        return require().actor();
    }

    /** The hospital every query of this request is scoped to. */
    public static long hospitalId() {
        return require().hospitalId();
    }
}
