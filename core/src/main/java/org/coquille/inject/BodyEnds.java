package org.coquille.inject;

import java.nio.charset.Charset;
import java.util.zip.CRC32C;

/**
 * {@link BodyEnd#scan} with a memory of the pages already scanned ({@link SeenPages}): a page whose bytes are exactly
 * those of one seen before gets the same place without a new scan. The page is looked for under the key its caller
 * knows it by (its address: one comparison of the page), or else under its length and CRC-32C (a checksum, then the
 * comparison); either way a full comparison with the stored copy confirms it, so a key two pages share costs a scan,
 * never a wrong offset. Unchanged pages, the common case of a published intranet, cost a comparison instead of a scan
 * of 20 to 40 µs on 48 KB. A page the scan is unsure of goes to {@link ClosingPlans}, which says what end tags the
 * content must begin with. Thread-safe.
 */
final class BodyEnds {

    /** Where body-end content goes and the end tags (ASCII, often none) it must begin with. */
    record Place(int offset, byte[] closingTags) {

        static final Place NONE = new Place(-1, new byte[0]);
    }

    /** A checksum of a page's first {@code length} bytes. */
    interface Checksum {
        long of(byte[] page, int length);
    }

    private static final byte[] NOTHING_OPEN = new byte[0];

    private final SeenPages<Place> seen;
    private final Checksum checksum;
    private final ClosingPlans closings;

    /**
     * @param maxBytes how many bytes of page copies to keep; 0 turns the memory off
     * @param closings what unsure pages leave open
     */
    BodyEnds(long maxBytes, ClosingPlans closings) {
        this(maxBytes, BodyEnds::crc32c, closings);
    }

    /** @param checksum picks the candidate copy; tests pass a colliding one */
    BodyEnds(long maxBytes, Checksum checksum, ClosingPlans closings) {
        this.checksum = checksum;
        this.closings = closings;
        this.seen = new SeenPages<>(maxBytes);
    }

    /** Where body-end content goes in a page decoded with {@code charset}; {@link Place#NONE} to leave it alone. */
    Place find(byte[] page, Charset charset) {
        return find(page, page.length, charset, null);
    }

    /**
     * As {@link #find(byte[], Charset)}, for the page in the first {@code length} bytes of {@code page}, known to its
     * caller as {@code pageKey} (or {@code null}: then by its checksum). A page seen before is only read; a page not
     * seen is copied once, and the copy scanned and kept.
     */
    Place find(byte[] page, int length, Charset charset, Object pageKey) {
        // without the caller's key, the length and the 32-bit CRC in one long: a Long hashes and compares cheaply
        Object key = pageKey != null ? pageKey : (Long) ((long) length << 32 ^ checksum.of(page, length));
        return seen.get(key, page, length, charset, this::place);
    }

    private Place place(byte[] page, Charset charset) {
        BodyEnd.Scan scan = BodyEnd.scan(page);
        if (scan.offset() < 0) {
            return Place.NONE;
        }
        if (!scan.unsure()) {
            return new Place(scan.offset(), NOTHING_OPEN);
        }
        byte[] closingTags = closings.closingTags(page, charset, scan.offset());
        return closingTags == null ? Place.NONE : new Place(scan.offset(), closingTags);
    }

    private static long crc32c(byte[] page, int length) {
        CRC32C crc = new CRC32C();
        crc.update(page, 0, length);
        return crc.getValue();
    }
}
