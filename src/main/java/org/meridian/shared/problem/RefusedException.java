package org.meridian.shared.problem;

import java.util.List;

/**
 * The caller may not do this (HTTP 403): a role that does not allow it, another channel's object, or the second pair
 * of eyes being the first ({@link FourEyes}).
 */
public non-sealed class RefusedException extends MeridianException {

    public RefusedException(String module, String kind, String messageKey, List<Object> args, String logMessage) {
        super(module, kind, messageKey, args, logMessage);
    }

    /**
     * Refuses unless {@code allowed}: the one way a visibility policy or a facade says no to an actor
     * ({@code RefusedException.unless(seesRuns(actor), "efficiency", "runs-hidden", "efficiency.problem.runsHidden",
     * actor.username() + " may not see efficiency runs")}).
     *
     * @throws RefusedException when not allowed, with the kind, the message key (no arguments) and the log message
     */
    public static void unless(boolean allowed, String module, String kind, String messageKey, String logMessage) {
        if (!allowed) {
            throw new RefusedException(module, kind, messageKey, List.of(), logMessage);
        }
    }
}
