package org.meridian.notification;

import java.util.ArrayList;
import java.util.List;

import org.meridian.referral.ReferralProgressed;
import org.meridian.referral.ReferralStatus;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears of a referral's step (转诊进度提醒):
 * <ul>
 * <li>submitted: the referral desk (转诊服务中心) — every enabled account with the role REFERRAL_DESK; a hospital
 *     without such an account has its channel office work the desk, so then every enabled CHANNEL_MANAGER. The
 *     link opens the referral on the desk.</li>
 * <li>accepted, scheduled, arrived, converted, declined: every enabled channel user bound to the referral's
 *     channel, with the appointment, the desk's message or the reason; the link opens the referral in the
 *     channel's list. A user of another channel hears nothing.</li>
 * </ul>
 * No notification names the patient: the channel knows its referral by its number, department and urgency.
 */
final class ReferralAudience {

    /** The argument shown for a referral that named no department. */
    static final String NO_DEPARTMENT = Notification.MESSAGE_ARG + "notification.referral.noDepartment";

    private ReferralAudience() {
    }

    static List<NewNotification> of(ReferralProgressed e, List<Account> accounts) {
        String department = e.department() == null ? NO_DEPARTMENT : e.department();
        String urgency = Notification.MESSAGE_ARG + "referral.urgency." + e.urgency().name();
        String id = String.valueOf(e.referralId());
        if (e.status() == ReferralStatus.SUBMITTED) {
            List<Account> desk = enabledWith(accounts, Role.REFERRAL_DESK);
            if (desk.isEmpty()) {
                desk = enabledWith(accounts, Role.CHANNEL_MANAGER);
            }
            return desk.stream().map(a -> new NewNotification(a.username(), NotificationKind.REFERRAL_SUBMITTED,
                    e.referralId(), "notification.message.referralSubmitted",
                    List.of(id, e.channelName(), department, urgency), "/referrals/desk/" + e.referralId())).toList();
        }
        NotificationKind kind = NotificationKind.valueOf("REFERRAL_" + e.status().name());
        String key = "notification.message.referral" + switch (e.status()) {
            case ACCEPTED -> "Accepted";
            case SCHEDULED -> "Scheduled";
            case ARRIVED -> "Arrived";
            case CONVERTED -> e.message() == null ? "Converted" : "ConvertedWithMessage";
            case DECLINED -> "Declined";
            case SUBMITTED -> throw new IllegalStateException();
        };
        List<String> args = new ArrayList<>(List.of(id, department, urgency));
        if (e.status() == ReferralStatus.SCHEDULED && e.appointment() != null) {
            args.addAll(List.of(e.appointment().date().toString(), e.appointment().department(),
                    e.appointment().doctor()));
        }
        if (e.message() != null) {
            args.add(e.message());
        }
        List<NewNotification> out = new ArrayList<>();
        for (Account a : accounts) {
            if (a.enabled() && a.roles().contains(Role.CHANNEL_USER) && a.channelId() != null
                    && a.channelId() == e.channelId()) {
                out.add(new NewNotification(a.username(), kind, e.referralId(), key, args,
                        "/referrals/" + e.referralId()));
            }
        }
        return out;
    }

    private static List<Account> enabledWith(List<Account> accounts, Role role) {
        return accounts.stream().filter(a -> a.enabled() && a.roles().contains(role)).toList();
    }
}
