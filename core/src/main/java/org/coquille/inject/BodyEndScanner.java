package org.coquille.inject;

/**
 * Finds where the default placement goes in a page's raw bytes, without decoding or parsing it: before
 * the last real {@code </body>} (one outside scripts, styles, comments, textareas, titles and CDATA),
 * else before the last real {@code </html>}, else at the end. Also tells a frameset page, which is left
 * alone. Works on any ASCII-compatible charset (single-byte ones and UTF-8).
 */
final class BodyEndScanner {

    /** Where to insert, and whether the page is a frameset. */
    record Result(int offset, boolean frameset) { }

    /** Elements whose content is text, where a {@code </body>} means nothing. */
    private static final String[] RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};

    private BodyEndScanner() {
    }

    static Result scan(byte[] page) {
        int length = page.length;
        int bodyEnd = -1;
        int htmlEnd = -1;
        boolean sawBody = false;
        int i = 0;
        while (i < length) {
            int lt = Ascii.indexOf(page, (byte) '<', i, length);
            if (lt < 0) {
                break;
            }
            if (Ascii.startsWith(page, lt, length, "<!--")) {
                int end = indexOf(page, "-->", lt + 4);
                if (end < 0) {
                    break; // an unterminated comment runs to the end
                }
                i = end + 3;
                continue;
            }
            if (Ascii.startsWith(page, lt, length, "<![CDATA[")) {
                int end = indexOf(page, "]]>", lt + 9);
                i = end < 0 ? length : end + 3;
                continue;
            }
            if (Ascii.startsWithIgnoreCase(page, lt, length, "<plaintext")) {
                break; // everything after is text
            }
            boolean closing = lt + 1 < length && page[lt + 1] == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < length && (Ascii.isLetter(page[nameEnd]) || (nameEnd > nameStart && isNameChar(page[nameEnd])))) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                i = lt + 1; // "<" followed by no tag name is text
                continue;
            }
            int tagEnd = tagEnd(page, nameEnd);
            if (closing) {
                if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body")) {
                    bodyEnd = lt;
                } else if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "html")) {
                    htmlEnd = lt;
                }
            } else {
                if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "frameset") && !sawBody) {
                    return new Result(length, true);
                }
                if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body")) {
                    sawBody = true;
                }
                String raw = rawTextName(page, nameStart, nameEnd);
                if (raw != null && tagEnd < length) {
                    int close = closingTag(page, tagEnd, raw);
                    i = close < 0 ? length : close;
                    continue;
                }
            }
            i = tagEnd;
        }
        int offset = bodyEnd >= 0 ? bodyEnd : htmlEnd >= 0 ? htmlEnd : length;
        return new Result(offset, false);
    }

    private static boolean isNameChar(byte b) {
        return Ascii.isLetter(b) || (b >= '0' && b <= '9') || b == '-' || b == ':' || b == '_';
    }

    /** The index after the tag's closing {@code >}, skipping quoted attribute values that may hold {@code >}. */
    private static int tagEnd(byte[] page, int from) {
        int i = from;
        byte quote = 0;
        while (i < page.length) {
            byte b = page[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                if (i > 0 && (page[i - 1] == '=' || Ascii.isWhitespace(page[i - 1]))) {
                    quote = b;
                }
            } else if (b == '>') {
                return i + 1;
            }
            i++;
        }
        return page.length;
    }

    private static String rawTextName(byte[] page, int from, int to) {
        for (String name : RAW_TEXT) {
            if (Ascii.equalsIgnoreCase(page, from, to, name)) {
                return name;
            }
        }
        return null;
    }

    /** The index of the {@code </name} that ends a raw-text element, or -1. */
    private static int closingTag(byte[] page, int from, String name) {
        int i = from;
        while (true) {
            int lt = Ascii.indexOf(page, (byte) '<', i, page.length);
            if (lt < 0) {
                return -1;
            }
            if (lt + 1 < page.length && page[lt + 1] == '/'
                    && Ascii.startsWithIgnoreCase(page, lt + 2, page.length, name)) {
                int after = lt + 2 + name.length();
                if (after >= page.length || !isNameChar(page[after])) {
                    return lt;
                }
            }
            i = lt + 1;
        }
    }

    private static int indexOf(byte[] page, String text, int from) {
        int first = text.charAt(0);
        for (int i = from; i <= page.length - text.length(); i++) {
            if (page[i] == first && Ascii.startsWith(page, i, page.length, text)) {
                return i;
            }
        }
        return -1;
    }
}
