package org.meridian.efficiency;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who may see and make efficiency runs, the one place that says it: the hospital's staff from ANALYST up see every
 * run (drafts included) and compare productivity; from CHANNEL_MANAGER up (who also run evaluations) start and
 * publish runs; Meridian itself (a system actor) does both. A channel's own user and a regulator do neither.
 */
public final class EfficiencyVisibility {

    private EfficiencyVisibility() {
    }

    public static boolean seesRuns(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean makesRuns(Actor actor) {
        return actor.isSystem() || actor.has(Role.CHANNEL_MANAGER);
    }

    static void requireSee(Actor actor) {
        RefusedException.unless(seesRuns(actor), "efficiency", "runs-hidden", "efficiency.problem.runsHidden",
                actor.username() + " may not see efficiency runs");
    }

    static void requireMake(Actor actor) {
        RefusedException.unless(makesRuns(actor), "efficiency", "run-refused", "efficiency.problem.runRefused",
                actor.username() + " may not start or publish efficiency runs");
    }
}
