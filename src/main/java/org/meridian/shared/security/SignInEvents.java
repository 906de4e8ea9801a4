package org.meridian.shared.security;

import java.time.Clock;
import java.util.Map;

import org.meridian.shared.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns Spring Security's sign-in events into the audit log and the failures the {@link SignInThrottle} counts.
 * Every failed password (form or API), for an existing username or not, is recorded with its address; a successful
 * interactive sign-in clears the failures of its username from its address.
 * API calls with HTTP Basic are not logged one by one as sign-ins, only their failures are.
 */
@Component
class SignInEvents {

    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SignInThrottle throttle;

    SignInEvents(Accounts accounts, AuditLog audit, Clock clock, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onSuccess(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MeridianUser user) {
            accounts.clearFailures(user.hospitalId(), user.userId(), user.getUsername(),
                    ThrottledAuthenticationProvider.addressOf(event.getAuthentication()));
            audit.record(user.hospitalId(), user.getUsername(), "LOGIN_SUCCESS", user.getUsername(), Map.of());
        }
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        String reason = event.getException().getClass().getSimpleName();
        String address = ThrottledAuthenticationProvider.addressOf(event.getAuthentication());
        var hospital = accounts.hospitalOf(username);
        if (hospital.isEmpty()) {
            if (event instanceof AuthenticationFailureBadCredentialsEvent) {
                accounts.recordFailure(null, null, username, address, clock.instant());
            }
            audit.record(AuditLog.NO_HOSPITAL, username, "LOGIN_FAILURE", username,
                    event instanceof AuthenticationFailureLockedEvent ? Map.of("reason", "unknown user, throttled")
                            : Map.of("reason", "unknown user"));
            return;
        }
        long hospitalId = hospital.get();
        accounts.loadForSignIn(username, clock.instant()).ifPresent(user -> {
            if (event instanceof AuthenticationFailureBadCredentialsEvent) {
                accounts.recordFailure(hospitalId, user.userId(), username, address, clock.instant());
                boolean nowLocked = throttle.refuses(username, address, clock.instant());
                audit.record(hospitalId, user.getUsername(), "LOGIN_FAILURE", user.getUsername(),
                        nowLocked ? Map.of("reason", "bad credentials", "locked", true)
                                : Map.of("reason", "bad credentials"));
            } else if (event instanceof AuthenticationFailureLockedEvent) {
                audit.record(hospitalId, user.getUsername(), "LOGIN_FAILURE", user.getUsername(),
                        Map.of("reason", "account locked"));
            } else {
                audit.record(hospitalId, user.getUsername(), "LOGIN_FAILURE", user.getUsername(),
                        Map.of("reason", reason));
            }
        });
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof MeridianUser user) {
            audit.record(user.hospitalId(), user.getUsername(), "LOGOUT", user.getUsername(), Map.of());
        }
    }
}
