package org.meridian.rectification;

import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;

/**
 * Who may see and who may work on which rectification plan (整改计划的可见范围), for the facade and the pages alike:
 * <ul>
 * <li>whoever sees every evaluation result (ANALYST and above) sees every plan of the hospital; a channel's own user
 *     only its channel's; any other is "not found";</li>
 * <li>the channel office (CHANNEL_MANAGER and above) opens plans, adds actions and moves them on; the office and the
 *     plan's channel itself mark actions done and append notes.</li>
 * </ul>
 */
public final class RectificationVisibility {

    private RectificationVisibility() {
    }

    public static boolean sees(Actor actor, Plan plan) {
        return EvaluationVisibility.seesChannel(actor, plan.channelId());
    }

    /** The channel the actor's lists are narrowed to: null for every channel, else its own (or none). */
    public static Long channelScope(Actor actor) {
        return EvaluationVisibility.channelScope(actor);
    }

    /** The channel office: CHANNEL_MANAGER, HOSPITAL_MANAGER or ADMIN. */
    public static boolean office(Actor actor) {
        return actor.has(Role.CHANNEL_MANAGER);
    }

    /** Whether the actor may work on a plan it sees (mark actions done, add notes): the office or a channel user. */
    public static boolean works(Actor actor) {
        return office(actor) || actor.roles().contains(Role.CHANNEL_USER);
    }
}
