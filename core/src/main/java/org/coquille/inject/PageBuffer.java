package org.coquille.inject;

/**
 * One page held back, in an array from {@link PageBuffers}: the bytes written so far ({@link #bytes()} up to
 * {@link #length()}), growing into a bigger array as the page does. {@link #release()} gives the array back, once; after
 * it the buffer is empty and takes no more bytes. For one request at a time: not thread-safe.
 */
public final class PageBuffer {

    private static final byte[] RELEASED = new byte[0];

    private final PageBuffers pool;
    private byte[] bytes;
    private int length;

    PageBuffer(PageBuffers pool, int expectedLength) {
        this.pool = pool;
        this.bytes = pool.acquire(expectedLength);
    }

    /** Appends {@code len} bytes of {@code b} from {@code off}. */
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureRoom(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    /**
     * Appends the bytes {@code source} has left, and moves its position past them: a proxy holds a page from the
     * buffers its HTTP client reads into, direct ones included, with one copy.
     */
    public void write(java.nio.ByteBuffer source) {
        int len = source.remaining();
        ensureRoom(len);
        source.get(bytes, length, len);
        length += len;
    }

    /** Appends one byte. */
    public void write(int b) {
        ensureRoom(1);
        bytes[length++] = (byte) b;
    }

    /**
     * The array holding the page, from index 0 to {@link #length()}; what lies after is not the page (it may be what
     * another page left there). The array changes when the page grows: ask again after a write.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** How many bytes of the page were written. */
    public int length() {
        return length;
    }

    /** Forgets what was written, keeping the array. */
    public void clear() {
        length = 0;
    }

    /** Gives the array back to the pool; the buffer is then empty for good. Calling it again does nothing. */
    public void release() {
        byte[] array = bytes;
        if (array == RELEASED) {
            return;
        }
        bytes = RELEASED;
        length = 0;
        pool.recycle(array);
    }

    /** Whether {@link #release()} was called. */
    public boolean released() {
        return bytes == RELEASED;
    }

    private void ensureRoom(int more) {
        if (bytes == RELEASED) {
            throw new IllegalStateException("This page buffer was released");
        }
        int needed = length + more;
        if (needed < 0) {
            throw new OutOfMemoryError("A page over 2 GiB");
        }
        if (needed <= bytes.length) {
            return;
        }
        // doubling, so a page of unknown length is copied less than once over as it grows
        byte[] bigger = pool.acquire((int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length)));
        System.arraycopy(bytes, 0, bigger, 0, length);
        byte[] old = bytes;
        bytes = bigger;
        pool.recycle(old);
    }

    @Override
    public String toString() {
        return "PageBuffer[" + length + " of " + bytes.length + " bytes]";
    }
}
