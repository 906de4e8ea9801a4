package org.meridian.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed delivery is tried again (重试退避): after the n-th failed attempt the sender waits
 * {@code min(firstDelay · 2^(n−1), maxDelay)}; after {@code maxAttempts} failed attempts it stops and the delivery
 * is {@link DeliveryStatus#FAILED}, kept for the administrator. With the defaults (1 minute, 1 hour, 8 attempts) the
 * waits are 1, 2, 4, 8, 16, 32 and 60 minutes: the last attempt comes about two hours after the first.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive, the longest at least the first: "
                    + firstDelay + ", " + maxDelay);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
    }

    /**
     * When to try again after {@code failedAttempts} attempts have failed, the last one at {@code now}; empty when
     * there is to be no further attempt.
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt has failed yet: " + failedAttempts);
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        // doubling stops at maxDelay long before the shift could overflow
        Duration wait = firstDelay;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxDelay) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(maxDelay) > 0 ? maxDelay : wait));
    }
}
