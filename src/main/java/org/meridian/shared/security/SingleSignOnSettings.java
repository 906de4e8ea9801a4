package org.meridian.shared.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How a sign-in through the hospital's OpenID Connect provider (单点登录) becomes a Meridian account, the settings
 * {@code meridian.sso.*} (docs/security.md, Single sign-on). The provider itself is Spring Boot's client registration
 * ({@code spring.security.oauth2.client.registration.<id>.*} and {@code provider.<id>.issuer-uri}).
 *
 * @param usernameClaim      the ID token claim whose value is matched, ignoring case, with a Meridian username
 * @param createAccounts     whether a person without an account gets one at the first sign-in
 * @param newAccountHospital the code of the hospital of every provider that is not bound to one by {@code hospitals}
 *                           (the setting's older name, from when one provider served one hospital); blank for none
 * @param newAccountRoles    the roles of a new account when roles are kept in Meridian
 * @param rolesClaim         the claim that carries the person's groups or roles; blank keeps roles in Meridian
 * @param roles              for each role, the values of {@link #rolesClaim} that give it: the settings
 *                           {@code meridian.sso.role.<role>}, e.g. {@code meridian.sso.role.hospital-manager} or
 *                           {@code MERIDIAN_SSO_ROLE_HOSPITAL_MANAGER} (not {@code roles.<role>}: the variable
 *                           {@code MERIDIAN_SSO_ROLES_CLAIM} would then be read as a role named "claim")
 * @param secondFactor       whether a sign-in through the provider counts as the second step
 * @param hospitals          for each provider (its client registration id), the code of the one hospital it signs
 *                           people in to: the settings {@code meridian.sso.hospital.<registration>}, e.g.
 *                           {@code MERIDIAN_SSO_HOSPITAL_HOSPITAL=H001} for the registration {@code hospital}
 */
@ConfigurationProperties("meridian.sso")
public record SingleSignOnSettings(@DefaultValue("preferred_username") String usernameClaim,
                                   @DefaultValue("false") boolean createAccounts,
                                   @DefaultValue("") String newAccountHospital,
                                   @DefaultValue("ANALYST") Set<Role> newAccountRoles,
                                   @DefaultValue("") String rolesClaim,
                                   @Name("role") Map<Role, List<String>> roles,
                                   @DefaultValue("amr") SecondFactorByProvider secondFactor,
                                   @Name("hospital") Map<String, String> hospitals) {

    /**
     * Roles that the provider never grants nor takes: a channel's user is bound to its channel, the regulator and the
     * region administrator are granted by the region. An account holding one cannot sign in through the provider at
     * all (it keeps its password), so that the hospital's provider cannot speak for a channel's or the region's people.
     */
    static final Set<Role> KEPT_LOCAL = EnumSet.of(Role.CHANNEL_USER, Role.REGULATOR, Role.REGION_ADMIN);

    /**
     * Whether the provider's sign-in also stands for Meridian's second step (two-step verification).
     * {@link #AMR}: when its ID token says that more than one factor was used (RFC 8176 {@code amr}); {@link #ALWAYS}:
     * always (the provider enforces its own second factor for everyone); {@link #NEVER}: Meridian asks for its own.
     */
    public enum SecondFactorByProvider {
        AMR, ALWAYS, NEVER
    }

    /**
     * RFC 8176 methods that are each one factor: something known (password, PIN, question), something held (one-time
     * code, SMS or telephone, hardware or software key, smart card) and something one is (fingerprint, face, iris,
     * retina, voice). Two different ones, or {@code mfa}, are two factors.
     */
    static final Set<String> FACTORS = Set.of("pwd", "pin", "kba", "otp", "sms", "tel", "hwk", "swk", "sc", "fpt",
            "face", "iris", "retina", "vbm");

    public SingleSignOnSettings {
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim.strip();
        newAccountHospital = newAccountHospital == null ? "" : newAccountHospital.strip();
        newAccountRoles = newAccountRoles == null || newAccountRoles.isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(newAccountRoles);
        rolesClaim = rolesClaim == null ? "" : rolesClaim.strip();
        Map<Role, List<String>> copy = new EnumMap<>(Role.class);
        if (roles != null) {
            roles.forEach((role, values) -> copy.put(role, values == null ? List.of() : values.stream()
                    .map(String::strip).filter(v -> !v.isEmpty()).toList()));
        }
        roles = Map.copyOf(copy);
        secondFactor = secondFactor == null ? SecondFactorByProvider.AMR : secondFactor;
        Map<String, String> bound = new java.util.LinkedHashMap<>();
        if (hospitals != null) {
            hospitals.forEach((registration, code) -> {
                if (code != null && !code.isBlank()) {
                    bound.put(registration.strip().toLowerCase(Locale.ROOT), code.strip());
                }
            });
        }
        hospitals = Map.copyOf(bound);
        for (Role role : roles.keySet()) {
            if (KEPT_LOCAL.contains(role)) {
                throw new IllegalStateException("meridian.sso.role." + role + ": " + role
                        + " is never granted by the identity provider (it is kept in Meridian)");
            }
        }
        for (Role role : newAccountRoles) {
            if (KEPT_LOCAL.contains(role)) {
                throw new IllegalStateException("meridian.sso.new-account-roles: " + role
                        + " cannot be given to an account made at sign-in");
            }
        }
    }

    /**
     * The code of the hospital that the provider of this client registration speaks for: its own
     * {@code meridian.sso.hospital.<registration>}, else {@link #newAccountHospital}; empty when neither is set (then
     * it speaks for the installation's only hospital, or for none).
     */
    public String hospitalOf(String registrationId) {
        String own = registrationId == null ? null : hospitals.get(registrationId.toLowerCase(Locale.ROOT));
        return own != null ? own : newAccountHospital;
    }

    /** Whether roles come from the provider's claim (else they are kept in Meridian). */
    public boolean rolesFromClaims() {
        return !rolesClaim.isEmpty();
    }

    /**
     * The roles that the values of the roles claim give: a value may be a list of texts or one text of values
     * separated by commas or spaces; values are compared ignoring case. Empty when nothing matches.
     */
    Set<Role> rolesFor(Object claim) {
        List<String> values = values(claim);
        Set<Role> granted = EnumSet.noneOf(Role.class);
        roles.forEach((role, names) -> {
            if (names.stream().anyMatch(name -> values.stream().anyMatch(name::equalsIgnoreCase))) {
                granted.add(role);
            }
        });
        return granted;
    }

    /**
     * Whether a sign-in with these authentication methods ({@code amr} of the ID token) counts as the second step.
     */
    boolean countsAsSecondStep(Object amr) {
        return switch (secondFactor) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AMR -> {
                List<String> methods = values(amr).stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
                yield methods.contains("mfa") || methods.stream().filter(FACTORS::contains).distinct().count() >= 2;
            }
        };
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Iterable<?> items) {
            items.forEach(item -> {
                if (item != null) {
                    values.add(item.toString().strip());
                }
            });
        } else if (claim != null) {
            for (String value : claim.toString().split("[,\\s]+")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }
}
