package org.coquille.inject;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsoup.parser.Parser;

/**
 * Reads the text of a page's first real {@code <title>} from its raw bytes, looking no further than the head: the scan
 * stops at {@code <body>}, {@code <frameset>} or {@code </head>}.
 *
 * <p>The text is decoded (ISO-8859-1 and US-ASCII as windows-1252, as browsers do), entities are resolved and runs of
 * whitespace become one space, as in {@code document.title}.
 */
final class PageTitle implements MarkupScanner.Visitor {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private int textStart = -1;
    private int textEnd = -1;

    private PageTitle() {
    }

    /** The title, or null if the page has none, an empty one, or is not in an ASCII-compatible charset. */
    static String of(byte[] page, Charset charset) {
        if (!AsciiCompatible.test(charset)) {
            return null;
        }
        PageTitle reader = new PageTitle();
        MarkupScanner.scan(page, reader);
        if (reader.textEnd < 0) {
            return null;
        }
        Charset decoding = charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
                ? WINDOWS_1252 : charset;
        String raw = new String(page, reader.textStart, reader.textEnd - reader.textStart, decoding);
        String title = collapseWhitespace(Parser.unescapeEntities(raw, false));
        return title.isEmpty() ? null : title;
    }

    @Override
    public boolean startTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "title")) {
            textStart = tagEnd;
            return true;
        }
        return !Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body")
                && !Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "frameset");
    }

    @Override
    public boolean endTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        if (textStart >= 0) { // the title's text is raw: the next end tag is its own
            textEnd = tagStart;
            return false;
        }
        return !Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "head");
    }

    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
