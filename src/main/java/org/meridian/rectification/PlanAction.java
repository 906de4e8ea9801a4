package org.meridian.rectification;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One action of a rectification plan (整改措施): what is to be done, by whom, by when; OPEN until marked done.
 */
public record PlanAction(long id, long planId, String description, String owner, LocalDate dueDate, boolean done,
                         OffsetDateTime doneAt, String doneBy) {

    /** Not done and its due date lies before {@code today} (the hospital's local date). */
    public boolean overdueOn(LocalDate today) {
        return !done && dueDate.isBefore(today);
    }
}
