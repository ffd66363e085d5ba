package org.coquille.inject;

/** The elements whose content is text up to their own end tag, so that no tag inside them is real. */
final class RawText {

    static final String PLAINTEXT = "plaintext";

    private static final String[] NAMES = {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", PLAINTEXT,
    };

    private RawText() {
    }

    /** The lower-case name if {@code page[nameStart, nameEnd)} names a raw-text element, else null. */
    static String of(byte[] page, int nameStart, int nameEnd) {
        int length = nameEnd - nameStart;
        if (length < 3 || length > 9) {
            return null;
        }
        for (String name : NAMES) {
            if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Where the end tag of raw text starting at {@code from} begins: the first {@code </name} followed by whitespace,
     * '/' or '>', in any case. -1 if the page ends first.
     */
    static int endTagStart(byte[] page, int from, String name) {
        int n = page.length;
        int afterName = name.length() + 2;
        int lt = from;
        while ((lt = Ascii.indexOf(page, (byte) '<', lt, n)) >= 0) {
            int end = lt + afterName;
            if (end < n && page[lt + 1] == '/' && Ascii.startsWithIgnoreCase(page, lt + 2, n, name)) {
                byte b = page[end];
                if (b == '>' || b == '/' || Ascii.isWhitespace(b)) {
                    return lt;
                }
            }
            lt++;
        }
        return -1;
    }
}
