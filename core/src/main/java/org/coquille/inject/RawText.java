package org.coquille.inject;

/** The elements whose content is text up to their own end tag, so that no tag inside them is real. */
final class RawText {

    static final String PLAINTEXT = "plaintext";

    private RawText() {
    }

    /** The lower-case name if {@code page[nameStart, nameEnd)} names a raw-text element, else null. */
    static String of(byte[] page, int nameStart, int nameEnd) {
        byte first = Ascii.toLower(page[nameStart]);
        String candidate = switch (nameEnd - nameStart) {
            case 3 -> "xmp";
            case 5 -> first == 's' ? "style" : "title";
            case 6 -> first == 's' ? "script" : "iframe";
            case 7 -> "noembed";
            case 8 -> first == 't' ? "textarea" : first == 'n' ? (Ascii.toLower(page[nameStart + 2]) == 'f'
                    ? "noframes" : "noscript") : null;
            case 9 -> PLAINTEXT;
            default -> null;
        };
        return candidate != null && Ascii.equalsIgnoreCase(page, nameStart, nameEnd, candidate) ? candidate : null;
    }

    /**
     * Where the end tag of raw text starting at {@code from} begins: the first {@code </name} followed by whitespace,
     * '/' or '>', in any case; for a script, the first one outside its escaped parts (see {@link ScriptText}). -1 if
     * the page ends first.
     */
    static int endTagStart(byte[] page, int from, String name) {
        if (name.equals("script")) {
            return ScriptText.endTagStart(page, from);
        }
        int lt = from;
        while ((lt = Ascii.indexOf(page, (byte) '<', lt, page.length)) >= 0) {
            if (isTag(page, lt, true, name)) {
                return lt;
            }
            lt++;
        }
        return -1;
    }

    /** Whether {@code page[lt]} starts {@code <name} (or {@code </name}) followed by whitespace, '/' or '>'. */
    static boolean isTag(byte[] page, int lt, boolean endTag, String name) {
        int at = endTag ? lt + 2 : lt + 1;
        int after = at + name.length();
        if (after >= page.length || (endTag && page[lt + 1] != '/')
                || !Ascii.startsWithIgnoreCase(page, at, page.length, name)) {
            return false;
        }
        byte b = page[after];
        return b == '>' || b == '/' || Ascii.isWhitespace(b);
    }
}
