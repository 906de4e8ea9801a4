package org.meridian.insight.change;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who reads which explained changes: the hospital's analysts and above read the hospital's, with every channel's
 * contribution; a channel's own user reads only its channel's (never another channel's figures, nor the
 * hospital's); anyone else (the referral desk, a regulator) none.
 */
public final class ChangeVisibility {

    private ChangeVisibility() {
    }

    public static boolean seesHospital(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean sees(Actor actor) {
        return seesHospital(actor) || (actor.isChannelUser() && actor.channelId() != null);
    }

    static void requireSees(Actor actor) {
        RefusedException.unless(sees(actor), "insight", "changes", "insight.change.problem.refused",
                actor.username() + " may not read explained changes");
    }
}
