package org.coquille.inject;

/**
 * Finds where the end of a page's body is in its raw bytes: before the last real {@code </body>}; failing that before
 * the last real {@code </html>}; failing that at the end of the page, when the page ends in ordinary content and looks
 * like a whole document rather than a fragment of one.
 *
 * <p>"Real" means seen by {@link MarkupScanner} as a tag, not as text of a script, comment, textarea and so on. A page
 * with a {@code <frameset>} before any {@code <body>} has no body to add to.
 */
final class BodyEnd implements MarkupScanner.Visitor {

    private int lastBodyClose = -1;
    private int lastHtmlClose = -1;
    private boolean bodyStarted;
    private boolean documentTagSeen;
    private boolean frameset;

    private BodyEnd() {
    }

    /** The byte offset where body-end content goes, or -1 when the page must be left alone. */
    static int find(byte[] page) {
        BodyEnd locator = new BodyEnd();
        MarkupScanner.Outcome outcome = MarkupScanner.scan(page, locator);
        if (locator.frameset) {
            return -1;
        }
        if (locator.lastBodyClose >= 0) {
            return locator.lastBodyClose;
        }
        if (locator.lastHtmlClose >= 0) {
            return locator.lastHtmlClose;
        }
        boolean wholeDocument = locator.documentTagSeen || startsWithDoctype(page);
        return outcome == MarkupScanner.Outcome.END_OF_PAGE && wholeDocument ? page.length : -1;
    }

    @Override
    public boolean startTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body")) {
            bodyStarted = true;
            documentTagSeen = true;
        } else if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "frameset") && !bodyStarted) {
            frameset = true;
            return false;
        } else if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "html")
                || Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "head")
                || Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "title")) {
            documentTagSeen = true;
        }
        return true;
    }

    @Override
    public boolean endTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body")) {
            lastBodyClose = tagStart;
        } else if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "html")) {
            lastHtmlClose = tagStart;
        }
        return true;
    }

    private static boolean startsWithDoctype(byte[] page) {
        int i = Bom.length(page);
        while (i < page.length && Ascii.isWhitespace(page[i])) {
            i++;
        }
        return Ascii.startsWithIgnoreCase(page, i, page.length, "<!doctype");
    }
}
