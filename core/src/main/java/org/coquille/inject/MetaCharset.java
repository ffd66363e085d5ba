package org.coquille.inject;

/**
 * Finds the charset a page declares in a {@code <meta charset>} or {@code <meta http-equiv="Content-Type" content="...;
 * charset=...">} tag starting in its first bytes, after the "prescan" of the HTML standard.
 */
final class MetaCharset {

    /** How far into the page a declaring {@code <meta>} tag may start. */
    static final int PRESCAN_LIMIT = 1024;

    private MetaCharset() {
    }

    /** The charset label of the first declaring meta tag starting in the first 1024 bytes, or null. */
    static String declared(byte[] page) {
        return declared(page, page.length);
    }

    /** As {@link #declared(byte[])}, for the page in the first {@code n} bytes of {@code page}. */
    static String declared(byte[] page, int n) {
        int limit = Math.min(n, PRESCAN_LIMIT);
        TagAttributes attributes = new TagAttributes(page, n);
        int i = 0;
        while (i < limit) {
            int lt = Ascii.indexOf(page, (byte) '<', i, limit);
            if (lt < 0 || lt + 1 >= n) {
                return null;
            }
            if (Ascii.startsWith(page, lt, n, "<!--")) {
                i = MarkupScanner.commentEnd(page, lt + 4, n);
            } else if (Ascii.startsWithIgnoreCase(page, lt + 1, n, "meta") && lt + 5 < n
                    && (Ascii.isWhitespace(page[lt + 5]) || page[lt + 5] == '/')) {
                attributes.reset(lt + 5);
                String charset = charsetOf(page, attributes);
                if (charset != null) {
                    return charset;
                }
                i = attributes.tagEnd;
            } else if (Ascii.isLetter(page[lt + 1])
                    || (page[lt + 1] == '/' && lt + 2 < n && Ascii.isLetter(page[lt + 2]))) {
                int nameStart = page[lt + 1] == '/' ? lt + 2 : lt + 1;
                i = attributes.skipToTagEnd(MarkupScanner.tagNameEnd(page, nameStart, n));
            } else if (page[lt + 1] == '!' || page[lt + 1] == '/' || page[lt + 1] == '?') {
                int gt = Ascii.indexOf(page, (byte) '>', lt + 2, n);
                i = gt < 0 ? -1 : gt + 1;
            } else {
                i = lt + 1;
            }
            if (i < 0) {
                return null;
            }
        }
        return null;
    }

    /** Reads a meta tag's attributes; the declared charset or null. Later duplicates of an attribute are ignored. */
    private static String charsetOf(byte[] page, TagAttributes attributes) {
        String charset = null;
        String contentCharset = null;
        boolean contentType = false;
        boolean seenCharset = false;
        boolean seenContent = false;
        boolean seenHttpEquiv = false;
        while (attributes.next()) {
            String name = Ascii.lowerCaseString(page, attributes.nameStart, attributes.nameEnd);
            String value = attributes.valueStart < 0 ? ""
                    : Ascii.lowerCaseString(page, attributes.valueStart, attributes.valueEnd);
            switch (name) {
                case "charset" -> {
                    if (!seenCharset) {
                        seenCharset = true;
                        charset = value.strip();
                    }
                }
                case "content" -> {
                    if (!seenContent) {
                        seenContent = true;
                        contentCharset = fromContentType(value);
                    }
                }
                case "http-equiv" -> {
                    if (!seenHttpEquiv) {
                        seenHttpEquiv = true;
                        contentType = value.strip().equals("content-type");
                    }
                }
                default -> {
                    // not about the charset
                }
            }
        }
        if (charset != null && !charset.isEmpty()) {
            return charset;
        }
        return contentType ? contentCharset : null;
    }

    /** The charset in a Content-Type value such as {@code text/html; charset="utf-8"}, or null. */
    static String fromContentType(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf("charset", from);
            if (at < 0) {
                return null;
            }
            int i = skipSpace(lower, at + 7);
            if (i < lower.length() && lower.charAt(i) == '=') {
                i = skipSpace(lower, i + 1);
                if (i >= lower.length()) {
                    return null;
                }
                char quote = lower.charAt(i);
                if (quote == '"' || quote == '\'') {
                    int close = lower.indexOf(quote, i + 1);
                    return close < 0 ? null : emptyToNull(value.substring(i + 1, close));
                }
                int end = i;
                while (end < lower.length() && lower.charAt(end) != ';' && !isSpace(lower.charAt(end))) {
                    end++;
                }
                return emptyToNull(value.substring(i, end));
            }
            from = at + 7;
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
