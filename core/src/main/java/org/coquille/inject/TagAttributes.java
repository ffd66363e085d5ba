package org.coquille.inject;

/**
 * Reads the attributes of one tag the way the HTML tokenizer does, so that a {@code >} inside a quoted value does not
 * end the tag. Used where values matter (the {@code <meta>} prescan); {@link TagEnd} gives the same tag ends faster.
 *
 * <p>Position it with {@link #reset(int)} just after the tag name, then call {@link #next()} until it returns false;
 * {@link #tagEnd} is then the index just after the closing {@code >}, or -1 if the input ended inside the tag.
 */
final class TagAttributes {

    private final byte[] page;
    private final int limit;
    private int position;

    int nameStart;
    int nameEnd;
    /** Start of the value, -1 when the attribute has none; quotes excluded. */
    int valueStart;
    int valueEnd;
    int tagEnd;

    TagAttributes(byte[] page, int limit) {
        this.page = page;
        this.limit = limit;
    }

    void reset(int afterTagName) {
        position = afterTagName;
        tagEnd = -1;
    }

    /** Reads the next attribute; false once the tag is closed or the input ends. */
    boolean next() {
        int i = skipSpaceAndSlashes(position);
        if (i >= limit) {
            return end(-1);
        }
        if (page[i] == '>') {
            return end(i + 1);
        }
        nameStart = i;
        i++; // the first character, even '=', belongs to the name
        while (i < limit && !Ascii.isWhitespace(page[i]) && page[i] != '/' && page[i] != '>' && page[i] != '=') {
            i++;
        }
        nameEnd = i;
        valueStart = -1;
        valueEnd = -1;
        i = skipSpace(i);
        if (i < limit && page[i] == '=') {
            i = readValue(skipSpace(i + 1));
            if (i < 0) {
                return end(-1);
            }
        }
        position = i;
        return true;
    }

    private int readValue(int i) {
        if (i >= limit) {
            return -1;
        }
        byte quote = page[i];
        if (quote == '"' || quote == '\'') {
            int close = Ascii.indexOf(page, quote, i + 1, limit);
            if (close < 0) {
                return -1;
            }
            valueStart = i + 1;
            valueEnd = close;
            return close + 1;
        }
        if (quote == '>') { // a missing value: the tag ends here
            return i;
        }
        valueStart = i;
        while (i < limit && !Ascii.isWhitespace(page[i]) && page[i] != '>') {
            i++;
        }
        valueEnd = i;
        return i;
    }

    private boolean end(int end) {
        tagEnd = end;
        position = limit;
        return false;
    }

    private int skipSpace(int i) {
        while (i < limit && Ascii.isWhitespace(page[i])) {
            i++;
        }
        return i;
    }

    private int skipSpaceAndSlashes(int i) {
        while (i < limit && (Ascii.isWhitespace(page[i]) || page[i] == '/')) {
            i++;
        }
        return i;
    }

    /** Skips the whole tag; returns the index after its {@code >}, or -1 if the input ends first. */
    int skipToTagEnd(int afterTagName) {
        reset(afterTagName);
        while (next()) {
            // attributes are only skipped
        }
        return tagEnd;
    }
}
