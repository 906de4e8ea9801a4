package org.meridian.rectification.web;

import java.util.List;

import org.meridian.rectification.OverdueAction;
import org.meridian.rectification.RectificationVisibility;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.stereotype.Component;

/**
 * Rectification actions in the to-do inbox (待办, 整改措施待完成), each opening its plan, where it is marked done; it
 * leaves once done (or its plan is done or cancelled):
 * <ul>
 * <li>for a channel's own user, who does the work: every open action of its channel's live plans due within
 *     {@value #DUE_WITHIN} days (today included) or overdue;</li>
 * <li>for the channel office (CHANNEL_MANAGER and above), who tracks the plans: every overdue action of every
 *     channel, to follow up.</li>
 * </ul>
 * The item waits since its plan was opened, and says so (「整改计划开立于 2026-12-01 10:00」, not a bare 「… 起」);
 * its text says when it is due or how many days it is late.
 */
@Component
class RectificationWork implements WorkItems {

    static final String KIND = "rectification.action";
    /** A channel user sees an action this many days before it is due. */
    static final int DUE_WITHIN = 7;
    static final int LIMIT = 100;

    private final RectificationWorkflow rectification;

    RectificationWork(RectificationWorkflow rectification) {
        this.rectification = rectification;
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (RectificationVisibility.office(actor)) {
            return rectification.overdue(actor, LIMIT).stream().map(this::item).toList();
        }
        if (actor.isChannelUser() && actor.channelId() != null) {
            return rectification.due(actor, DUE_WITHIN, LIMIT).stream().map(this::item).toList();
        }
        return List.of();
    }

    private WorkItem item(OverdueAction o) {
        long late = o.daysLate();
        String text = late > 0 ? "rectification.work.overdueText"
                : late == 0 ? "rectification.work.dueTodayText" : "rectification.work.dueText";
        return new WorkItem(KIND, "rectification.work.action", text, List.of(o.plan().channelName(),
                o.action().description(), o.plan().title(), o.action().dueDate().toString(),
                String.valueOf(Math.abs(late))), "/rectification/" + o.plan().id(), o.plan().openedAt().toInstant(),
                "rectification.work.planOpened");
    }
}
