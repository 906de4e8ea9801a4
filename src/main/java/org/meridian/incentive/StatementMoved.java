package org.meridian.incentive;

import java.time.Instant;
import java.util.Set;

/**
 * A statement (结算单) took a step of its four-eyes workflow that concerns someone else: a person prepared it (by hand,
 * or a correcting statement) and it waits for review; it was reviewed and waits for approval; it was approved and
 * its channel may read it. Published by {@link StatementWorkflow} in the step's transaction. Statements drafted by
 * the system from a published evaluation are not told one by one (the publication is, and they wait in the to-do
 * inbox).
 *
 * @param stage      the step just taken
 * @param mayNotAct  who may not take the next step by the four-eyes rule: the preparer, and for a statement the system
 *                   drafted also its reviewer
 */
public record StatementMoved(long hospitalId, long statementId, long channelId, String channelCode,
                             String channelName, String period, int sequence, Stage stage, Set<String> mayNotAct,
                             Instant at) {

    public StatementMoved {
        mayNotAct = Set.copyOf(mayNotAct);
    }

    /** The step a statement just took. */
    public enum Stage {
        /** 已编制: waits for review by the channel office. */
        PREPARED,
        /** 已复核: waits for approval by a hospital manager. */
        REVIEWED,
        /** 已批准: its channel may read it. */
        APPROVED
    }
}
