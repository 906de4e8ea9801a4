package org.meridian.shared.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock anyone out (登录限流). Failed sign-ins are counted per
 * username and address (any username, existing or not, so both answer alike) and per address (over all usernames).
 * When a count over the last {@link #MEMORY} reaches its threshold, sign-ins for that key are refused until
 * {@link #FIRST_LOCK} after the last failure; every further full threshold of failures doubles the time (back-off),
 * up to {@link #LONGEST_LOCK}. A refusal is not itself a failure. A successful sign-in clears the failures of its
 * username and address.
 */
@Component
class SignInThrottle {

    /** Failed sign-ins of one username from one address that lock that pair. */
    static final int PAIR_FAILURES = Accounts.LOCKOUT_FAILURES;
    /** Failed sign-ins from one address, over all usernames, that lock the address. */
    static final int ADDRESS_FAILURES = 20;
    static final Duration FIRST_LOCK = Accounts.LOCKOUT_WINDOW;
    static final Duration LONGEST_LOCK = Duration.ofHours(16);
    /** How long failures are remembered for the count. */
    static final Duration MEMORY = Duration.ofHours(24);

    private final Accounts accounts;

    SignInThrottle(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Whether a sign-in as {@code username} from {@code address} (null when not known) is refused at {@code now}. */
    boolean refuses(String username, String address, Instant now) {
        Instant since = now.minus(MEMORY);
        if (lockedUntil(accounts.failuresOf(username, address, since), PAIR_FAILURES)
                .filter(now::isBefore).isPresent()) {
            return true;
        }
        return address != null && lockedUntil(accounts.failuresFrom(address, since), ADDRESS_FAILURES)
                .filter(now::isBefore).isPresent();
    }

    /**
     * The end of the lock that {@code failures} (remembered ones, in any order) earn with this {@code threshold}:
     * none below it; from {@code threshold} failures on, the last failure plus {@link #FIRST_LOCK} doubled for every
     * further full {@code threshold}, at most {@link #LONGEST_LOCK}.
     */
    static Optional<Instant> lockedUntil(List<Instant> failures, int threshold) {
        if (failures.size() < threshold) {
            return Optional.empty();
        }
        int doublings = Math.min(failures.size() / threshold - 1, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        if (lock.compareTo(LONGEST_LOCK) > 0) {
            lock = LONGEST_LOCK;
        }
        Instant last = failures.stream().max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(last.plus(lock));
    }
}
