package org.meridian.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.meridian.appeal.AppealDecided;
import org.meridian.appeal.AppealFiled;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears of an appeal (申诉提醒):
 * <ul>
 * <li>filed: those who review and decide it — every enabled account holding CHANNEL_MANAGER (the channel office) but
 *     the one who filed it (four eyes: the filer may not decide it); when that leaves nobody (the only channel manager
 *     filed it, or there is none), every enabled HOSPITAL_MANAGER and ADMIN but the filer, who may decide it too.
 *     "<channel> 对 <period> <unit type>（第 n 版）的评估结果提出申诉", linking to the appeal;</li>
 * <li>decided: every enabled channel user bound to the appealed channel, with the outcome — upheld, or rejected with
 *     the office's reason — linking to the appeal. A user of another channel hears nothing.</li>
 * </ul>
 * Analysts (who read appeals but decide none) and the regulator hear nothing. The notification does not quote the
 * filer's statement; the appeal's page has it.
 */
final class AppealAudience {

    /** The roles, held directly, that may hear of a filed appeal: the office, else the hospital's managers. */
    static final Set<Role> DECIDERS = EnumSet.of(Role.CHANNEL_MANAGER, Role.HOSPITAL_MANAGER, Role.ADMIN);

    private AppealAudience() {
    }

    static List<NewNotification> filed(AppealFiled e, List<Account> accounts) {
        List<Account> deciders = others(accounts, e.filedBy(), EnumSet.of(Role.CHANNEL_MANAGER));
        if (deciders.isEmpty()) {
            deciders = others(accounts, e.filedBy(), EnumSet.of(Role.HOSPITAL_MANAGER, Role.ADMIN));
        }
        List<String> args = List.of(e.channelName(), e.period(), unitType(e.unitType()),
                String.valueOf(e.evaluationVersion()));
        return deciders.stream().map(a -> new NewNotification(a.username(), NotificationKind.APPEAL_FILED,
                e.appealId(), "notification.message.appealFiled", args, "/appeals/" + e.appealId())).toList();
    }

    static List<NewNotification> decided(AppealDecided e, List<Account> accounts) {
        List<String> args = new ArrayList<>(List.of(e.period(), unitType(e.unitType()),
                String.valueOf(e.evaluationVersion())));
        if (!e.upheld()) {
            args.add(e.reason());
        }
        String key = e.upheld() ? "notification.message.appealUpheld" : "notification.message.appealRejected";
        return accounts.stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.CHANNEL_USER) && a.channelId() != null
                        && a.channelId() == e.channelId())
                .map(a -> new NewNotification(a.username(), NotificationKind.APPEAL_DECIDED, e.appealId(), key, args,
                        "/appeals/" + e.appealId()))
                .toList();
    }

    private static String unitType(org.meridian.shared.UnitType type) {
        return Notification.MESSAGE_ARG + "unitType." + type.name();
    }

    private static List<Account> others(List<Account> accounts, String filer, Set<Role> roles) {
        return accounts.stream().filter(a -> a.enabled() && !a.username().equals(filer)
                && a.roles().stream().anyMatch(roles::contains)).toList();
    }
}
