package org.coquille.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;

import org.junit.jupiter.api.Test;

/** The store's caches keep within their size on the writer's own thread: no pool thread is woken to do it. */
class CachingTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Caching caching = new Caching(Duration.ofSeconds(30), nanos::get, null);

    @Test
    void aCacheIsWithinItsSizeWhenEachWriteReturns() {
        Cache<Integer, String> cache = caching.cache(100);
        for (int i = 0; i < 10_000; i++) {
            cache.put(i, "entry " + i);
            assertThat(cache.estimatedSize()).as("after write %d", i).isLessThanOrEqualTo(100);
        }
        assertThat(cache.getIfPresent(9_999)).isEqualTo("entry 9999");
    }

    @Test
    void anExpiredEntryIsReadAgainAndTheCacheLoadsOnTheCaller() {
        Cache<String, String> cache = caching.cache(100);
        Thread caller = Thread.currentThread();
        assertThat(caching.read(cache, "page", k -> "first")).isEqualTo("first");
        assertThat(caching.read(cache, "page", k -> "second")).as("still cached").isEqualTo("first");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(caching.read(cache, "page", k -> Thread.currentThread() == caller ? "on the caller" : "elsewhere"))
                .isEqualTo("on the caller");
    }
}
