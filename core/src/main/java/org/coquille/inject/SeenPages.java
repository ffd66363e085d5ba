package org.coquille.inject;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What was worked out for the pages seen lately, each kept with an exact copy of the page's bytes: a page is known when
 * its bytes equal the copy kept under its key, so a key that two pages share (a checksum collision, a page that
 * changed under its address) costs the work again, never a wrong answer. Keys are what the caller knows a page by (its
 * address: one comparison of the page per view), or a checksum of its bytes. The copies weigh at most a stated
 * number of bytes. Thread-safe.
 *
 * @param <V> what is worked out for a page
 */
final class SeenPages<V> {

    private record Seen<V>(byte[] page, Charset charset, V value) { }

    private final Cache<Object, Seen<V>> seen;

    /** @param maxBytes how many bytes of page copies to keep; 0 keeps none (the work is done for every page) */
    SeenPages(long maxBytes) {
        this.seen = maxBytes <= 0 ? null : Caffeine.newBuilder().executor(Runnable::run)
                .maximumWeight(maxBytes)
                .weigher((Object k, Seen<V> s) -> s.page().length + 64)
                .build();
    }

    /**
     * What {@code work} gives for the page in the first {@code length} bytes of {@code page}, read in {@code charset}:
     * remembered under {@code key} if those are the bytes seen under it last, else worked out on a copy of them, which
     * is then kept under {@code key}.
     */
    V get(Object key, byte[] page, int length, Charset charset, BiFunction<byte[], Charset, V> work) {
        if (seen == null) {
            return work.apply(exactly(page, length), charset);
        }
        Seen<V> known = seen.getIfPresent(key);
        if (known != null && known.charset().equals(charset) && known.page().length == length
                && Arrays.equals(known.page(), 0, length, page, 0, length)) {
            return known.value();
        }
        byte[] copy = Arrays.copyOf(page, length);
        V value = work.apply(copy, charset);
        seen.put(key, new Seen<>(copy, charset, value));
        return value;
    }

    /** The page as an array of its own length: {@code page} itself when it is one, else a copy. */
    static byte[] exactly(byte[] page, int length) {
        return page.length == length ? page : Arrays.copyOf(page, length);
    }
}
