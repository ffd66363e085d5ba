package org.coquille.inject;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes a fragment of HTML in a page's charset, writing each character the charset cannot hold as a numeric
 * character reference ({@code &#10003;}), and an unpaired surrogate as {@code &#65533;}.
 *
 * <p>For ASCII-compatible charsets only (see {@link AsciiCompatible}): references are written as ASCII bytes. References
 * mean nothing inside {@code <script>} or {@code <style>}, so such parts of a fragment should be ASCII.
 */
final class FragmentEncoder {

    private FragmentEncoder() {
    }

    static byte[] encode(String fragment, Charset charset) {
        if (isAscii(fragment)) {
            return fragment.getBytes(StandardCharsets.US_ASCII); // the same bytes in every ASCII-compatible charset
        }
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer in = CharBuffer.wrap(fragment);
        ByteBuffer out = ByteBuffer.allocate(fragment.length() + 16);
        while (true) {
            CoderResult result = encoder.encode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                out = grow(out, out.capacity());
            } else {
                int codePoint = result.isUnmappable() ? Character.codePointAt(in, 0) : 0xFFFD;
                in.position(in.position() + result.length());
                byte[] reference = ("&#" + codePoint + ';').getBytes(StandardCharsets.US_ASCII);
                if (out.remaining() < reference.length) {
                    out = grow(out, reference.length + out.capacity());
                }
                out.put(reference);
            }
        }
        while (encoder.flush(out).isOverflow()) {
            out = grow(out, out.capacity());
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer grow(ByteBuffer out, int extra) {
        ByteBuffer bigger = ByteBuffer.allocate(out.capacity() + extra);
        out.flip();
        return bigger.put(out);
    }
}
