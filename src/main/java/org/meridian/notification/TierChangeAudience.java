package org.meridian.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.meridian.channel.TierChangeDecided;
import org.meridian.channel.TierChangeRequested;
import org.meridian.channel.TierChangeStatus;
import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/**
 * Who hears of a tier change (分级调整):
 * <ul>
 * <li>a downgrade requested: every enabled hospital manager and administrator (who decide downgrades) but the
 *     requester, linking to the approvals page;</li>
 * <li>a downgrade approved or rejected: the requester (an enabled account of the office, CHANNEL_MANAGER and above),
 *     linking to the channel's page; a change applied at once is the requester's own doing and told to nobody
 *     of the office;</li>
 * <li>a change that took effect (applied at once or approved): every enabled user of that channel, linking to their
 *     workbench, which shows the tier. A user of another channel, and a rejected downgrade, tell them nothing.</li>
 * </ul>
 */
final class TierChangeAudience {

    /** Those who may ask for a tier change, held directly (the office and above). */
    static final Set<Role> REQUESTERS = EnumSet.of(Role.CHANNEL_MANAGER, Role.HOSPITAL_MANAGER, Role.ADMIN);

    private TierChangeAudience() {
    }

    static List<NewNotification> of(TierChangeRequested e, List<Account> accounts) {
        List<String> args = List.of(Recipients.shown(accounts, e.requestedBy()), e.channelName(), tier(e.fromTier()),
                tier(e.toTier()));
        return Recipients.holding(accounts, IncentiveAudience.DECIDERS, Set.of(e.requestedBy())).stream()
                .map(a -> new NewNotification(a.username(), NotificationKind.TIER_CHANGE_REQUESTED, e.tierChangeId(),
                        "notification.message.tierChangeRequested", args, "/channels/approvals"))
                .toList();
    }

    static List<NewNotification> of(TierChangeDecided e, List<Account> accounts) {
        List<NewNotification> out = new ArrayList<>();
        if (e.status() == TierChangeStatus.APPROVED || e.status() == TierChangeStatus.REJECTED) {
            String key = e.status() == TierChangeStatus.APPROVED ? "notification.message.tierChangeApproved"
                    : "notification.message.tierChangeRejected";
            Recipients.holding(accounts, REQUESTERS, Set.of(e.decidedBy())).stream()
                    .filter(a -> a.username().equals(e.requestedBy()))
                    .forEach(a -> out.add(new NewNotification(a.username(), NotificationKind.TIER_CHANGE_DECIDED,
                            e.tierChangeId(), key, List.of(e.channelName(), tier(e.fromTier()), tier(e.toTier())),
                            "/channels/" + e.channelCode())));
        }
        if (e.effective()) {
            Recipients.ownUsers(accounts, e.channelId()).forEach(a -> out.add(new NewNotification(a.username(),
                    NotificationKind.TIER_CHANGED, e.tierChangeId(), "notification.message.tierChanged",
                    List.of(tier(e.fromTier()), tier(e.toTier())), "/")));
        }
        return out;
    }

    /** A tier's name, or the words for none. */
    private static String tier(String name) {
        return name == null ? Notification.MESSAGE_ARG + "channel.tier.none" : name;
    }
}
