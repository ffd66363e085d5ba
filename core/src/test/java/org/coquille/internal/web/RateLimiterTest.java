package org.coquille.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Each user has a number of writes a minute, given back as time passes; one user's writes do not use another's. */
class RateLimiterTest {

    private Instant now = Instant.parse("2026-12-03T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RateLimiter limiter = new RateLimiter(3, clock);

    @Test
    void aNewUserHasTheWholeAllowanceThenIsRefused() {
        assertThat(limiter.tryWrite("u:alice")).isTrue();
        assertThat(limiter.tryWrite("u:alice")).isTrue();
        assertThat(limiter.tryWrite("u:alice")).isTrue();
        assertThat(limiter.tryWrite("u:alice")).isFalse();
        assertThat(limiter.tryWrite("u:bob")).as("another user's allowance").isTrue();
    }

    @Test
    void theAllowanceComesBackWithTimeButNeverAboveItsSize() {
        for (int i = 0; i < 3; i++) {
            limiter.tryWrite("u:alice");
        }
        now = now.plus(Duration.ofSeconds(20));
        assertThat(limiter.tryWrite("u:alice")).as("one write back after a third of a minute").isTrue();
        assertThat(limiter.tryWrite("u:alice")).isFalse();
        now = now.plus(Duration.ofHours(1));
        assertThat(limiter.tryWrite("u:alice")).isTrue();
        assertThat(limiter.tryWrite("u:alice")).isTrue();
        assertThat(limiter.tryWrite("u:alice")).isTrue();
        assertThat(limiter.tryWrite("u:alice")).as("an hour gives back a minute's allowance, no more").isFalse();
    }

    @Test
    void aUserFirstSeenWithAClockBeforeNineteenSeventyStillHasTheWholeAllowance() {
        now = Instant.parse("1960-01-01T00:00:00Z");
        assertThat(limiter.tryWrite("u:carol")).isTrue();
        assertThat(limiter.tryWrite("u:carol")).isTrue();
        assertThat(limiter.tryWrite("u:carol")).isTrue();
        assertThat(limiter.tryWrite("u:carol")).isFalse();
    }
}
