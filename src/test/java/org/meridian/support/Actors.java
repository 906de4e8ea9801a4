package org.meridian.support;

import java.util.Set;

import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;

/** Actors for tests that call a facade directly, as a controller would after signing a person in. */
public final class Actors {

    private Actors() {
    }

    /** A channel manager of the hospital (may record and void events, edit the catalogue). */
    public static Actor manager(long hospitalId, String username) {
        return new Actor(hospitalId, username, Set.of(Role.CHANNEL_MANAGER), null);
    }
}
