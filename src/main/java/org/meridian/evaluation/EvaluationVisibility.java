package org.meridian.evaluation;

import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.security.Role;

/**
 * Who may see which evaluation and scorecard (考核结果的可见范围), the one policy for the evaluation module and the
 * modules that show its results (feedback, appeals, rectification):
 * <ul>
 * <li>ANALYST and above — and the system acting for a hospital — see every evaluation of the hospital, drafts
 *     included, with every channel's scorecard;</li>
 * <li>anyone else (a channel's own user) sees published evaluations of channel types only, and in them only the
 *     scorecard of the channel it is bound to; what it may not see is "not found", as if it did not exist.
 *     Evaluations of departments and institutions are the hospital's own business.</li>
 * </ul>
 * Role checks on the kind of caller (who may run or publish) stay with the controllers.
 */
public final class EvaluationVisibility {

    /** The channel id that matches no channel: the scope of an actor bound to none. */
    private static final long NO_CHANNEL = -1L;

    private EvaluationVisibility() {
    }

    /** Whether the actor sees every evaluation of the hospital, drafts included, and every channel's results. */
    public static boolean seesAll(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    /**
     * Whether the actor may see this evaluation: every one for {@link #seesAll}, else published evaluations of
     * channel types only.
     */
    public static boolean sees(Actor actor, Evaluation evaluation) {
        return seesAll(actor) || evaluation.published() && evaluation.unitType().kind() == UnitKind.CHANNEL;
    }

    /** Whether the actor may see the results of this channel: every channel for {@link #seesAll}, else its own. */
    public static boolean seesChannel(Actor actor, long channelId) {
        return seesAll(actor) || Long.valueOf(channelId).equals(actor.channelId());
    }

    /**
     * The channel a query is narrowed to for this actor: null (every channel) for {@link #seesAll}, else the actor's
     * own channel, or an id matching none when it is bound to no channel.
     */
    public static Long channelScope(Actor actor) {
        if (seesAll(actor)) {
            return null;
        }
        return actor.channelId() == null ? NO_CHANNEL : actor.channelId();
    }
}
