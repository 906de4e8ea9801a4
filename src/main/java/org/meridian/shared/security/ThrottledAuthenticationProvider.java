package org.meridian.shared.security;

import java.time.Clock;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) that asks the {@link SignInThrottle} first: a throttled username and address
 * is refused as locked before the username is even looked up, so an unknown username and a locked account get the
 * same answer, and no password is checked.
 */
final class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;
    private final Clock clock;

    ThrottledAuthenticationProvider(MeridianUserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
                                    Clock clock) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (throttle.refuses(authentication.getName(), addressOf(authentication), clock.instant())) {
            throw new LockedException("too many failed sign-ins for this username and address");
        }
        return super.authenticate(authentication);
    }

    /** The client's address of a form or HTTP Basic sign-in, null when not known. */
    static String addressOf(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}
