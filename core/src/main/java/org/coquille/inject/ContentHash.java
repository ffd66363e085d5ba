package org.coquille.inject;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a page's bytes, as a cache key. A cryptographic hash, because page content can come from users and a
 * crafted collision would otherwise splice a fragment at another page's offset.
 */
record ContentHash(long a, long b, long c, long d, int length) {

    static ContentHash of(byte[] page) {
        return of(page, page.length);
    }

    /** The hash of the first {@code length} bytes of {@code page}. */
    static ContentHash of(byte[] page, int length) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        sha256.update(page, 0, length);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        return new ContentHash(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong(), length);
    }
}
