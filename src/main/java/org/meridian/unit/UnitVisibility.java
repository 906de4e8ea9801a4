package org.meridian.unit;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who may see and change the unit registry, the one place that says it: the hospital's staff from ANALYST up see
 * it, from CHANNEL_MANAGER up (the office that also keeps the channels) change it, and Meridian itself (a system
 * actor) does both; a channel's own user and a regulator do neither. The look-ups of other modules
 * ({@link UnitRegistry#findByCode}, {@link UnitRegistry#evaluable}) answer any unit of the actor's hospital.
 */
public final class UnitVisibility {

    private UnitVisibility() {
    }

    public static boolean seesRegistry(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean changesUnits(Actor actor) {
        return actor.isSystem() || actor.has(Role.CHANNEL_MANAGER);
    }

    static void requireRegistry(Actor actor) {
        RefusedException.unless(seesRegistry(actor), "unit", "registry-hidden", "unit.problem.registryHidden",
                actor.username() + " may not see the unit registry");
    }

    static void requireChange(Actor actor) {
        RefusedException.unless(changesUnits(actor), "unit", "change-refused", "unit.problem.changeRefused",
                actor.username() + " may not change the unit registry");
    }
}
