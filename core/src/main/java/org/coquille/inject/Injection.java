package org.coquille.inject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A page with a fragment spliced in: the original page's bytes with {@code fragmentLength} bytes inserted at
 * {@code offset}, the fragment having been encoded in {@code charset}.
 *
 * <p>The page is not copied: {@link #writeTo} sends its two halves and the fragment between them, so serving a
 * decorated page costs no copy of it; {@link #bytes()} builds the joined array when one is needed. Treat the arrays
 * as read-only.
 */
public final class Injection {

    private final byte[] page;
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
        this.page = Objects.requireNonNull(page, "page");
        this.fragment = Objects.requireNonNull(fragment, "fragment");
        this.charset = Objects.requireNonNull(charset, "charset");
        if (offset < 0 || offset > page.length) {
            throw new IllegalArgumentException("Offset " + offset + " lies outside a page of " + page.length + " bytes");
        }
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
        return page.length + fragment.length;
    }

    /** Writes the injected page: the page up to the offset, the fragment, the rest of the page. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(page, 0, offset);
        out.write(fragment);
        out.write(page, offset, page.length - offset);
    }

    /** The injected page as one new array. */
    public byte[] bytes() {
        byte[] out = new byte[length()];
        System.arraycopy(page, 0, out, 0, offset);
        System.arraycopy(fragment, 0, out, offset, fragment.length);
        System.arraycopy(page, offset, out, offset + fragment.length, page.length - offset);
        return out;
    }
}
