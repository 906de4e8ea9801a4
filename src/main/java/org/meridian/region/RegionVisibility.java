package org.meridian.region;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who may do what with the region, the one place that says it. A region administrator (REGION_ADMIN) creates the
 * hospitals of its own region and manages the grants; a regulator (REGULATOR) and the region administrator read the
 * region's list of hospitals and the overview of their published figures. Everyone acts within the region of the
 * hospital their account belongs to: a hospital of another region is not found.
 */
public final class RegionVisibility {

    private RegionVisibility() {
    }

    public static boolean administers(Actor actor) {
        return actor.isSystem() || actor.has(Role.REGION_ADMIN);
    }

    public static boolean reads(Actor actor) {
        return administers(actor) || actor.has(Role.REGULATOR);
    }

    static void require(boolean allowed, Actor actor, String what) {
        RefusedException.unless(allowed, "region", "refused", "region.problem.refused",
                actor.username() + " may not " + what);
    }
}
