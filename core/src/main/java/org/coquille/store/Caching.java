package org.coquille.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/** What the cached parts of a {@link CachedStore} share: how long entries live, the clock, and the count of writes. */
final class Caching {

    private final Duration ttl;
    private final Ticker ticker;
    private final AtomicLong writes = new AtomicLong();

    Caching(Duration ttl, Ticker ticker) {
        this.ttl = ttl;
        this.ticker = ticker;
    }

    /** A cache of at most {@code size} entries, each read again after the time to live. */
    <K, V> Cache<K, V> cache(long size) {
        return Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(size).build();
    }

    /** Counts a write; called after it, so that a reader who saw the old count re-reads. */
    void wrote() {
        writes.incrementAndGet();
    }

    long writes() {
        return writes.get();
    }
}
