package org.meridian.shared.security;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form login and HTTP Basic; a locked account is reported locked before its password is checked. */
@Service
class MeridianUserDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    MeridianUserDetailsService(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.loadForSignIn(username, clock.instant())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
