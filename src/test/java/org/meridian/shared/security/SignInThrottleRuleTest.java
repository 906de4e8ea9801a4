package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The back-off of {@link SignInThrottle#lockedUntil}, with times worked out by hand. */
class SignInThrottleRuleTest {

    private static final Instant T = Instant.parse("2027-01-15T04:00:00Z");

    private static List<Instant> failuresEveryMinute(int count) {
        List<Instant> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(T.plus(Duration.ofMinutes(i)));
        }
        return failures;
    }

    @Test
    void belowTheThresholdThereIsNoLock() {
        assertThat(SignInThrottle.lockedUntil(failuresEveryMinute(4), 5)).isEmpty();
    }

    @Test
    void theLockDoublesWithEveryFurtherThreshold() {
        // 5 failures at T+0..T+4 min: 15 minutes after the last, T+19 min
        assertThat(SignInThrottle.lockedUntil(failuresEveryMinute(5), 5)).contains(T.plus(Duration.ofMinutes(19)));
        // 9 failures (one full threshold): still 15 minutes after the last (T+8), T+23 min
        assertThat(SignInThrottle.lockedUntil(failuresEveryMinute(9), 5)).contains(T.plus(Duration.ofMinutes(23)));
        // 10 failures: 30 minutes after T+9, T+39 min
        assertThat(SignInThrottle.lockedUntil(failuresEveryMinute(10), 5)).contains(T.plus(Duration.ofMinutes(39)));
        // 20 failures (four thresholds, three doublings): 15 * 8 = 120 minutes after T+19, T+139 min
        assertThat(SignInThrottle.lockedUntil(failuresEveryMinute(20), 5)).contains(T.plus(Duration.ofMinutes(139)));
    }

    @Test
    void theLockNeverExceedsSixteenHours() {
        // 100 failures: 15 * 2^19 minutes would be years; capped at 16 h after T+99 min
        assertThat(SignInThrottle.lockedUntil(failuresEveryMinute(100), 5))
                .contains(T.plus(Duration.ofMinutes(99)).plus(Duration.ofHours(16)));
    }
}
