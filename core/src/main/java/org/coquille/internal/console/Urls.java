package org.coquille.internal.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.coquille.core.PageId;
import org.coquille.core.RuleViolation;

/** Query-string values in the console's links, and page ids read back from them. */
final class Urls {

    private Urls() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The page id in {@code value}, or a 400 violation saying what a page id looks like. */
    static PageId page(String value) {
        try {
            return PageId.of(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.pageId", value == null ? "" : value);
        }
    }

    static long id(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.id", value == null ? "" : value);
        }
    }
}
