package org.meridian.shared.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on (单点登录): a person whom the hospital's OpenID Connect provider has signed in becomes the Meridian
 * account whose username is the value of the configured claim ({@link SingleSignOnSettings}). A provider speaks for
 * one hospital only ({@link SingleSignOnSettings#hospitalOf}): it finds accounts of that hospital and makes new ones
 * there, never in another. Without such an account one is made when the settings allow it; roles come from the
 * provider's claim or stay as Meridian keeps them. An account of another hospital, a disabled account, an account
 * holding a role the provider never stands for, a person without the claim, without an account (when none is made) or
 * without any role, and everyone when the provider's hospital is not known, is refused, and nothing is changed.
 * Audited: {@code USER_CREATED} and {@code ROLES_CHANGED} by
 * {@value #ACTOR}, {@code LOGIN_SUCCESS} and {@code LOGIN_FAILURE} with the provider's name.
 */
@Service
public class SingleSignOn {

    /** Who creates accounts and changes roles in the audit log. */
    static final String ACTOR = "system:single-sign-on";

    /** Why a sign-in through the provider was refused; the sign-in page says it in words. */
    public enum Refusal {
        /** The ID token has no value for the username claim. */
        NO_CLAIM,
        /** No account has that username, and none is made. */
        UNKNOWN,
        /** The account is disabled. */
        DISABLED,
        /** The provider's claim gives no role in Meridian (or a new account would have none). */
        NO_ROLE,
        /**
         * The provider is bound to no hospital while the installation holds more than one, or its binding names no
         * hospital: it signs nobody in.
         */
        NO_HOSPITAL,
        /** The account belongs to another hospital than the provider's. */
        OTHER_HOSPITAL,
        /**
         * The account holds a role that the provider never stands for ({@link SingleSignOnSettings#KEPT_LOCAL}: a
         * channel's user, a regulator, a region administrator); it signs in with its password.
         */
        KEPT_LOCAL;

        /** The value of {@code ?sso=} on the sign-in page. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A refusal, with the username the provider gave (null without one). */
    static final class Refused extends RuntimeException {
        private final Refusal refusal;
        private final String username;

        Refused(Refusal refusal, String username) {
            super("single sign-on refused: " + refusal + " (" + username + ")");
            this.refusal = refusal;
            this.username = username;
        }

        Refusal refusal() {
            return refusal;
        }

        String username() {
            return username;
        }
    }

    private final SingleSignOnSettings settings;
    private final Accounts accounts;
    private final Hospitals hospitals;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SingleSignOn(SingleSignOnSettings settings, Accounts accounts, Hospitals hospitals, PasswordEncoder encoder,
                 AuditLog audit, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.hospitals = hospitals;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The account of the person the provider signed in, made or with its roles brought in line with the provider's
     * claim as the settings say, and the sign-in audited.
     *
     * @param registrationId the provider's client registration, which names its hospital in the settings
     * @param provider       the provider's name as people know it (the registration's client name)
     * @throws Refused when the person may not sign in; nothing has been changed then
     */
    @Transactional(noRollbackFor = Refused.class)
    MeridianUser signIn(String registrationId, String provider, OidcUser person) {
        String username = Optional.ofNullable(person.getClaims().get(settings.usernameClaim()))
                .map(Object::toString).map(String::strip).orElse("");
        try {
            MeridianUser user = account(registrationId, username, person);
            audit.record(user.hospitalId(), user.getUsername(), "LOGIN_SUCCESS", user.getUsername(),
                    Map.of("provider", provider));
            return user;
        } catch (Refused refused) {
            long hospital = username.isEmpty() ? AuditLog.NO_HOSPITAL
                    : accounts.hospitalOf(username).orElse(AuditLog.NO_HOSPITAL);
            audit.record(hospital, username.isEmpty() ? "?" : username, "LOGIN_FAILURE",
                    username.isEmpty() ? "?" : username,
                    Map.of("provider", provider, "reason", "single sign-on: " + refused.refusal().code()));
            throw refused;
        }
    }

    /** Whether this sign-in through the provider stands for the second step as well. */
    boolean countsAsSecondStep(OidcUser person) {
        return settings.countsAsSecondStep(person.getClaims().get("amr"));
    }

    private MeridianUser account(String registrationId, String username, OidcUser person) {
        if (username.isEmpty()) {
            throw new Refused(Refusal.NO_CLAIM, null);
        }
        Hospital hospital = hospital(registrationId).orElseThrow(() -> new Refused(Refusal.NO_HOSPITAL, username));
        Set<Role> claimed = settings.rolesFromClaims() ? settings.rolesFor(person.getClaims().get(settings.rolesClaim()))
                : null;
        Optional<MeridianUser> found = accounts.loadForSignIn(username, clock.instant());
        if (found.isEmpty()) {
            return create(hospital, username, person, claimed);
        }
        MeridianUser user = found.get();
        if (user.homeHospitalId() != hospital.id()) {
            // the provider speaks for its own hospital's staff only, however the username matches
            throw new Refused(Refusal.OTHER_HOSPITAL, username);
        }
        if (!user.isEnabled()) {
            throw new Refused(Refusal.DISABLED, username);
        }
        if (user.roles().stream().anyMatch(SingleSignOnSettings.KEPT_LOCAL::contains)) {
            // the hospital's provider does not speak for a channel's staff nor for the region's people
            throw new Refused(Refusal.KEPT_LOCAL, username);
        }
        if (claimed != null) {
            if (claimed.isEmpty()) {
                throw new Refused(Refusal.NO_ROLE, username);
            }
            if (!claimed.equals(user.roles())) {
                accounts.replaceRoles(user.hospitalId(), user.userId(), claimed);
                audit.record(user.hospitalId(), ACTOR, "ROLES_CHANGED", user.getUsername(),
                        Map.of("roles", AuditLog.change(names(user.roles()), names(claimed))));
                return accounts.loadForSignIn(user.getUsername(), clock.instant()).orElseThrow();
            }
        }
        return user;
    }

    private MeridianUser create(Hospital hospital, String username, OidcUser person, Set<Role> claimed) {
        if (!settings.createAccounts() || !AccountAdministration.wellFormedUsername(username)) {
            throw new Refused(Refusal.UNKNOWN, username);
        }
        Set<Role> roles = claimed != null ? claimed : settings.newAccountRoles();
        if (roles.isEmpty()) {
            throw new Refused(Refusal.NO_ROLE, username);
        }
        String displayName = Optional.ofNullable(person.getFullName()).map(String::strip).filter(n -> !n.isEmpty())
                .orElse(username);
        if (displayName.length() > 100) {
            displayName = displayName.substring(0, 100);
        }
        // a password nobody knows: the account signs in through the provider, until an administrator sets one
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        accounts.insert(hospital.id(), username, displayName,
                encoder.encode(Base64.getEncoder().encodeToString(secret)), null, roles);
        Map<String, Object> details = AuditLog.details("displayName", displayName, "roles", names(roles),
                "enabled", true);
        audit.record(hospital.id(), ACTOR, "USER_CREATED", username, details);
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    /** The provider's hospital: the one its settings name, else the installation's only one. */
    private Optional<Hospital> hospital(String registrationId) {
        String code = settings.hospitalOf(registrationId);
        if (!code.isEmpty()) {
            return hospitals.findByCode(code);
        }
        List<Hospital> all = hospitals.all();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
