package org.meridian.shared;

import java.util.Objects;
import java.util.Set;

import org.meridian.shared.security.Role;

/**
 * Who acts, and in which hospital: the one value every facade command takes (docs/development.md, "Who acts").
 * Only {@code web/} and {@code api/} make it, from the signed-in user (a controller simply declares an
 * {@code Actor} parameter); scheduled and event-driven work acts as a named {@linkplain #system(long, String)
 * system actor}, never as a borrowed person.
 *
 * @param hospitalId the hospital (tenant) every query of the command is scoped to
 * @param username   the account's username, or {@code system:<name>} for a system actor; written into audit
 *                   trails and "prepared by" fields
 * @param roles      the roles held directly (the hierarchy ADMIN ⊃ HOSPITAL_MANAGER ⊃ CHANNEL_MANAGER ⊃ ANALYST
 *                   is applied by {@link #has(Role)})
 * @param channelId  the channel a {@link Role#CHANNEL_USER} is bound to; null for everyone else
 */
public record Actor(long hospitalId, String username, Set<Role> roles, Long channelId) {

    private static final String SYSTEM_PREFIX = "system:";

    public Actor {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("an actor needs a username");
        }
        roles = Set.copyOf(roles);
    }

    /**
     * Meridian itself acting for a hospital: a scheduled run, or a listener reacting to another module's event.
     * It holds no role; a facade that lets the system act says so explicitly ({@link #isSystem()}).
     *
     * @param name what acts, e.g. {@code scheduler} or {@code incentive-drafting}
     */
    public static Actor system(long hospitalId, String name) {
        return new Actor(hospitalId, SYSTEM_PREFIX + name, Set.of(), null);
    }

    public boolean isSystem() {
        return username.startsWith(SYSTEM_PREFIX);
    }

    /** True when the actor holds the role directly or through the hierarchy of hospital roles. */
    public boolean has(Role role) {
        return switch (role) {
            case ADMIN, CHANNEL_USER, REGULATOR, REFERRAL_DESK, REGION_ADMIN -> roles.contains(role);
            case HOSPITAL_MANAGER -> roles.contains(Role.HOSPITAL_MANAGER) || roles.contains(Role.ADMIN);
            case CHANNEL_MANAGER -> roles.contains(Role.CHANNEL_MANAGER) || has(Role.HOSPITAL_MANAGER);
            case ANALYST -> roles.contains(Role.ANALYST) || has(Role.CHANNEL_MANAGER);
        };
    }

    /** A channel's own user: sees only {@link #channelId()}. */
    public boolean isChannelUser() {
        return roles.contains(Role.CHANNEL_USER) && !has(Role.ANALYST);
    }
}
