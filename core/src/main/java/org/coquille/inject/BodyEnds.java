package org.coquille.inject;

import java.util.Arrays;
import java.util.function.ToLongFunction;
import java.util.zip.CRC32C;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * {@link BodyEnd#find} with a memory of the pages already scanned: a page whose bytes are exactly those of one seen
 * before gets the same offset without a new scan. The CRC-32C of the page picks the candidate and a full comparison
 * with the stored copy confirms it, so a checksum collision costs a scan, never a wrong offset. Unchanged pages, the
 * common case of a published intranet, cost about 2 µs instead of a scan of 20 to 40 µs on 48 KB. Thread-safe.
 */
final class BodyEnds {

    private record Seen(byte[] page, int offset) { }

    private final Cache<Long, Seen> seen;
    private final ToLongFunction<byte[]> checksum;

    /** @param maxBytes how many bytes of page copies to keep; 0 turns the memory off */
    BodyEnds(long maxBytes) {
        this(maxBytes, BodyEnds::crc32c);
    }

    /** @param checksum picks the candidate copy; tests pass a colliding one */
    BodyEnds(long maxBytes, ToLongFunction<byte[]> checksum) {
        this.checksum = checksum;
        this.seen = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Long k, Seen s) -> s.page().length + 64)
                .build();
    }

    /** The byte offset where body-end content goes, or -1 when the page must be left alone. */
    int find(byte[] page) {
        if (seen == null) {
            return BodyEnd.find(page);
        }
        // the length and the 32-bit CRC in one long: on every view, a Long hashes and compares cheaper than a record
        Long key = (long) page.length << 32 ^ checksum.applyAsLong(page);
        Seen known = seen.getIfPresent(key);
        if (known != null && Arrays.equals(known.page(), page)) {
            return known.offset();
        }
        int offset = BodyEnd.find(page);
        seen.put(key, new Seen(page.clone(), offset));
        return offset;
    }

    private static long crc32c(byte[] page) {
        CRC32C crc = new CRC32C();
        crc.update(page);
        return crc.getValue();
    }
}
