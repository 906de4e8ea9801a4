package org.meridian.notification;

import java.util.ArrayList;
import java.util.List;

import org.meridian.rectification.RectificationActionsOverdue;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears that a rectification action is overdue (整改措施逾期):
 * <ul>
 * <li>the channel office — every enabled account holding CHANNEL_MANAGER, who tracks the plans — of every overdue
 *     action: "整改措施已逾期：<channel>的“<action>”（<plan>）应于 <day> 完成，已逾期 n 天";</li>
 * <li>every enabled channel user bound to the plan's channel, of its own channel's actions only:
 *     "您渠道的整改措施已逾期：…".</li>
 * </ul>
 * Both link to the plan, where the action is marked done. Analysts, hospital managers, users of other channels and of
 * other hospitals hear nothing. One notification per recipient and action.
 */
final class OverdueAudience {

    private OverdueAudience() {
    }

    static List<NewNotification> of(RectificationActionsOverdue overdue, List<Account> accounts) {
        List<NewNotification> out = new ArrayList<>();
        for (RectificationActionsOverdue.Overdue o : overdue.actions()) {
            // the typed texts last: only the first three leave Meridian (OutboundText)
            List<String> args = List.of(o.channelName(), o.dueDate().toString(), String.valueOf(o.daysLate()),
                    o.planTitle(), o.description());
            String link = "/rectification/" + o.planId();
            for (Account a : accounts) {
                if (!a.enabled()) {
                    continue;
                }
                if (a.roles().contains(Role.CHANNEL_MANAGER)) {
                    out.add(new NewNotification(a.username(), NotificationKind.RECTIFICATION_OVERDUE, o.actionId(),
                            "notification.message.actionOverdue", args, link));
                } else if (a.roles().contains(Role.CHANNEL_USER) && a.channelId() != null
                        && a.channelId() == o.channelId()) {
                    out.add(new NewNotification(a.username(), NotificationKind.RECTIFICATION_OVERDUE, o.actionId(),
                            "notification.message.ownActionOverdue", args, link));
                }
            }
        }
        return out;
    }
}
