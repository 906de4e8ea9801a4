package org.meridian.allocation;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who may see, draft and approve allocation plans, the one place that says it: the hospital's staff from ANALYST up
 * see every plan; from CHANNEL_MANAGER up (the office that runs evaluations) draft them; from HOSPITAL_MANAGER up
 * (院领导, who approves statements) approve them, never their own ({@code FourEyes}); Meridian itself (a system
 * actor) drafts and approves its demo. A channel's own user and a regulator do none of it.
 */
public final class AllocationVisibility {

    private AllocationVisibility() {
    }

    public static boolean seesPlans(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean draftsPlans(Actor actor) {
        return actor.isSystem() || actor.has(Role.CHANNEL_MANAGER);
    }

    public static boolean approvesPlans(Actor actor) {
        return actor.isSystem() || actor.has(Role.HOSPITAL_MANAGER);
    }

    static void requireSee(Actor actor) {
        RefusedException.unless(seesPlans(actor), "allocation", "plans-hidden", "allocation.problem.plansHidden",
                actor.username() + " may not see allocation plans");
    }

    static void requireDraft(Actor actor) {
        RefusedException.unless(draftsPlans(actor), "allocation", "draft-refused", "allocation.problem.draftRefused",
                actor.username() + " may not draft allocation plans");
    }

    static void requireApprove(Actor actor) {
        RefusedException.unless(approvesPlans(actor), "allocation", "approval-refused",
                "allocation.problem.approvalRefused", actor.username() + " may not approve allocation plans");
    }
}
