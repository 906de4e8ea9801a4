package org.meridian.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.meridian.evaluation.EvaluationPublished;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears of a published evaluation: every enabled account of the hospital's channel office (ANALYST and above,
 * who read every evaluation) that it was published, with a link to the evaluation; and every enabled channel user
 * of an evaluated channel that its feedback report is ready, with a link to its reports. A channel user of a
 * channel that was not evaluated hears nothing; nobody hears of another channel.
 */
final class PublicationAudience {

    /** The roles of the office, held directly: each of them hears of every publication. */
    static final Set<Role> OFFICE = EnumSet.of(Role.ANALYST, Role.CHANNEL_MANAGER, Role.HOSPITAL_MANAGER,
            Role.ADMIN);

    private PublicationAudience() {
    }

    static List<NewNotification> of(EvaluationPublished e, List<Account> accounts, Set<Long> evaluatedChannels) {
        String unitType = Notification.MESSAGE_ARG + "unitType." + e.unitType().name();
        List<NewNotification> out = new ArrayList<>();
        for (Account a : accounts) {
            if (!a.enabled()) {
                continue;
            }
            if (a.roles().stream().anyMatch(OFFICE::contains)) {
                out.add(new NewNotification(a.username(), NotificationKind.EVALUATION_PUBLISHED, e.evaluationId(),
                        "notification.message.evaluationPublished",
                        List.of(e.period().toString(), unitType, String.valueOf(e.version())),
                        "/evaluations/" + e.evaluationId()));
            } else if (a.roles().contains(Role.CHANNEL_USER) && a.channelId() != null
                    && evaluatedChannels.contains(a.channelId())) {
                out.add(new NewNotification(a.username(), NotificationKind.REPORT_READY, e.evaluationId(),
                        "notification.message.reportReady", List.of(e.period().toString(), unitType),
                        "/feedback"));
            }
        }
        return out;
    }
}
