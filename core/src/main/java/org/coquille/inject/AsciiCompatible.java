package org.coquille.inject;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether a charset writes markup characters as their ASCII bytes and never uses those bytes for anything else,
 * so that a page in it can be scanned, and a fragment spliced, byte by byte.
 *
 * <p>True for UTF-8, every single-byte charset built on ASCII (ISO-8859-*, windows-125*) and the East Asian multi-byte
 * charsets whose multi-byte sequences start with a byte above 0x7F (Shift_JIS, EUC-*, GBK, Big5). False for UTF-16 and
 * UTF-32, EBCDIC, and the stateful ISO-2022 family, whose escape modes reuse ASCII bytes.
 */
final class AsciiCompatible {

    private static final String MARKUP = "\t\n\f\r !\"#&'-/0123456789;<=>?[]abcdefghijklmnopqrstuvwxyz"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final Map<Charset, Boolean> KNOWN = new ConcurrentHashMap<>();

    private AsciiCompatible() {
    }

    static boolean test(Charset charset) {
        return KNOWN.computeIfAbsent(charset, AsciiCompatible::check);
    }

    private static boolean check(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        if (name.contains("2022") || name.contains("JISAUTODETECT") || name.startsWith("UTF-7") || !charset.canEncode()) {
            return false;
        }
        try {
            CharsetEncoder encoder = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var encoded = encoder.encode(CharBuffer.wrap(MARKUP));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return Arrays.equals(bytes, MARKUP.getBytes(StandardCharsets.US_ASCII));
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return false;
        }
    }
}
