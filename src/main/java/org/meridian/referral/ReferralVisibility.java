package org.meridian.referral;

import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;

/**
 * Who may see and work which referral (转诊的可见范围), for the facade and the pages alike.
 * <ul>
 * <li>The referral desk (转诊服务中心): the role {@link Role#REFERRAL_DESK}, and the channel office (CHANNEL_MANAGER
 *     and above), which oversees the desk and may step in. It sees every referral of the hospital, with the
 *     patient's contact while it is kept, and takes the desk's steps.</li>
 * <li>A channel's own user, bound to its channel, refers patients for that channel and sees only its referrals.</li>
 * <li>Anyone else (an analyst, a regulator) sees no referral: evaluations read only the events.</li>
 * </ul>
 */
public final class ReferralVisibility {

    private ReferralVisibility() {
    }

    /** Whether the actor works the referral desk. */
    public static boolean desk(Actor actor) {
        return actor.has(Role.REFERRAL_DESK) || actor.has(Role.CHANNEL_MANAGER);
    }

    /** Whether the actor refers patients for a channel: a channel's own user bound to a channel. */
    public static boolean refers(Actor actor) {
        return actor.roles().contains(Role.CHANNEL_USER) && actor.channelId() != null && !desk(actor);
    }

    /** Whether the actor may see the referral. */
    public static boolean sees(Actor actor, Referral referral) {
        return desk(actor) || refers(actor) && actor.channelId() == referral.channelId();
    }

    /** Whether the actor may see any referral list at all. */
    public static boolean seesAny(Actor actor) {
        return desk(actor) || refers(actor);
    }

    /** The channel the actor's lists are narrowed to: null for the desk (every channel), else its own. */
    static Long channelScope(Actor actor) {
        return desk(actor) ? null : actor.channelId();
    }
}
