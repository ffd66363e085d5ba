package org.coquille.inject;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A bounded pool of the arrays that hold pages back for their widgets, so that a held page does not cost a page-sized
 * allocation (and its zeroing and collection) on every request.
 *
 * <p>Arrays come in the powers of two from {@link #SMALLEST} (16 KiB) to {@link #LARGEST} (1 MiB). Each size keeps at
 * most an equal share of the pool's total, as many arrays as fit in it; so the pool keeps as many arrays of a size as
 * requests used at once, and never more than its total, whatever the pages ({@code 16 MiB} by default: 2 arrays of 1
 * MiB, 4 of 512 KiB... 146 of 16 KiB). An array that finds its size's share full is left to the garbage collector; a
 * page larger than {@link #LARGEST} gets an array of its own size, allocated and dropped as before. Arrays leave the
 * pool only inside a {@link PageBuffer}, which gives its array back once. Thread-safe.
 *
 * <pre>{@code
 * PageBuffer held = pageBuffers.take(announcedLength);
 * try {
 *     held.write(bytes, 0, bytes.length);
 *     ... use held.bytes(), held.length() ...
 * } finally {
 *     held.release();
 * }
 * }</pre>
 */
public final class PageBuffers {

    /** The smallest array, 16 KiB. */
    public static final int SMALLEST = 16 * 1024;
    /** The largest array the pool keeps, 1 MiB; a larger page gets an array of its own. */
    public static final int LARGEST = 1024 * 1024;
    /** The total the pool keeps unless told otherwise: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private static final int SIZES = Integer.numberOfTrailingZeros(LARGEST) - Integer.numberOfTrailingZeros(SMALLEST) + 1;

    /** The kept arrays of each size, smallest first; null for a size whose share holds no array. */
    private final ArrayBlockingQueue<byte[]>[] kept;
    private final long maxBytes;

    /** @param maxBytes the most the pool keeps, in bytes; 0 keeps nothing (every page allocates) */
    @SuppressWarnings("unchecked")
    public PageBuffers(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.kept = new ArrayBlockingQueue[SIZES];
        long share = maxBytes / SIZES;
        for (int i = 0; i < SIZES; i++) {
            long count = Math.min(share / sizeAt(i), Integer.MAX_VALUE);
            kept[i] = count == 0 ? null : new ArrayBlockingQueue<>((int) count);
        }
    }

    /**
     * A buffer for a page of about {@code expectedLength} bytes (the length the page announced, or a guess); it grows
     * past that if the page does.
     */
    public PageBuffer take(int expectedLength) {
        return new PageBuffer(this, Math.max(expectedLength, 0));
    }

    /** The most the pool keeps, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** How many bytes of arrays the pool holds now, ready to be taken. */
    public long keptBytes() {
        long total = 0;
        for (int i = 0; i < SIZES; i++) {
            total += kept[i] == null ? 0 : (long) kept[i].size() * sizeAt(i);
        }
        return total;
    }

    /** An array of at least {@code length} bytes: a kept one if there is one, else a new one. */
    byte[] acquire(int length) {
        int size = sizeIndex(length);
        if (size < 0) {
            return new byte[length];
        }
        byte[] array = kept[size] == null ? null : kept[size].poll();
        return array != null ? array : new byte[sizeAt(size)];
    }

    /** Keeps {@code array} for another page if its size has room; the caller no longer uses it. */
    void recycle(byte[] array) {
        int size = sizeIndex(array.length);
        if (size >= 0 && array.length == sizeAt(size) && kept[size] != null) {
            kept[size].offer(array); // refused when the size's share is full: the collector takes it
        }
    }

    /** The index of the smallest size that holds {@code length} bytes, or -1 when none does. */
    private static int sizeIndex(int length) {
        if (length > LARGEST) {
            return -1;
        }
        int rounded = length <= SMALLEST ? SMALLEST : Integer.highestOneBit(length - 1) << 1;
        return Integer.numberOfTrailingZeros(rounded) - Integer.numberOfTrailingZeros(SMALLEST);
    }

    private static int sizeAt(int index) {
        return SMALLEST << index;
    }
}
