package org.meridian.channel;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who may see and change the channel registry (渠道台账), the one place that says it:
 * <ul>
 *   <li>the registry (list, search, detail, histories, tier changes waiting) is seen by the hospital's staff from
 *       ANALYST up, and by Meridian itself (a system actor); a channel's own user (渠道方) and a regulator never see
 *       it;</li>
 *   <li>channels are changed (registered, edited, moved in their lifecycle, tier changes requested, imported) from
 *       CHANNEL_MANAGER up;</li>
 *   <li>downgrades are decided and tier standards edited from HOSPITAL_MANAGER up (and never one's own request:
 *       {@link org.meridian.shared.problem.FourEyes}).</li>
 * </ul>
 * Controllers say the same with {@code @PreAuthorize}; pages ask this policy what to offer; the registry's queries
 * refuse an actor who may not see it. The look-ups other modules make ({@link ChannelRegistry#find},
 * {@link ChannelRegistry#findByCode}, {@link ChannelRegistry#evaluable}) answer any channel of the actor's hospital:
 * what the asking module shows of it to whom is that module's own visibility.
 */
public final class ChannelVisibility {

    private ChannelVisibility() {
    }

    public static boolean seesRegistry(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean changesChannels(Actor actor) {
        return actor.isSystem() || actor.has(Role.CHANNEL_MANAGER);
    }

    public static boolean decidesTiers(Actor actor) {
        return actor.has(Role.HOSPITAL_MANAGER);
    }

    /** Refuses (403, kind {@code registry-hidden}) an actor who may not see the registry. */
    static void requireRegistry(Actor actor) {
        RefusedException.unless(seesRegistry(actor), "channel", "registry-hidden", "channel.problem.registryHidden",
                actor.username() + " may not see the channel registry");
    }
}
