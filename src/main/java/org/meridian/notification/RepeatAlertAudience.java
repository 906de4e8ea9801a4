package org.meridian.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.meridian.region.RepeatAlert;
import org.meridian.region.RepeatRateAlertsRaised;
import org.meridian.shared.Figures;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears of a repeat-rate alert (重复检查预警), one notification per recipient and alert:
 * <ul>
 * <li>every enabled account holding REGULATOR in a hospital of the region, of every alert; the link opens the
 * region's alert list at the alert's month;</li>
 * <li>for an alert of an alliance, or of an institution that is a member of one, the channel office of the hospital
 * of the alliance's lead (enabled accounts holding CHANNEL_MANAGER directly) — or, when that hospital has none, its
 * enabled administrators (ADMIN); the link opens the alliance's report for that month, which the lead's staff may
 * read. An item's alert (region-wide) goes to the regulators only.</li>
 * </ul>
 * The text names the subject, the month, the rate in per cent rounded once from the counts, the counts and the
 * threshold.
 */
final class RepeatAlertAudience {

    /** The roles, held directly, this audience reaches. */
    static final Set<Role> ROLES = EnumSet.of(Role.REGULATOR, Role.CHANNEL_MANAGER, Role.ADMIN);

    private RepeatAlertAudience() {
    }

    /** The regulators' notifications of the alerts, for the regulators of one hospital. */
    static List<NewNotification> regulators(RepeatRateAlertsRaised raised, List<String> usernames) {
        List<NewNotification> out = new ArrayList<>();
        for (RepeatRateAlertsRaised.Raised r : raised.alerts()) {
            RepeatAlert a = r.alert();
            for (String u : usernames) {
                out.add(new NewNotification(u, NotificationKind.REPEAT_RATE_ALERT, a.id(),
                        "notification.message.repeatAlert", args(a), "/region/repeat-alerts?month=" + a.month()));
            }
        }
        return out;
    }

    /** The lead hospital's notifications of the alerts that concern one of its alliances. */
    static List<NewNotification> lead(RepeatRateAlertsRaised raised, long hospitalId, List<Account> accounts) {
        List<Account> office = accounts.stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.CHANNEL_MANAGER)).toList();
        List<Account> to = !office.isEmpty() ? office
                : accounts.stream().filter(a -> a.enabled() && a.roles().contains(Role.ADMIN)).toList();
        List<NewNotification> out = new ArrayList<>();
        for (RepeatRateAlertsRaised.Raised r : raised.alerts()) {
            RepeatAlert a = r.alert();
            r.leads().stream().filter(l -> l.hospitalId() == hospitalId).findFirst().ifPresent(l -> {
                for (Account acc : to) {
                    out.add(new NewNotification(acc.username(), NotificationKind.REPEAT_RATE_ALERT, a.id(),
                            "notification.message.repeatAlert", args(a),
                            "/region/alliances/" + l.alliance() + "?period=" + a.month()));
                }
            });
        }
        return out;
    }

    private static List<String> args(RepeatAlert a) {
        return List.of(a.subjectName(), Notification.MESSAGE_ARG + "notification.repeatAlert." + a.kind().name(),
                String.valueOf(a.month().getYear()), String.valueOf(a.month().getMonthValue()),
                Figures.percent(a.rate()), String.valueOf(a.records()), String.valueOf(a.repeats()),
                a.threshold().toPlainString());
    }
}
