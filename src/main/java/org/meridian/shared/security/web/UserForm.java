package org.meridian.shared.security.web;

import java.util.EnumSet;
import java.util.Set;

import org.meridian.shared.security.Role;

/** An account as the administrator creates or edits it; username and password only when creating. */
public class UserForm {

    private String username;
    private String displayName;
    private String password;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private boolean enabled = true;
    private Long channelId;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getChannelId() {
        return channelId;
    }

    public void setChannelId(Long channelId) {
        this.channelId = channelId;
    }
}
