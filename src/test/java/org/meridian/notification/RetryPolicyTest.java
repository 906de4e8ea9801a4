package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant T = Instant.parse("2027-01-15T04:00:00Z");

    @Test
    void theWaitsDoubleFromOneMinuteUpToAnHourAndStopAfterTheEighthFailure() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 8);
        List<Long> waits = new ArrayList<>();
        for (int failed = 1; failed <= 7; failed++) {
            waits.add(Duration.between(T, policy.nextAttempt(failed, T).orElseThrow()).toMinutes());
        }
        // 1·2^0 … 1·2^5 = 1, 2, 4, 8, 16, 32; 1·2^6 = 64 > 60, so the hour
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L);
        // the eighth attempt failed: no ninth; 1+2+4+8+16+32+60 = 123 minutes after the first attempt
        assertThat(policy.nextAttempt(8, T)).isEmpty();
        assertThat(waits.stream().mapToLong(Long::longValue).sum()).isEqualTo(123);
    }

    @Test
    void manyFailuresNeverOverflowTheWait() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), Integer.MAX_VALUE);
        assertThat(policy.nextAttempt(1_000_000, T)).contains(T.plus(Duration.ofMinutes(10)));
    }

    @Test
    void impossiblePoliciesAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
