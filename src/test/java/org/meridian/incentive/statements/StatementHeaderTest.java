package org.meridian.incentive.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class StatementHeaderTest {

    static final Instant T = Instant.parse("2026-10-08T02:00:00Z");

    static StatementHeader draft() {
        return new StatementHeader(7, "EXAM-01", "2026-Q3", 1, null, StatementStatus.DRAFT, "office", T, null, null,
                null, null, null, null);
    }

    @Test
    void fourEyesWorkflowFromDraftToPaid() {
        StatementHeader paid = draft().review("reviewer", T).approve("manager", T).pay("manager", T);
        assertThat(paid.status()).isEqualTo(StatementStatus.PAID);
        assertThat(paid.preparedBy()).isEqualTo("office");
        assertThat(paid.reviewedBy()).isEqualTo("reviewer");
        assertThat(paid.approvedBy()).isEqualTo("manager");
        assertThat(paid.paidBy()).isEqualTo("manager");
    }

    @Test
    void thePreparerCanNeitherReviewNorApprove() {
        assertThatThrownBy(() -> draft().review("office", T)).isInstanceOf(WorkflowRefusal.class)
                .hasMessageContaining("reviewer must not be the preparer");
        StatementHeader reviewed = draft().review("reviewer", T);
        assertThatThrownBy(() -> reviewed.approve("office", T)).isInstanceOf(WorkflowRefusal.class)
                .hasMessageContaining("approver must not be the preparer");
        assertThat(reviewed.status()).isEqualTo(StatementStatus.REVIEWED);
    }

    @Test
    void stepsCannotBeSkippedOrRepeated() {
        assertThatThrownBy(() -> draft().approve("manager", T)).hasMessageContaining("only a REVIEWED statement");
        assertThatThrownBy(() -> draft().pay("manager", T)).hasMessageContaining("only a APPROVED statement");
        StatementHeader paid = draft().review("r", T).approve("m", T).pay("m", T);
        assertThatThrownBy(() -> paid.pay("m", T)).isInstanceOf(WorkflowRefusal.class);
    }

    @Test
    void onlyADraftTakesLinesAndOnlyAFinalStatementIsCorrected() {
        StatementHeader paid = draft().review("r", T).approve("m", T).pay("m", T);
        assertThatThrownBy(paid::requireDraft).isInstanceOf(WorkflowRefusal.class)
                .hasMessageContaining("PAID and is never edited");
        assertThatThrownBy(() -> draft().requireCorrectable()).isInstanceOf(WorkflowRefusal.class);
        paid.requireCorrectable();
        draft().requireDraft();
    }
}
