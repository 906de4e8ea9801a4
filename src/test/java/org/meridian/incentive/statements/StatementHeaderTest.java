package org.meridian.incentive.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;

class StatementHeaderTest {

    /** Someone of the channel office or a hospital manager, by username. */
    static Actor a(String username) {
        return new Actor(1, username, Set.of(Role.HOSPITAL_MANAGER), null);
    }


    static final Instant T = Instant.parse("2026-10-08T02:00:00Z");

    static StatementHeader draft() {
        return new StatementHeader(7, "EXAM-01", "2026-Q3", 1, null, StatementStatus.DRAFT, "office", T, null, null,
                null, null, null, null);
    }

    @Test
    void fourEyesWorkflowFromDraftToPaid() {
        StatementHeader paid = draft().review(a("reviewer"), T).approve(a("manager"), T).pay(a("manager"), T);
        assertThat(paid.status()).isEqualTo(StatementStatus.PAID);
        assertThat(paid.preparedBy()).isEqualTo("office");
        assertThat(paid.reviewedBy()).isEqualTo("reviewer");
        assertThat(paid.approvedBy()).isEqualTo("manager");
        assertThat(paid.paidBy()).isEqualTo("manager");
    }

    @Test
    void thePreparerCanNeitherReviewNorApprove() {
        assertThatThrownBy(() -> draft().review(a("office"), T)).isInstanceOf(WorkflowForbidden.class)
                .hasMessageContaining("reviewer must not be the preparer");
        StatementHeader reviewed = draft().review(a("reviewer"), T);
        assertThatThrownBy(() -> reviewed.approve(a("office"), T)).isInstanceOf(WorkflowForbidden.class)
                .hasMessageContaining("approver must not be the preparer");
        assertThat(reviewed.status()).isEqualTo(StatementStatus.REVIEWED);
    }

    @Test
    void stepsCannotBeSkippedOrRepeated() {
        assertThatThrownBy(() -> draft().approve(a("manager"), T)).hasMessageContaining("only a REVIEWED statement");
        assertThatThrownBy(() -> draft().pay(a("manager"), T)).hasMessageContaining("only a APPROVED statement");
        StatementHeader paid = draft().review(a("r"), T).approve(a("m"), T).pay(a("m"), T);
        assertThatThrownBy(() -> paid.pay(a("m"), T)).isInstanceOf(WorkflowRefusal.class);
    }

    @Test
    void onlyADraftTakesLinesAndOnlyAFinalStatementIsCorrected() {
        StatementHeader paid = draft().review(a("r"), T).approve(a("m"), T).pay(a("m"), T);
        assertThatThrownBy(paid::requireDraft).isInstanceOf(WorkflowRefusal.class)
                .hasMessageContaining("PAID and is never edited");
        assertThatThrownBy(() -> draft().requireCorrectable()).isInstanceOf(WorkflowRefusal.class);
        paid.requireCorrectable();
        draft().requireDraft();
    }
}
