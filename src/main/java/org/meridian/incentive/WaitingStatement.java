package org.meridian.incentive;

import java.math.BigDecimal;
import java.time.Instant;

import org.meridian.incentive.statements.StatementHeader;
import org.meridian.incentive.statements.StatementStatus;

/**
 * A statement waiting for a person's step (待复核 or 待审批), as the to-do inbox lists it.
 *
 * @param channelName the channel's name (its code when the register has none)
 * @param total       the sum of its lines
 */
public record WaitingStatement(StatementHeader header, String channelName, BigDecimal total) {

    /** Since when it waits: since it was prepared (to review) or reviewed (to approve). */
    public Instant since() {
        return header.status() == StatementStatus.REVIEWED ? header.reviewedAt() : header.preparedAt();
    }

    public boolean toApprove() {
        return header.status() == StatementStatus.REVIEWED;
    }
}
