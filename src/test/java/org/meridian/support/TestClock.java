package org.meridian.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of every Meridian test context (imported by {@link MeridianTest}, {@link MeridianWebTest} and
 * {@link MeridianDemoTest}), so that no test depends on the day it runs: "today", "the month before last", the
 * demo's two years of events and its published periods are always the same.
 * <p>
 * It starts at {@link #START} and moves one millisecond each time it is read, without ever looking at the wall
 * clock. It must move: a scheme saved twice at the same instant is a conflict, and lists ordered by time need
 * their entries apart. A whole test run reads it far fewer than the 43 million times that would carry it past
 * midnight in Shanghai. Tests that need "now" inject the {@link Clock} bean, never {@code Instant.now()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    /**
     * Friday 2027-01-15, 12:00 in Shanghai: after every date the tests write by hand, 24 months of demo events
     * (2025-01-15 to 2027-01-14) that hold the Spring Festival dip of 2026, and outside the scheduled draft
     * runs' hour (01:00–01:59 local time).
     */
    public static final Instant START = Instant.parse("2027-01-15T04:00:00Z");

    /**
     * Moves the test clock on by {@code by}, for a test of what happens later (a retry after its back-off); every
     * test after it sees the later time, so move it by minutes, not days. {@code clock} is the context's
     * {@link Clock} bean.
     */
    public static void advance(Clock clock, java.time.Duration by) {
        if (!(clock instanceof Stepping stepping) || by.isNegative()) {
            throw new IllegalArgumentException("only the test clock moves, and only forward: " + clock + ", " + by);
        }
        stepping.millis.addAndGet(by.toMillis());
    }

    @Bean
    @Primary
    Clock testClock() {
        return new Stepping(new AtomicLong(START.toEpochMilli()), ZoneOffset.UTC);
    }

    /** Starts at {@link #START}; every read is one millisecond later than the one before. */
    private static final class Stepping extends Clock {

        private final AtomicLong millis;
        private final ZoneId zone;

        Stepping(AtomicLong millis, ZoneId zone) {
            this.millis = millis;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Stepping(millis, other);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }
}
