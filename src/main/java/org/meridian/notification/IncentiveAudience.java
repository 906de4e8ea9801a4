package org.meridian.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.meridian.incentive.IncentiveRuleFlagged;
import org.meridian.incentive.StatementMoved;
import org.meridian.incentive.TerminationDecided;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears of the incentive workflow (结算与合规):
 * <ul>
 * <li>a statement prepared by a person (by hand, or a correction): the channel office — every enabled account holding
 *     CHANNEL_MANAGER directly — but the preparer, that it waits for review;</li>
 * <li>a statement reviewed: every enabled hospital manager and administrator but those the four-eyes rule keeps
 *     from approving it (its preparer; for a statement the system drafted, also its reviewer), that it waits for
 *     approval;</li>
 * <li>a statement approved: every enabled user of its channel, linking to the channel's own statement;</li>
 * <li>a rule held back by the compliance guard: every enabled hospital manager and administrator but whoever saved
 *     it, that it waits for the sign-off;</li>
 * <li>a termination recommendation decided: the channel office, what was decided (the decision's note stays
 *     inside).</li>
 * </ul>
 * Nobody else hears of them: not analysts, not the referral desk, not another channel's users.
 */
final class IncentiveAudience {

    /** Those who approve statements, sign off rules and decide downgrades, held directly. */
    static final Set<Role> DECIDERS = EnumSet.of(Role.HOSPITAL_MANAGER, Role.ADMIN);

    /** The channel office, held directly: reviews statements. */
    static final Set<Role> OFFICE = EnumSet.of(Role.CHANNEL_MANAGER);

    private IncentiveAudience() {
    }

    static List<NewNotification> of(StatementMoved e, List<Account> accounts) {
        String statement = "/incentives/statements/" + e.statementId();
        List<String> args = List.of(e.channelName(), e.period());
        return switch (e.stage()) {
            case PREPARED -> Recipients.holding(accounts, OFFICE, e.mayNotAct()).stream()
                    .map(a -> new NewNotification(a.username(), NotificationKind.STATEMENT_TO_REVIEW, e.statementId(),
                            "notification.message.statementToReview", args, statement)).toList();
            case REVIEWED -> Recipients.holding(accounts, DECIDERS, e.mayNotAct()).stream()
                    .map(a -> new NewNotification(a.username(), NotificationKind.STATEMENT_TO_APPROVE, e.statementId(),
                            "notification.message.statementToApprove", args, statement)).toList();
            case APPROVED -> Recipients.ownUsers(accounts, e.channelId()).stream()
                    .map(a -> new NewNotification(a.username(), NotificationKind.STATEMENT_APPROVED, e.statementId(),
                            "notification.message.statementApproved", List.of(e.period()),
                            "/incentives/own/" + e.statementId())).toList();
        };
    }

    static List<NewNotification> of(IncentiveRuleFlagged e, List<Account> accounts) {
        return Recipients.holding(accounts, DECIDERS, Set.of(e.createdBy())).stream()
                .map(a -> new NewNotification(a.username(), NotificationKind.COMPLIANCE_SIGN_OFF, e.ruleId(),
                        "notification.message.complianceSignOff",
                        List.of(e.name(), e.code(), String.valueOf(e.version())), "/incentives#rule-" + e.ruleId()))
                .toList();
    }

    static List<NewNotification> of(TerminationDecided e, List<Account> accounts) {
        String key = e.terminated() ? "notification.message.terminationApproved"
                : "notification.message.terminationDeclined";
        return Recipients.holding(accounts, OFFICE, Set.of(e.decidedBy())).stream()
                .map(a -> new NewNotification(a.username(), NotificationKind.TERMINATION_DECIDED, e.sanctionId(), key,
                        List.of(e.channelName(), e.period()), "/incentives/sanctions?channel=" + e.channelCode()))
                .toList();
    }
}
