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
 * <p>So told are the alerts about the recent past ({@link AlertsRaised.Raised#recent()}: the last two weeks before the
 * scan, the last complete month). The older alerts a scan finds (a scan on demand over many past days) are not told
 * one by one: the channel office gets one summary of the scan — how many, which days were scanned, from which day on
 * alerts are told singly — linking to the alert list; a channel's own users hear nothing of them. The summary's source
 * is the first of those alerts (the smallest id), an alert no notification is about otherwise, so a scan's summary is
 * one per recipient however often the event is delivered.
 */
final class AlertAudience {

    private AlertAudience() {
    }

    static List<NewNotification> of(AlertsRaised raised, List<Account> accounts) {
        List<Account> office = accounts.stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.CHANNEL_MANAGER)).toList();
        List<NewNotification> out = new ArrayList<>();
        List<AlertsRaised.Raised> earlier = new ArrayList<>();
        for (AlertsRaised.Raised r : raised.alerts()) {
            if (!r.recent() && raised.recentFrom() != null) {
                earlier.add(r);
                continue;
            }
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
        if (!earlier.isEmpty()) {
            long source = earlier.stream().mapToLong(AlertsRaised.Raised::alertId).min().orElseThrow();
            List<String> args = List.of(String.valueOf(earlier.size()), raised.from().toString(),
                    raised.to().toString(), raised.recentFrom().toString());
            for (Account a : office) {
                out.add(new NewNotification(a.username(), NotificationKind.ALERT_RAISED, source,
                        "notification.message.alertsEarlier", args, "/insight/alerts"));
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
