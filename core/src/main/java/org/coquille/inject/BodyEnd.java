package org.coquille.inject;

/**
 * Finds where the end of a page's body is in its raw bytes: before the last real {@code </body>}; failing that before
 * the last real {@code </html>}; failing that at the end of the page, when the page ends in ordinary content and looks
 * like a whole document rather than a fragment of one.
 *
 * <p>"Real" means seen by {@link MarkupScanner} as a tag, not as text of a script, comment, textarea and so on. The scan
 * is unsure of the place when the page may leave an element open there (see {@link TagBalance}) or has a
 * {@code <frameset>} before any {@code <body>} (a frameset page has no body to add to, but a browser ignores a
 * {@code <frameset>} after content): an HTML parser settles it ({@link ClosingTags}).
 */
final class BodyEnd implements MarkupScanner.Visitor {

    /**
     * Where body-end content goes, or -1 when the page must be left alone; {@code unsure} when an HTML parser must say
     * what is open there, or whether the page has a body at all.
     */
    record Scan(int offset, boolean unsure) {
    }

    private final TagBalance balance = new TagBalance();
    private int lastBodyClose = -1;
    private boolean openAtBodyClose;
    private int lastHtmlClose = -1;
    private boolean openAtHtmlClose;
    private boolean bodyStarted;
    private boolean documentTagSeen;
    private boolean frameset;

    private BodyEnd() {
    }

    /** The byte offset where body-end content goes, or -1 when the page must be left alone; as {@link #scan}. */
    static int find(byte[] page) {
        return scan(page).offset();
    }

    /** Where body-end content goes, and whether the scan is unsure of what is open there. */
    static Scan scan(byte[] page) {
        BodyEnd locator = new BodyEnd();
        MarkupScanner.Outcome outcome = MarkupScanner.scan(page, locator);
        if (locator.lastBodyClose >= 0) {
            return new Scan(locator.lastBodyClose, locator.frameset || locator.openAtBodyClose);
        }
        if (locator.lastHtmlClose >= 0) {
            return new Scan(locator.lastHtmlClose, locator.frameset || locator.openAtHtmlClose);
        }
        boolean wholeDocument = locator.documentTagSeen || startsWithDoctype(page);
        return outcome == MarkupScanner.Outcome.END_OF_PAGE && wholeDocument
                ? new Scan(page.length, locator.frameset || !locator.balance.balanced())
                : new Scan(-1, false);
    }

    @Override
    public boolean startTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        balance.start(page, nameStart, nameEnd, page[tagEnd - 2] == '/');
        if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body")) {
            bodyStarted = true;
            documentTagSeen = true;
        } else if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "frameset") && !bodyStarted) {
            frameset = true;
        } else if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "html")
                || Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "head")
                || Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "title")) {
            documentTagSeen = true;
        }
        return true;
    }

    @Override
    public boolean endTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd) {
        balance.end(page, nameStart, nameEnd);
        if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "body")) {
            lastBodyClose = tagStart;
            openAtBodyClose = !balance.balanced();
        } else if (Ascii.equalsIgnoreCase(page, nameStart, nameEnd, "html")) {
            lastHtmlClose = tagStart;
            openAtHtmlClose = !balance.balanced();
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
