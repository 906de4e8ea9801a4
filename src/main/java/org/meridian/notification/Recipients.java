package org.meridian.notification;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.meridian.shared.security.Accounts.Account;
import org.meridian.shared.security.Role;

/** The accounts an audience picks from: enabled ones holding a role directly, or a channel's own users. */
final class Recipients {

    private Recipients() {
    }

    /** The enabled accounts holding one of {@code roles} directly, but those in {@code except}. */
    static List<Account> holding(List<Account> accounts, Set<Role> roles, Collection<String> except) {
        return accounts.stream().filter(a -> a.enabled() && a.roles().stream().anyMatch(roles::contains))
                .filter(a -> !except.contains(a.username())).toList();
    }

    /** The enabled channel users bound to the channel. */
    static List<Account> ownUsers(List<Account> accounts, long channelId) {
        return accounts.stream().filter(a -> a.enabled() && a.roles().contains(Role.CHANNEL_USER)
                && Objects.equals(a.channelId(), channelId)).toList();
    }

    /** How a username is shown: its account's display name when it has one, else the username itself. */
    static String shown(List<Account> accounts, String username) {
        return accounts.stream().filter(a -> a.username().equals(username)).findFirst()
                .map(a -> a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName())
                .orElse(username);
    }
}
