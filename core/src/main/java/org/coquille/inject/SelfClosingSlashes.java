package org.coquille.inject;

import java.util.Arrays;

/**
 * A copy of a page in which the slash of each self-closing HTML start tag ({@code <div/>}, {@code <a name="x"/>}) is
 * a space: browsers ignore that slash and leave the element open, where jsoup, lenient with XHTML, closes it. The
 * copy, as long as the page, is what {@link ClosingTags} gives jsoup, so that it sees what a browser leaves open.
 * Inside SVG and MathML the slash is kept: there it closes the element in browsers too.
 */
final class SelfClosingSlashes implements MarkupScanner.Visitor {

    private final byte[] copy;
    private int foreign;

    private SelfClosingSlashes(byte[] copy) {
        this.copy = copy;
    }

    /** The first {@code length} bytes of the page, each HTML self-closing slash made a space. */
    static byte[] dropped(byte[] page, int length) {
        byte[] copy = Arrays.copyOf(page, length);
        MarkupScanner.scan(copy, new SelfClosingSlashes(copy));
        return copy;
    }

    @Override
    public boolean startTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        int slash = tagEnd - 2;
        if (foreignElement(page, nameStart, nameEnd) && page[slash] != '/') {
            foreign++;
        }
        if (foreign == 0 && page[slash] == '/' && (slash == nameEnd || Ascii.isWhitespace(page[slash - 1])
                || page[slash - 1] == '"' || page[slash - 1] == '\'')) {
            copy[slash] = ' '; // not in an unquoted value (<a href=x/>), where the slash is the value's
        }
        return true;
    }

    @Override
    public boolean endTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        if (foreign > 0 && foreignElement(page, nameStart, nameEnd)) {
            foreign--;
        }
        return true;
    }

    private static boolean foreignElement(byte[] page, int nameStart, int nameEnd) {
        return Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "svg")
                || Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "math");
    }
}
