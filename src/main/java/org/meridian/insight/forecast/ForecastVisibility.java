package org.meridian.insight.forecast;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who sees and recomputes forecasts: the hospital's analysts and above (so the channel office and the leadership)
 * see every channel's and the hospital's; a channel's own user sees only its own channel's (another channel's
 * answers as if it did not exist); the channel office (CHANNEL_MANAGER and above) recomputes on request. The
 * computation when a month closes acts as the system.
 */
public final class ForecastVisibility {

    private ForecastVisibility() {
    }

    public static boolean sees(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean seesChannel(Actor actor, long channelId) {
        return sees(actor) || (actor.isChannelUser() && actor.channelId() != null && actor.channelId() == channelId);
    }

    public static boolean recomputes(Actor actor) {
        return actor.isSystem() || actor.has(Role.CHANNEL_MANAGER);
    }

    static void requireSees(Actor actor) {
        RefusedException.unless(sees(actor), "insight", "forecasts", "insight.forecast.problem.refused",
                actor.username() + " may not read the hospital's forecasts");
    }

    static void requireRecomputes(Actor actor) {
        RefusedException.unless(recomputes(actor), "insight", "forecasts", "insight.forecast.problem.refused",
                actor.username() + " may not recompute forecasts");
    }
}
