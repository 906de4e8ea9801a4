package org.meridian.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.meridian.insight.AlertsRaised;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears of a new alert (异常预警):
 * <ul>
 * <li>the channel office — every enabled account with the role CHANNEL_MANAGER, whose work the alerts are — of every
 *     alert, with the channel, the day or month, the measure, what was observed against what was expected and its
 *     band, and the rule that fired; the link opens the alert list filtered to that channel;</li>
 * <li>a channel's own users (enabled, bound to the alert's channel) of their own channel's alerts only, without the
 *     rule's technical name; the link opens their channel's forecast page (its monthly history), as the alert list is
 *     the office's. A user of another channel hears nothing.</li>
 * </ul>
 * One notification per recipient and alert. Observed values are counts, shown whole; the expected value and the band
 * with one decimal, as on the alert list.
 */
final class AlertAudience {

    private AlertAudience() {
    }

    static List<NewNotification> of(AlertsRaised raised, List<Account> accounts) {
        List<Account> office = accounts.stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.CHANNEL_MANAGER)).toList();
        List<NewNotification> out = new ArrayList<>();
        for (AlertsRaised.Raised r : raised.alerts()) {
            List<String> when = r.month()
                    ? List.of(String.valueOf(r.day().getYear()), String.valueOf(r.day().getMonthValue()))
                    : List.of(r.day().toString());
            String direction = Notification.MESSAGE_ARG + "notification.alert." + (r.above() ? "above" : "below");
            String suffix = r.month() ? "Month" : "Day";
            List<String> figures = List.of(Notification.MESSAGE_ARG + r.measureKey(), whole(r.observed()),
                    tenth(r.expected()), tenth(r.lower()), tenth(r.upper()), direction);

            List<String> args = new ArrayList<>();
            args.add(r.channelName());
            args.addAll(when);
            args.addAll(figures);
            args.add(Notification.MESSAGE_ARG + r.ruleKey());
            for (Account a : office) {
                out.add(new NewNotification(a.username(), NotificationKind.ALERT_RAISED, r.alertId(),
                        "notification.message.alert" + suffix, args, "/insight/alerts?channel=" + r.channelCode()));
            }

            List<String> own = new ArrayList<>(when);
            own.addAll(figures);
            for (Account a : accounts) {
                if (a.enabled() && a.roles().contains(Role.CHANNEL_USER) && a.channelId() != null
                        && a.channelId() == r.channelId()) {
                    out.add(new NewNotification(a.username(), NotificationKind.ALERT_RAISED, r.alertId(),
                            "notification.message.ownAlert" + suffix, own,
                            "/insight/forecasts/channels/" + r.channelCode()));
                }
            }
        }
        return out;
    }

    private static String whole(BigDecimal v) {
        return v.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private static String tenth(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
