package org.meridian.insight.alert;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who may do what with alerts and the holiday calendar: the hospital's analysts and above read every alert; the
 * channel office (CHANNEL_MANAGER and above, so also ADMIN) acknowledges and closes them, runs a scan on demand and
 * keeps the holiday calendar. A channel's own user sees none (alerts are the office's work). The scheduled scan
 * acts as the system.
 */
public final class AlertVisibility {

    private AlertVisibility() {
    }

    public static boolean sees(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean handles(Actor actor) {
        return actor.isSystem() || actor.has(Role.CHANNEL_MANAGER);
    }

    static void requireSees(Actor actor) {
        RefusedException.unless(sees(actor), "insight", "alerts", "insight.alert.problem.refused",
                actor.username() + " may not read alerts");
    }

    static void requireHandles(Actor actor) {
        RefusedException.unless(handles(actor), "insight", "alerts", "insight.alert.problem.refused",
                actor.username() + " may not handle alerts or the holiday calendar");
    }
}
