package org.coquille.inject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A page with a fragment spliced in: the original page's bytes with {@code fragmentLength} bytes inserted at
 * {@code offset}, the fragment having been encoded in {@code charset}.
 *
 * <p>The page is not copied: {@link #writeTo} sends its two halves and the fragment between them, and
 * {@link #writeInOne} splices the fragment into the page's own array when it has room, so serving a decorated page
 * costs no copy of it; {@link #bytes()} builds the joined array when one is needed. The page is the first
 * {@code pageLength} bytes of its array (a pooled array is longer than the page).
 */
public final class Injection {

    private final byte[] page;
    private final int pageLength;
    private final int offset;
    private final byte[] fragment;
    private final Charset charset;

    /**
     * @param page     the page as the application wrote it
     * @param offset   where the fragment goes, from 0 to {@code page.length}
     * @param fragment the encoded fragment
     * @param charset  the page's charset, in which the fragment was encoded
     */
    public Injection(byte[] page, int offset, byte[] fragment, Charset charset) {
        this(page, Objects.requireNonNull(page, "page").length, offset, fragment, charset);
    }

    /**
     * @param page       an array whose first {@code pageLength} bytes are the page as the application wrote it
     * @param pageLength the page's length, at most {@code page.length}
     * @param offset     where the fragment goes, from 0 to {@code pageLength}
     * @param fragment   the encoded fragment
     * @param charset    the page's charset, in which the fragment was encoded
     */
    public Injection(byte[] page, int pageLength, int offset, byte[] fragment, Charset charset) {
        this.page = Objects.requireNonNull(page, "page");
        this.fragment = Objects.requireNonNull(fragment, "fragment");
        this.charset = Objects.requireNonNull(charset, "charset");
        if (pageLength < 0 || pageLength > page.length) {
            throw new IllegalArgumentException("A page of " + pageLength + " bytes in an array of " + page.length);
        }
        if (offset < 0 || offset > pageLength) {
            throw new IllegalArgumentException("Offset " + offset + " lies outside a page of " + pageLength + " bytes");
        }
        this.pageLength = pageLength;
        this.offset = offset;
    }

    /** The byte offset where the fragment starts in the injected page. */
    public int offset() {
        return offset;
    }

    /** The length of the encoded fragment in bytes. */
    public int fragmentLength() {
        return fragment.length;
    }

    /** The page's charset, in which the fragment was encoded. */
    public Charset charset() {
        return charset;
    }

    /** The length of the injected page in bytes, for {@code Content-Length}. */
    public int length() {
        return pageLength + fragment.length;
    }

    /** Writes the injected page: the page up to the offset, the fragment, the rest of the page. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(page, 0, offset);
        out.write(fragment);
        out.write(page, offset, pageLength - offset);
    }

    /**
     * Writes the injected page in one write when the page's array has room for the fragment after the page: the rest
     * of the page moves along (at the body's end, a few bytes) and the fragment goes into the array, which then holds
     * the injected page and no longer the original. Otherwise writes as {@link #writeTo}, leaving the array alone.
     * For the owner of the array (the adapter that held the page back), once.
     */
    public void writeInOne(OutputStream out) throws IOException {
        int length = length();
        if (length > page.length) {
            writeTo(out);
            return;
        }
        System.arraycopy(page, offset, page, offset + fragment.length, pageLength - offset);
        System.arraycopy(fragment, 0, page, offset, fragment.length);
        out.write(page, 0, length);
    }

    /** The injected page as one new array. */
    public byte[] bytes() {
        byte[] out = new byte[length()];
        System.arraycopy(page, 0, out, 0, offset);
        System.arraycopy(fragment, 0, out, offset, fragment.length);
        System.arraycopy(page, offset, out, offset + fragment.length, pageLength - offset);
        return out;
    }
}
