package org.coquille.inject;

/**
 * Finds where a tag ends, following the HTML tokenizer's attribute states so that a {@code >} inside a quoted value
 * does not end it, while a stray quote ({@code <td width=100">}) does not open one: quotes open a value only right
 * after an {@code =} that follows an attribute name. The same answer as reading the attributes with
 * {@link TagAttributes}, written as straight loops for the byte scanner's hot path.
 */
final class TagEnd {

    private TagEnd() {
    }

    /** The index after the {@code >} closing a tag whose name ends at {@code i}, or -1 if the page ends first. */
    static int after(byte[] page, int i) {
        int n = page.length;
        while (true) {
            // before an attribute name
            while (i < n && (Ascii.isWhitespace(page[i]) || page[i] == '/')) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            if (page[i] == '>') {
                return i + 1;
            }
            // the attribute name: its first character may be anything, even '='
            i++;
            byte b = 0;
            while (i < n && (b = page[i]) != '=' && b != '>' && b != '/' && !Ascii.isWhitespace(b)) {
                i++;
            }
            // after the name
            while (i < n && Ascii.isWhitespace(page[i])) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            if (page[i] != '=') {
                continue; // '>' ends the tag, '/' or anything else starts over
            }
            // before the value
            i++;
            while (i < n && Ascii.isWhitespace(page[i])) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            b = page[i];
            if (b == '"' || b == '\'') {
                int close = Ascii.indexOf(page, b, i + 1, n);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else {
                while (i < n && (b = page[i]) != '>' && !Ascii.isWhitespace(b)) {
                    i++; // an unquoted value; a '>' right after '=' ends the tag
                }
            }
        }
    }
}
