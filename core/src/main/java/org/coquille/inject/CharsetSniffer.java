package org.coquille.inject;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides which charset a page is in: a byte order mark, else the Content-Type header, else a {@code <meta>}
 * declaration, else ISO-8859-1.
 *
 * <p>The byte order mark comes first because browsers let it override the header (HTML standard, "encoding
 * sniffing"): a UTF-8 file saved with a BOM and served as ISO-8859-1 shows as UTF-8, so the fragment must be UTF-8.
 */
final class CharsetSniffer {

    private CharsetSniffer() {
    }

    /** The page's charset, or null when the header or the page names a charset this JVM does not know. */
    static Charset detect(byte[] page, String headerCharset) {
        return detect(page, page.length, headerCharset);
    }

    /** As {@link #detect(byte[], String)}, for the page in the first {@code length} bytes of {@code page}. */
    static Charset detect(byte[] page, int length, String headerCharset) {
        Charset bom = Bom.charset(page, length);
        if (bom != null) {
            return bom;
        }
        if (headerCharset != null && !headerCharset.isBlank()) {
            return forLabel(headerCharset);
        }
        String declared = MetaCharset.declared(page, length);
        if (declared != null) {
            Charset charset = forLabel(declared);
            // A page that could be read far enough to find this tag is not UTF-16 (HTML standard, prescan).
            return charset != null && charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** The charset for a label such as {@code "ISO-8859-1"}, {@code latin1} or {@code utf8}, or null if unknown. */
    static Charset forLabel(String label) {
        String name = label.strip();
        if (name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '\'')
                && name.charAt(name.length() - 1) == name.charAt(0)) {
            name = name.substring(1, name.length() - 1).strip();
        }
        try {
            return Charset.forName(name.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) { // illegal, unsupported or empty name
            return null;
        }
    }
}
