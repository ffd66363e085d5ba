package org.coquille.inject;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Recognises a byte order mark at the start of a page. */
final class Bom {

    private Bom() {
    }

    /** The charset a byte order mark announces, or null if the page starts with none. */
    static Charset charset(byte[] page) {
        return charset(page, page.length);
    }

    /** As {@link #charset(byte[])}, for the page in the first {@code length} bytes of {@code page}. */
    static Charset charset(byte[] page, int length) {
        if (length >= 3 && (page[0] & 0xFF) == 0xEF && (page[1] & 0xFF) == 0xBB && (page[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 4 && page[0] == 0 && page[1] == 0 && (page[2] & 0xFF) == 0xFE && (page[3] & 0xFF) == 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (length >= 4 && (page[0] & 0xFF) == 0xFF && (page[1] & 0xFF) == 0xFE && page[2] == 0 && page[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (length >= 2 && (page[0] & 0xFF) == 0xFE && (page[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (length >= 2 && (page[0] & 0xFF) == 0xFF && (page[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The length of the byte order mark the page starts with, 0 if none. */
    static int length(byte[] page) {
        Charset charset = charset(page);
        if (charset == null) {
            return 0;
        }
        if (charset == StandardCharsets.UTF_8) {
            return 3;
        }
        return charset == StandardCharsets.UTF_16BE || charset == StandardCharsets.UTF_16LE ? 2 : 4;
    }
}
