package org.coquille.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Limits each user's writes to a number per minute (a token bucket per user, refilled continuously). */
final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    private final int perMinute;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;
    /**
     * A new user's bucket: full, as last filled at the clock's origin (a refill since then leaves it full). One function
     * for every call, where a lambda capturing the time was made at each write.
     */
    private final Function<String, Bucket> full;

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.full = user -> new Bucket(perMinute, 0);
        // upkept on the writing thread (no hand-off to a pool thread), as the store's caches are
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000)
                .executor(Runnable::run).build();
    }

    /** Takes one write from {@code user}'s allowance; {@code false} when they have none left. */
    public boolean tryWrite(String user) {
        long now = clock.millis() * 1_000_000L;
        Bucket bucket = buckets.get(user, full);
        synchronized (bucket) {
            double refill = (now - bucket.lastNanos) / 60e9 * perMinute;
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, refill));
            bucket.lastNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }
}
