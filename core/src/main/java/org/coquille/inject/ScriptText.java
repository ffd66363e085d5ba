package org.coquille.inject;

/**
 * Finds the end of a script's text as the HTML tokenizer does, including its "escaped" states: after {@code <!--} a
 * {@code <script>} opens a nested one whose {@code </script>} does not end the outer script, until {@code -->}.
 *
 * <p>This is what keeps the old idiom {@code <!-- document.write('<script src=x.js></script>'); //-->} inside its
 * script, and what makes a script with an unclosed {@code <!--<script>} swallow the rest of the page, as in browsers.
 */
final class ScriptText {

    private ScriptText() {
    }

    /** Where the script's end tag starts, or -1 if the page ends first. */
    static int endTagStart(byte[] page, int from) {
        int n = page.length;
        int i = from;
        while (true) { // script data: only "</script" and "<!--" mean anything
            int lt = Ascii.indexOf(page, (byte) '<', i, n);
            if (lt < 0) {
                return -1;
            }
            if (RawText.isTag(page, lt, true, "script")) {
                return lt;
            }
            if (Ascii.startsWith(page, lt, n, "<!--")) {
                i = escaped(page, lt + 2); // from the dashes, so that "<!-->" ends at once
                if (i < 0) {
                    return -1;
                }
                if (RawText.isTag(page, i, true, "script")) {
                    return i; // the end tag, met while escaped or right after "-->"
                }
            } else {
                i = lt + 1;
            }
        }
    }

    /**
     * Scans escaped script text from {@code i}; returns the index just after the {@code -->} that leaves it, the
     * index of a {@code </script} that ends the script, or -1 at the end of the page.
     */
    private static int escaped(byte[] page, int i) {
        int n = page.length;
        boolean doubleEscaped = false;
        while (i < n) {
            byte b = page[i];
            if (b == '-' && i + 1 < n && page[i + 1] == '-') {
                int j = i + 2;
                while (j < n && page[j] == '-') {
                    j++;
                }
                if (j < n && page[j] == '>') {
                    return j + 1;
                }
                i = j;
            } else if (b == '<') {
                if (RawText.isTag(page, i, true, "script")) {
                    if (!doubleEscaped) {
                        return i;
                    }
                    doubleEscaped = false;
                    i += 8;
                } else if (!doubleEscaped && RawText.isTag(page, i, false, "script")) {
                    doubleEscaped = true;
                    i += 7;
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return -1;
    }
}
