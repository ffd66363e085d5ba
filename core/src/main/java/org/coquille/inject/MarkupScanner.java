package org.coquille.inject;

/**
 * Walks the raw bytes of a page in an ASCII-compatible charset the way an HTML tokenizer does, reporting start and end
 * tags and stepping over what cannot hold tags: comments, {@code <![CDATA[...]]>}, {@code <!...>} and {@code <?...>}
 * declarations, and the text of {@code script}, {@code style}, {@code textarea}, {@code title}, {@code xmp},
 * {@code iframe}, {@code noembed}, {@code noframes} and {@code noscript} (as a browser with scripting enabled does).
 *
 * <p>Not modelled: the script "escape" states ({@code <!--<script>} inside a script), foreign (SVG, MathML) content;
 * CDATA is skipped to {@code ]]>} everywhere, which treats more of the page as text than a browser would.
 */
final class MarkupScanner {

    /** How a scan ended. */
    enum Outcome {
        /** The page ended in ordinary content. */
        END_OF_PAGE,
        /**
         * The page ended inside a tag, comment, raw text or {@code <plaintext>}, or with a {@code <} or {@code </} that
         * would join what follows: nothing can be appended to it.
         */
        UNTERMINATED,
        /** The visitor asked to stop. */
        STOPPED
    }

    /** Receives the tags found; each method returns false to stop the scan. */
    interface Visitor {

        /**
         * A start tag {@code page[tagStart, tagEnd)} whose name is {@code page[nameStart, nameEnd)}.
         */
        boolean startTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd);

        /** An end tag {@code page[tagStart, tagEnd)} whose name is {@code page[nameStart, nameEnd)}. */
        boolean endTag(byte[] page, int tagStart, int nameStart, int nameEnd, int tagEnd);
    }

    private MarkupScanner() {
    }

    static Outcome scan(byte[] page, Visitor visitor) {
        int n = page.length;
        int i = 0;
        while (true) {
            int lt = Ascii.indexOf(page, (byte) '<', i, n);
            if (lt < 0) {
                return Outcome.END_OF_PAGE;
            }
            if (lt + 1 >= n) {
                return Outcome.UNTERMINATED; // a lone '<' would join whatever is appended
            }
            byte next = page[lt + 1];
            if (Ascii.isLetter(next)) {
                int nameStart = lt + 1;
                int nameEnd = tagNameEnd(page, nameStart + 1, n);
                int tagEnd = TagEnd.after(page, nameEnd);
                if (tagEnd < 0) {
                    return Outcome.UNTERMINATED;
                }
                if (!visitor.startTag(page, lt, nameStart, nameEnd, tagEnd)) {
                    return Outcome.STOPPED;
                }
                String rawText = RawText.of(page, nameStart, nameEnd);
                if (rawText == null) {
                    i = tagEnd;
                } else if (rawText == RawText.PLAINTEXT) {
                    return Outcome.UNTERMINATED;
                } else {
                    i = RawText.endTagStart(page, tagEnd, rawText);
                    if (i < 0) {
                        return Outcome.UNTERMINATED;
                    }
                }
            } else if (next == '/') {
                if (lt + 2 >= n) {
                    return Outcome.UNTERMINATED; // "</" would join whatever is appended
                }
                byte first = page[lt + 2];
                if (Ascii.isLetter(first)) {
                    int nameStart = lt + 2;
                    int nameEnd = tagNameEnd(page, nameStart + 1, n);
                    int tagEnd = TagEnd.after(page, nameEnd);
                    if (tagEnd < 0) {
                        return Outcome.UNTERMINATED;
                    }
                    if (!visitor.endTag(page, lt, nameStart, nameEnd, tagEnd)) {
                        return Outcome.STOPPED;
                    }
                    i = tagEnd;
                } else if (first == '>') {
                    i = lt + 3; // "</>" is dropped
                } else {
                    i = bogusCommentEnd(page, lt + 2);
                }
            } else if (next == '!') {
                if (Ascii.startsWith(page, lt, n, "<!--")) {
                    i = commentEnd(page, lt + 4);
                } else if (Ascii.startsWith(page, lt, n, "<![CDATA[")) {
                    i = cdataEnd(page, lt + 9);
                } else {
                    i = bogusCommentEnd(page, lt + 2);
                }
            } else if (next == '?') {
                i = bogusCommentEnd(page, lt + 2);
            } else {
                i = lt + 1; // a '<' in text
            }
            if (i < 0) {
                return Outcome.UNTERMINATED;
            }
        }
    }

    /** The end of a tag name starting before {@code i}: the first whitespace, '/' or '>'. */
    static int tagNameEnd(byte[] page, int i, int limit) {
        while (i < limit) {
            byte b = page[i];
            if (b == '>' || b == '/' || Ascii.isWhitespace(b)) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * The index after a comment whose text starts at {@code i} (just after {@code <!--}), or -1 if unterminated.
     * Handles {@code <!-->}, {@code <!--->}, {@code -->} and {@code --!>}; comments do not nest.
     */
    static int commentEnd(byte[] page, int i) {
        return commentEnd(page, i, page.length);
    }

    /** As {@link #commentEnd(byte[], int)}, in the first {@code n} bytes of {@code page}. */
    static int commentEnd(byte[] page, int i, int n) {
        if (i < n && page[i] == '>') {
            return i + 1;
        }
        if (i + 1 < n && page[i] == '-' && page[i + 1] == '>') {
            return i + 2;
        }
        int dash = i;
        while ((dash = Ascii.indexOf(page, (byte) '-', dash, n)) >= 0) {
            if (dash + 2 < n && page[dash + 1] == '-') {
                if (page[dash + 2] == '>') {
                    return dash + 3;
                }
                if (page[dash + 2] == '!' && dash + 3 < n && page[dash + 3] == '>') {
                    return dash + 4;
                }
            }
            dash++;
        }
        return -1;
    }

    private static int cdataEnd(byte[] page, int i) {
        int n = page.length;
        int bracket = i;
        while ((bracket = Ascii.indexOf(page, (byte) ']', bracket, n)) >= 0) {
            if (bracket + 2 < n && page[bracket + 1] == ']' && page[bracket + 2] == '>') {
                return bracket + 3;
            }
            bracket++;
        }
        return -1;
    }

    private static int bogusCommentEnd(byte[] page, int i) {
        int gt = Ascii.indexOf(page, (byte) '>', i, page.length);
        return gt < 0 ? -1 : gt + 1;
    }
}
