package org.coquille.inject;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A page with a fragment spliced in: {@code bytes} is the original page with {@code fragmentLength} bytes inserted at
 * {@code offset}, the fragment having been encoded in {@code charset}.
 *
 * <p>The array is not copied; treat it as read-only.
 *
 * @param bytes          the injected page
 * @param offset         the byte offset where the fragment starts in {@code bytes}
 * @param fragmentLength the length of the encoded fragment in bytes
 * @param charset        the page's charset, in which the fragment was encoded
 */
public record Injection(byte[] bytes, int offset, int fragmentLength, Charset charset) {

    public Injection {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(charset, "charset");
        if (offset < 0 || fragmentLength < 0 || offset + fragmentLength > bytes.length) {
            throw new IllegalArgumentException("Fragment [" + offset + ", +" + fragmentLength
                    + ") lies outside a page of " + bytes.length + " bytes");
        }
    }
}
