package org.meridian.feedback;

import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;

/**
 * Who may see which feedback report (反馈报告的可见范围), for the facade and the pages alike: the office (ANALYST and
 * above) reads every report of its hospital; a channel's own user only its channel's reports, and only it views
 * (已查看) and acknowledges (已确认) them; everyone else sees none. A report one may not see is "not found".
 */
public final class FeedbackVisibility {

    private FeedbackVisibility() {
    }

    /** Whether the actor reads every report of the hospital (ANALYST and above, or the system). */
    public static boolean office(Actor actor) {
        return actor.isSystem() || actor.has(Role.ANALYST);
    }

    /** Whether the actor is a channel's own user, who sees that channel's reports only. */
    public static boolean channelUser(Actor actor) {
        return !office(actor) && actor.roles().contains(Role.CHANNEL_USER) && actor.channelId() != null;
    }

    public static boolean sees(Actor actor, FeedbackReport report) {
        return office(actor) || (channelUser(actor) && channelReport(report)
                && actor.channelId() == report.channelId());
    }

    /** Whether the report is a channel's (a department's or institution's report names a unit, not a channel). */
    static boolean channelReport(FeedbackReport report) {
        return org.meridian.shared.UnitType.valueOf(report.content().unitType()).kind()
                == org.meridian.shared.UnitKind.CHANNEL;
    }
}
