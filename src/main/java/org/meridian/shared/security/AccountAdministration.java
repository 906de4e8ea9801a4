package org.meridian.shared.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration (账户管理) and self-service. An administrator creates accounts, changes their
 * roles, enables, disables and unlocks them and resets their passwords; every person changes their own
 * password. Each change is checked against the rules below, rejected as a whole with every broken rule
 * listed ({@link AccountRejected}), and written to the audit log with old and new values in the same
 * transaction.
 * <p>
 * Rules: a username has 3 to 64 letters, digits, {@code .}, {@code _} or {@code -}, starts with a letter
 * or digit and is unique in the deployment regardless of case; a display name is required (at most 100
 * characters); an account has at least one role; a {@link Role#CHANNEL_USER} (渠道方) has that role only
 * and is bound to exactly one channel, every other account to none; passwords follow
 * {@link PasswordPolicy}. {@link Role#REGION_ADMIN} is not a hospital's to grant: asked for, it is refused; held,
 * it is kept through every change of the account's roles. An administrator cannot take the ADMIN role from, or disable, their own
 * account, so a hospital never locks itself out by accident.
 */
@Service
public class AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    public static final int DISPLAY_NAME_MAX = 100;

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<ChannelDirectory> channels;

    public AccountAdministration(Accounts accounts, PasswordEncoder encoder, AuditLog audit, Clock clock,
                                 ObjectProvider<ChannelDirectory> channels) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.channels = channels;
    }

    /** Whether a text is a well-formed username (3 to 64 letters, digits, {@code .}, {@code _} or {@code -}). */
    public static boolean wellFormedUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** A new account as an administrator fills it in. */
    public record NewAccount(String username, String displayName, String password, Set<Role> roles, Long channelId) {
    }

    /** The editable profile of an existing account. */
    public record Profile(String displayName, Set<Role> roles, boolean enabled, Long channelId) {
    }

    /** Every rule a new account of the administrator's hospital breaks; empty when it can be created. */
    public List<Problem> problems(MeridianUser admin, NewAccount account) {
        List<Problem> problems = new ArrayList<>();
        String username = account.username() == null ? "" : account.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(Problem.of("username", "account.error.usernameFormat"));
        } else if (accounts.usernameTaken(username)) {
            problems.add(Problem.of("username", "account.error.usernameTaken"));
        }
        checkDisplayName(account.displayName(), problems);
        checkRolesAndChannel(admin.hospitalId(), roles(account.roles()), account.channelId(), problems);
        PasswordPolicy.problems(username, account.password())
                .forEach(key -> problems.add(Problem.of("password", key)));
        return problems;
    }

    /** Every rule this change of an account's profile breaks; empty when it can be saved. */
    public List<Problem> problems(MeridianUser admin, long userId, Profile profile) {
        List<Problem> problems = new ArrayList<>();
        checkDisplayName(profile.displayName(), problems);
        Set<Role> roles = roles(profile.roles());
        checkRolesAndChannel(admin.hospitalId(), roles, profile.channelId(), problems);
        if (userId == admin.userId()) {
            if (!roles.contains(Role.ADMIN)) {
                problems.add(Problem.of("roles", "account.error.selfDemotion"));
            }
            if (!profile.enabled()) {
                problems.add(Problem.of("enabled", "account.error.selfDisable"));
            }
        }
        return problems;
    }

    /** Creates an account in the administrator's hospital and returns its id. */
    @Transactional
    public long create(MeridianUser admin, NewAccount account) {
        List<Problem> problems = problems(admin, account);
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        String username = account.username().strip();
        String displayName = account.displayName().strip();
        Set<Role> roles = roles(account.roles());
        long id;
        try {
            id = accounts.insert(admin.hospitalId(), username, displayName, encoder.encode(account.password()),
                    account.channelId(), roles);
        } catch (DuplicateKeyException e) {
            throw AccountRejected.of("username", "account.error.usernameTaken");
        }
        Map<String, Object> details = AuditLog.details("displayName", displayName, "roles", names(roles),
                "channelId", account.channelId(), "enabled", true);
        audit.record(admin.hospitalId(), admin.getUsername(), "USER_CREATED", username, details);
        return id;
    }

    /**
     * Changes display name, roles, enabled flag and channel of an account. Audits {@code USER_UPDATED}
     * with old and new value of each changed field, and {@code ROLES_CHANGED} with the old and new roles.
     */
    @Transactional
    public void update(MeridianUser admin, long userId, Profile profile) {
        Accounts.Account current = load(admin, userId);
        List<Problem> problems = problems(admin, userId, profile);
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        String displayName = profile.displayName().strip();
        Set<Role> roles = roles(profile.roles());
        if (current.roles().contains(Role.REGION_ADMIN)) {
            roles.add(Role.REGION_ADMIN); // not the hospital's to grant or take; the account keeps it
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!current.displayName().equals(displayName)) {
            changes.put("displayName", AuditLog.change(current.displayName(), displayName));
        }
        if (current.enabled() != profile.enabled()) {
            changes.put("enabled", AuditLog.change(current.enabled(), profile.enabled()));
        }
        if (!Objects.equals(current.channelId(), profile.channelId())) {
            changes.put("channelId", AuditLog.change(current.channelId(), profile.channelId()));
        }
        if (!changes.isEmpty()) {
            accounts.updateProfile(admin.hospitalId(), userId, displayName, profile.enabled(), profile.channelId());
            audit.record(admin.hospitalId(), admin.getUsername(), "USER_UPDATED", current.username(), changes);
        }
        if (!current.roles().equals(roles)) {
            accounts.replaceRoles(admin.hospitalId(), userId, roles);
            audit.record(admin.hospitalId(), admin.getUsername(), "ROLES_CHANGED", current.username(),
                    Map.of("roles", AuditLog.change(names(current.roles()), names(roles))));
        }
    }

    /** Clears the failed sign-ins of an account, which ends a lock-out at once. */
    @Transactional
    public void unlock(MeridianUser admin, long userId) {
        Accounts.Account current = load(admin, userId);
        accounts.clearFailures(admin.hospitalId(), userId);
        audit.record(admin.hospitalId(), admin.getUsername(), "USER_UNLOCKED", current.username(),
                Map.of("locked", AuditLog.change(current.locked(), false)));
    }

    /** Sets a new password chosen by the administrator (to be passed on to the person, who should change it). */
    @Transactional
    public void resetPassword(MeridianUser admin, long userId, String newPassword) {
        Accounts.Account current = load(admin, userId);
        List<Problem> problems = new ArrayList<>();
        PasswordPolicy.problems(current.username(), newPassword)
                .forEach(key -> problems.add(Problem.of("password", key)));
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        accounts.updatePassword(admin.hospitalId(), userId, encoder.encode(newPassword));
        audit.record(admin.hospitalId(), admin.getUsername(), "PASSWORD_RESET", current.username(), Map.of());
    }

    /**
     * A person changes their own password: the current password must be right, the new one must follow
     * the policy, differ from the current one and be typed twice alike. Audited as {@code PASSWORD_CHANGED};
     * a wrong current password is audited as {@code PASSWORD_CHANGE_FAILED}.
     */
    @Transactional(noRollbackFor = AccountRejected.class)
    public void changeOwnPassword(MeridianUser user, String currentPassword, String newPassword, String confirmation) {
        MeridianUser stored = accounts.loadById(user.hospitalId(), user.userId(), clock.instant())
                .orElseThrow(() -> new AccountNotFound(user.userId()));
        List<Problem> problems = new ArrayList<>();
        boolean currentRight = currentPassword != null && !currentPassword.isEmpty()
                && encoder.matches(currentPassword, stored.getPassword());
        if (!currentRight) {
            problems.add(Problem.of("currentPassword", "account.password.wrongCurrent"));
        }
        PasswordPolicy.problems(stored.getUsername(), newPassword)
                .forEach(key -> problems.add(Problem.of("newPassword", key)));
        if (currentRight && Objects.equals(currentPassword, newPassword)) {
            problems.add(Problem.of("newPassword", "account.password.unchanged"));
        }
        if (!Objects.equals(newPassword, confirmation)) {
            problems.add(Problem.of("confirmPassword", "account.password.mismatch"));
        }
        if (!problems.isEmpty()) {
            if (!currentRight) {
                audit.record(user.hospitalId(), user.getUsername(), "PASSWORD_CHANGE_FAILED", user.getUsername(),
                        Map.of("reason", "wrong current password"));
            }
            throw new AccountRejected(problems);
        }
        accounts.updatePassword(user.hospitalId(), user.userId(), encoder.encode(newPassword));
        audit.record(user.hospitalId(), user.getUsername(), "PASSWORD_CHANGED", user.getUsername(), Map.of());
    }

    /** An account of the administrator's hospital. */
    public Accounts.Account load(MeridianUser admin, long userId) {
        return accounts.find(admin.hospitalId(), userId, clock.instant())
                .orElseThrow(() -> new AccountNotFound(userId));
    }

    private static void checkDisplayName(String value, List<Problem> problems) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            problems.add(Problem.of("displayName", "account.error.displayNameRequired"));
        } else if (name.length() > DISPLAY_NAME_MAX) {
            problems.add(Problem.of("displayName", "account.error.displayNameTooLong"));
        }
    }

    private void checkRolesAndChannel(long hospitalId, Set<Role> roles, Long channelId,
                                      List<Problem> problems) {
        if (roles.isEmpty()) {
            problems.add(Problem.of("roles", "account.error.noRole"));
        }
        if (roles.contains(Role.REGION_ADMIN)) {
            problems.add(Problem.of("roles", "account.error.regionAdminReserved"));
        }
        if (roles.contains(Role.CHANNEL_USER)) {
            if (roles.size() > 1) {
                problems.add(Problem.of("roles", "account.error.channelUserAlone"));
            }
            if (channelId == null) {
                problems.add(Problem.of("channelId", "account.error.channelRequired"));
            } else if (channelId <= 0) {
                problems.add(Problem.of("channelId", "account.error.channelInvalid"));
            } else {
                ChannelDirectory directory = channels.getIfAvailable();
                if (directory != null && !directory.exists(hospitalId, channelId)) {
                    problems.add(Problem.of("channelId", "account.error.channelUnknown"));
                }
            }
        } else if (channelId != null) {
            problems.add(Problem.of("channelId", "account.error.channelOnlyForChannelUser"));
        }
    }

    private static Set<Role> roles(Set<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    private static List<String> names(Set<Role> roles) {
        return roles(roles).stream().map(Role::name).toList();
    }
}
