package org.meridian.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * Actions of rectification plans became overdue (整改措施逾期): open actions of live plans whose due date passed,
 * each told once. Published by {@link RectificationWorkflow#tellOverdue} in the transaction that records them as told;
 * the plan's channel and the channel office are told.
 *
 * @param today the hospital's local date of the check
 */
public record RectificationActionsOverdue(long hospitalId, LocalDate today, List<Overdue> actions) {

    public RectificationActionsOverdue {
        actions = List.copyOf(actions);
    }

    /**
     * One overdue action.
     *
     * @param description what is to be done, as the office typed it (it stays inside Meridian)
     * @param daysLate    days between the due date and {@code today}, at least 1
     */
    public record Overdue(long actionId, long planId, long channelId, String channelName, String planTitle,
                          String description, LocalDate dueDate, long daysLate) {
    }
}
