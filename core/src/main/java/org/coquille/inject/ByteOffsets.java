package org.coquille.inject;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Converts between a page's bytes and the text a parser sees: decoding replaces malformed bytes with U+FFFD in one
 * fixed way, so that a character offset in the text maps back to exactly one byte offset.
 */
final class ByteOffsets {

    private ByteOffsets() {
    }

    /** The page decoded the way {@link #of} counts it. */
    static String decode(byte[] page, Charset charset) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(page)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("A replacing decoder reported an error", e);
        }
    }

    /**
     * The byte offset at which the first {@code charOffset} characters of the decoded page end, or -1 if the decoded
     * page is shorter or the offset falls inside a character (between the halves of a surrogate pair).
     */
    static int of(byte[] page, Charset charset, int charOffset) {
        if (charOffset < 0) {
            return -1;
        }
        ByteBuffer in = ByteBuffer.wrap(page);
        CharBuffer out = CharBuffer.allocate(charOffset);
        decoder(charset).decode(in, out, true);
        return out.position() == charOffset ? in.position() : -1;
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
}
