package org.meridian.exam;


import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;

/**
 * Who may do what with exam data, the one place that says it. A hospital's office (CHANNEL_MANAGER and up) sends its
 * records; its staff from ANALYST up read the figures and the list of repeats of its own institutions. The region's
 * catalogue (items and their import) and its alliances are kept by the region administrator (REGION_ADMIN), not by
 * any one hospital's ADMIN: an item or an alliance changes every hospital's figures. A REGULATOR (卫健委) reads the figures of every hospital of the region and nothing patient-level: never the
 * list of repeat records, and writes nothing. Meridian itself (a system actor) may do everything.
 */
public final class ExamVisibility {

    private ExamVisibility() {
    }

    /** Reads the whole region's figures (a regulator) rather than only its own hospital's. */
    public static boolean seesRegion(Actor actor) {
        return actor.isSystem() || actor.roles().contains(Role.REGULATOR);
    }

    /**
     * Whose figures of fewer distinct patients than {@code meridian.region.min-records} are suppressed: a regulator's
     * (a person reading the region), not Meridian's own sums for the region's pages, nor a hospital's staff reading
     * their own hospital.
     */
    public static boolean suppressesSmallNumbers(Actor actor) {
        return !actor.isSystem() && actor.roles().contains(Role.REGULATOR);
    }

    public static boolean seesFigures(Actor actor) {
        return seesRegion(actor) || actor.has(Role.ANALYST);
    }

    /** The record-level list of repeats: a hospital's own staff only, never a regulator. */
    public static boolean seesRecords(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    public static boolean sendsRecords(Actor actor) {
        return actor.isSystem() || actor.has(Role.CHANNEL_MANAGER);
    }

    /** Changes the region's exam catalogue and creates its alliances: the region administrator (or Meridian itself). */
    public static boolean keepsCatalogue(Actor actor) {
        return actor.isSystem() || actor.has(Role.REGION_ADMIN);
    }

    static void require(boolean allowed, Actor actor, String what) {
        RefusedException.unless(allowed, "exam", "refused", "exam.problem.refused",
                actor.username() + " may not " + what);
    }
}
