package org.meridian.appeal;

import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;

/**
 * Who may see and who may handle which appeal (申诉的可见范围): the one policy of the appeal module, for its facade
 * and its pages alike.
 * <ul>
 * <li>Whoever sees every evaluation result ({@link EvaluationVisibility#seesAll}: ANALYST and above) sees every
 *     appeal of the hospital; a channel's own user only its channel's; any other is "not found".</li>
 * <li>The channel office (CHANNEL_MANAGER and above) files for any channel, reviews and decides; a channel user
 *     files for its own channel and adds files to its appeals.</li>
 * </ul>
 */
public final class AppealVisibility {

    private AppealVisibility() {
    }

    /** Whether the actor may see the appeal. */
    public static boolean sees(Actor actor, Appeal appeal) {
        return EvaluationVisibility.seesChannel(actor, appeal.channelId());
    }

    /** The channel the actor's lists are narrowed to: null for every channel, else its own (or none). */
    public static Long channelScope(Actor actor) {
        return EvaluationVisibility.channelScope(actor);
    }

    /** Whether the actor works in the channel office (CHANNEL_MANAGER, HOSPITAL_MANAGER or ADMIN). */
    public static boolean office(Actor actor) {
        return actor.has(Role.CHANNEL_MANAGER);
    }

    /** Whether the actor may file an appeal and add files: the office, or a channel's own user. */
    public static boolean files(Actor actor) {
        return office(actor) || actor.roles().contains(Role.CHANNEL_USER);
    }
}
