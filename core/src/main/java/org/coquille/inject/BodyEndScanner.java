package org.coquille.inject;

/**
 * Finds where the default placement goes in a page's raw bytes, without decoding or parsing it: before
 * the last real {@code </body>} (one outside scripts, styles, comments, textareas, titles and CDATA),
 * else before the last real {@code </html>}, else at the end. Also tells a frameset page, which is left
 * alone. Works on any ASCII-compatible charset (single-byte ones and UTF-8).
 *
 * <p>Fast path: most pages end {@code </body></html>}. The last {@code </body} is taken at once when
 * nothing after it could close a comment, CDATA or raw-text element, since then it cannot lie inside one
 * (unless that one was never closed, in which case the page is already broken and the widgets are merely
 * not shown). Anything else gets the full forward scan.
 */
final class BodyEndScanner {

    /** Where to insert, and whether the page is a frameset. */
    record Result(int offset, boolean frameset) { }

    private BodyEndScanner() {
    }

    static Result scan(byte[] page) {
        int candidate = lastBodyEnd(page);
        if (candidate >= 0 && quietAfter(page, candidate + 6)) {
            return new Result(candidate, false);
        }
        return fullScan(page);
    }

    /** The last {@code </body} followed by {@code >}, {@code /} or white space, or -1. */
    private static int lastBodyEnd(byte[] page) {
        for (int i = page.length - 7; i >= 0; i--) {
            if (page[i] == '<' && page[i + 1] == '/' && Ascii.startsWithIgnoreCase(page, i + 2, page.length, "body")) {
                byte after = page[i + 6];
                if (after == '>' || after == '/' || Ascii.isWhitespace(after)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether nothing from {@code from} on could end a comment, CDATA, a raw-text element or a frameset. */
    private static boolean quietAfter(byte[] page, int from) {
        for (int i = from; i < page.length; i++) {
            byte b = page[i];
            if (b == '>' && i >= 2 && (page[i - 1] == '-' && page[i - 2] == '-' || page[i - 1] == ']' && page[i - 2] == ']')) {
                return false;
            }
            if (b == '<' && i + 1 < page.length && page[i + 1] == '/') {
                int nameEnd = nameEnd(page, i + 2);
                if (rawTextName(page, i + 2, nameEnd) != null || Ascii.equalsIgnoreCase(page, i + 2, nameEnd, "frameset")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Result fullScan(byte[] page) {
        int length = page.length;
        int bodyEnd = -1;
        int htmlEnd = -1;
        boolean sawBody = false;
        int i = 0;
        while (true) {
            while (i < length && page[i] != '<') {
                i++;
            }
            if (i + 1 >= length) {
                break;
            }
            int lt = i;
            byte next = page[lt + 1];
            if (next == '!') {
                if (Ascii.startsWith(page, lt, length, "<!--")) {
                    int end = indexOf(page, "-->", lt + 4);
                    if (end < 0) {
                        break; // an unterminated comment runs to the end
                    }
                    i = end + 3;
                } else if (Ascii.startsWith(page, lt, length, "<![CDATA[")) {
                    int end = indexOf(page, "]]>", lt + 9);
                    i = end < 0 ? length : end + 3;
                } else {
                    i = skipTo(page, lt + 2, (byte) '>'); // doctype
                }
                continue;
            }
            if (next == '/') {
                int nameEnd = nameEnd(page, lt + 2);
                if (nameEnd == lt + 2) {
                    i = lt + 1;
                    continue;
                }
                if (Ascii.equalsIgnoreCase(page, lt + 2, nameEnd, "body")) {
                    bodyEnd = lt;
                } else if (Ascii.equalsIgnoreCase(page, lt + 2, nameEnd, "html")) {
                    htmlEnd = lt;
                }
                i = skipTo(page, nameEnd, (byte) '>');
                continue;
            }
            if (!Ascii.isLetter(next)) {
                i = lt + 1; // "<" followed by no tag name is text
                continue;
            }
            int nameStart = lt + 1;
            int nameEnd = nameEnd(page, nameStart);
            String raw = null;
            switch (Ascii.toLower(next)) {
                case 'b' -> sawBody |= Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body");
                case 'f' -> {
                    if (!sawBody && Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "frameset")) {
                        return new Result(length, true);
                    }
                }
                case 'p' -> {
                    if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "plaintext")) {
                        return new Result(bodyEnd >= 0 ? bodyEnd : htmlEnd >= 0 ? htmlEnd : length, false);
                    }
                }
                case 's', 't', 'x', 'i', 'n' -> raw = rawTextName(page, nameStart, nameEnd);
                default -> {
                    // an ordinary tag
                }
            }
            i = tagEnd(page, nameEnd);
            if (raw != null && i < length) {
                int close = closingTag(page, i, raw);
                i = close < 0 ? length : close;
            }
        }
        int offset = bodyEnd >= 0 ? bodyEnd : htmlEnd >= 0 ? htmlEnd : length;
        return new Result(offset, false);
    }

    private static int nameEnd(byte[] page, int from) {
        int i = from;
        while (i < page.length && isNameChar(page[i])) {
            i++;
        }
        return i;
    }

    private static int skipTo(byte[] page, int from, byte b) {
        int at = Ascii.indexOf(page, b, from, page.length);
        return at < 0 ? page.length : at + 1;
    }

    private static boolean isNameChar(byte b) {
        return Ascii.isLetter(b) || (b >= '0' && b <= '9') || b == '-' || b == ':' || b == '_';
    }

    /** The index after the tag's closing {@code >}, skipping quoted attribute values that may hold {@code >} or {@code <}. */
    private static int tagEnd(byte[] page, int from) {
        int length = page.length;
        for (int i = from; i < length; i++) {
            byte b = page[i];
            if (b == '>') {
                return i + 1;
            }
            if (b == '"' || b == '\'') {
                int close = Ascii.indexOf(page, b, i + 1, length);
                if (close < 0) {
                    return length;
                }
                i = close;
            }
        }
        return length;
    }

    /** The raw-text element named by {@code page[from, to)}, or {@code null}; decided by length first, as most tags are short. */
    private static String rawTextName(byte[] page, int from, int to) {
        String candidate = switch (to - from) {
            case 3 -> "xmp";
            case 5 -> Ascii.toLower(page[from]) == 's' ? "style" : "title";
            case 6 -> Ascii.toLower(page[from]) == 's' ? "script" : "iframe";
            case 7 -> "noembed";
            case 8 -> Ascii.toLower(page[from]) == 't' ? "textarea" : "noframes";
            default -> null;
        };
        return candidate != null && Ascii.equalsIgnoreCase(page, from, to, candidate) ? candidate : null;
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
