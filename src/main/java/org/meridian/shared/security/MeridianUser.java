package org.meridian.shared.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person (or API caller). Carries the hospital every query is scoped to and, for a
 * {@link Role#CHANNEL_USER}, the one channel that user may see.
 */
public final class MeridianUser implements UserDetails, CredentialsContainer {

    private final long userId;
    private final long hospitalId;
    private final long homeHospitalId;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final Long channelId;
    private final Set<Role> roles;

    public MeridianUser(long userId, long hospitalId, String username, String displayName, String passwordHash,
                        boolean enabled, boolean locked, Long channelId, Set<Role> roles) {
        this.userId = userId;
        this.hospitalId = hospitalId;
        this.homeHospitalId = hospitalId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.channelId = channelId;
        this.roles = Set.copyOf(roles);
    }

    private MeridianUser(MeridianUser home, long actingHospitalId) {
        this.userId = home.userId;
        this.hospitalId = actingHospitalId;
        this.homeHospitalId = home.homeHospitalId;
        this.username = home.username;
        this.displayName = home.displayName;
        this.passwordHash = null;
        this.enabled = home.enabled;
        this.locked = home.locked;
        this.channelId = home.channelId;
        this.roles = home.roles;
    }

    /**
     * The same person acting in another hospital ({@code ?hospital=CODE} of an administrator of several
     * hospitals): every query of the request is scoped to that hospital.
     */
    public MeridianUser actingIn(long otherHospitalId) {
        return new MeridianUser(this, otherHospitalId);
    }

    /** The hospital the account belongs to; differs from {@link #hospitalId()} only while acting in another. */
    public long homeHospitalId() {
        return homeHospitalId;
    }

    public long userId() {
        return userId;
    }

    /** The hospital this request acts in, to which every query is scoped. */
    public long hospitalId() {
        return hospitalId;
    }

    public String displayName() {
        return displayName;
    }

    /** The channel a CHANNEL_USER is bound to; null for everyone else. */
    public Long channelId() {
        return channelId;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** True when the user holds the role directly (the role hierarchy is applied by Spring Security). */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** This person as the acting user of a facade command, in the hospital the request acts in. */
    public org.meridian.shared.Actor actor() {
        return new org.meridian.shared.Actor(hospitalId, username, roles, channelId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeridianUser other && other.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "MeridianUser[" + username + "@" + hospitalId + " " + roles + "]";
    }
}
