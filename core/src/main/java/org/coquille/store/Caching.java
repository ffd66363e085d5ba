package org.coquille.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.core.PageId;
import org.coquille.spi.ChangeNotice;

/**
 * What the cached parts of a {@link CachedStore} share: how long entries live, the clock, the count of writes, the
 * notices to and from the other nodes, and whether this thread's reads go past the cache.
 */
final class Caching {

    private final Duration ttl;
    private final Ticker ticker;
    private final NodeChanges nodes;
    private final AtomicLong writes = new AtomicLong();
    private final ThreadLocal<Boolean> fresh = new ThreadLocal<>();

    Caching(Duration ttl, Ticker ticker, NodeChanges nodes) {
        this.ttl = ttl;
        this.ticker = ticker;
        this.nodes = nodes;
    }

    /**
     * A cache of at most {@code size} entries, each read again after the time to live. Its upkeep (evicting, expiring,
     * draining the buffers of reads and writes) runs on the thread that wrote or invalidated, right after, instead of
     * being handed to {@code ForkJoinPool.commonPool()}: each write woke a pool thread for a few microseconds of work,
     * and the wake-up and the thread's sleep cost more than the work. The trade-off: that thread, a request's or the
     * listener of the other nodes' notices, does the upkeep itself, a bounded batch each time. The caches have no
     * removal listener, and loads run on the caller in either case, so nothing else moves.
     */
    <K, V> Cache<K, V> cache(long size) {
        return Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(ttl).ticker(ticker).maximumSize(size).build();
    }

    /** {@code key}'s entry in {@code cache}, loaded if missing; read from the store alone while {@link #fresh}. */
    <K, V> V read(Cache<K, V> cache, K key, Function<? super K, ? extends V> load) {
        return Boolean.TRUE.equals(fresh.get()) ? load.apply(key) : cache.get(key, load);
    }

    /** Runs {@code reads} with this thread's reads going to the store, past the cache (which they leave as it was). */
    <T> T fresh(Supplier<T> reads) {
        Boolean before = fresh.get();
        fresh.set(Boolean.TRUE);
        try {
            return reads.get();
        } finally {
            if (before == null) {
                fresh.remove();
            } else {
                fresh.set(before);
            }
        }
    }

    boolean readingFresh() {
        return Boolean.TRUE.equals(fresh.get());
    }

    /**
     * A committed write of this node: forgets what it changed (as a notice from another node would), counts it, and
     * tells the other nodes.
     */
    void changed(ChangeNotice.Area area, PageId page, Long item, String user) {
        nodes.changed(area, page, item, user);
    }

    /** Counts a write; called after it, so that a reader who saw the old count re-reads. */
    void wrote() {
        writes.incrementAndGet();
    }

    long writes() {
        return writes.get();
    }
}
