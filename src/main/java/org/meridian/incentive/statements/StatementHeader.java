package org.meridian.incentive.statements;

import java.time.Instant;
import java.util.Set;

import org.meridian.shared.Actor;
import org.meridian.shared.problem.FourEyes;

/**
 * The head of a statement (结算单) of one channel for one period, with who did each step and when.
 * Steps go DRAFT → REVIEWED → APPROVED → PAID, with four eyes ({@link FourEyes}): neither the reviewer nor the
 * approver may be the preparer (the reviewer and the approver may be the same person, except on a statement the
 * {@link #SYSTEM} drafted from a published evaluation, where they must differ). Lines are added only
 * while DRAFT; after that a statement is never changed except by its next step. A mistake found after
 * approval is corrected by a new correcting statement ({@code corrects} names the original) that holds
 * adjustment lines and goes through the same four-eyes workflow.
 */
public record StatementHeader(long id, String channelCode, String period, int sequence, Long corrects,
                              StatementStatus status, String preparedBy, Instant preparedAt,
                              String reviewedBy, Instant reviewedAt, String approvedBy, Instant approvedAt,
                              String paidBy, Instant paidAt) {

    /**
     * The preparer of statements drafted from a published evaluation (no person prepared them): their four eyes
     * are the reviewer and the approver, who must then differ.
     */
    public static final String SYSTEM = "system";

    /**
     * Who may not take this statement's next step by the four-eyes rule: of a DRAFT (to review) its preparer; of a
     * REVIEWED one (to approve) its preparer and, when the {@link #SYSTEM} drafted it, its reviewer; of any other
     * statement nobody, as no step of review or approval is left.
     */
    public Set<String> mayNotTakeNextStep() {
        return switch (status) {
            case DRAFT -> Set.of(preparedBy);
            case REVIEWED -> SYSTEM.equals(preparedBy) && reviewedBy != null
                    ? new java.util.TreeSet<>(java.util.List.of(preparedBy, reviewedBy)) : Set.of(preparedBy);
            default -> Set.of();
        };
    }

    /** Refuses unless lines may still be added (the statement is a DRAFT). */
    public void requireDraft() {
        if (status != StatementStatus.DRAFT) {
            throw new WorkflowRefusal("not-draft", "statement " + id + " is " + status
                    + " and is never edited; correct it with a correcting statement");
        }
    }

    /** DRAFT → REVIEWED by someone who did not prepare it. */
    public StatementHeader review(Actor actor, Instant at) {
        expect(StatementStatus.DRAFT, "reviewed");
        if (!FourEyes.allows(preparedBy, actor)) {
            throw new WorkflowForbidden(WorkflowForbidden.FOUR_EYES, "the reviewer must not be the preparer (" + preparedBy
                    + "): four eyes");
        }
        return new StatementHeader(id, channelCode, period, sequence, corrects, StatementStatus.REVIEWED,
                preparedBy, preparedAt, actor.username(), at, null, null, null, null);
    }

    /** REVIEWED → APPROVED by a hospital manager who did not prepare it. */
    public StatementHeader approve(Actor actor, Instant at) {
        expect(StatementStatus.REVIEWED, "approved");
        if (!FourEyes.allows(preparedBy, actor)) {
            throw new WorkflowForbidden(WorkflowForbidden.FOUR_EYES, "the approver must not be the preparer (" + preparedBy
                    + "): four eyes");
        }
        if (SYSTEM.equals(preparedBy) && !FourEyes.allows(reviewedBy, actor)) {
            throw new WorkflowForbidden(WorkflowForbidden.FOUR_EYES, "statement " + id + " was drafted by the system from a published "
                    + "evaluation, so its approver must not be its reviewer (" + reviewedBy + "): four eyes");
        }
        return new StatementHeader(id, channelCode, period, sequence, corrects, StatementStatus.APPROVED,
                preparedBy, preparedAt, reviewedBy, reviewedAt, actor.username(), at, null, null);
    }

    /** APPROVED → PAID, recorded by who confirms the payment. */
    public StatementHeader pay(Actor actor, Instant at) {
        expect(StatementStatus.APPROVED, "paid");
        return new StatementHeader(id, channelCode, period, sequence, corrects, StatementStatus.PAID, preparedBy,
                preparedAt, reviewedBy, reviewedAt, approvedBy, approvedAt, actor.username(), at);
    }

    /** Refuses unless the statement is APPROVED or PAID: only those are corrected by a new statement. */
    public void requireCorrectable() {
        if (status != StatementStatus.APPROVED && status != StatementStatus.PAID) {
            throw new WorkflowRefusal("not-final", "statement " + id + " is " + status
                    + "; while it is not approved, add an adjustment (DRAFT) or finish the workflow");
        }
    }

    private void expect(StatementStatus required, String step) {
        if (status != required) {
            throw new WorkflowRefusal("wrong-state", "statement " + id + " is " + status + "; only a " + required
                    + " statement can be " + step);
        }
    }
}
