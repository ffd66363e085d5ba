package org.coquille.internal.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.coquille.core.PageId;
import org.coquille.core.RuleViolation;
import org.coquille.internal.page.PageIdResolver;

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

    /**
     * The page id in {@code value}: a page id, or the full address of a page of this web application (its context
     * path dropped, its query read as the filter reads it); else a 400 violation.
     */
    static PageId pageOrAddress(String value, String contextPath, PageIdResolver pageIds) {
        String typed = value == null ? "" : value.strip();
        if (!typed.startsWith("http://") && !typed.startsWith("https://")) {
            return page(typed);
        }
        try {
            URI uri = new URI(typed);
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (!contextPath.isEmpty() && (path.equals(contextPath) || path.startsWith(contextPath + "/"))) {
                path = path.substring(contextPath.length());
            }
            PageId id = pageIds.resolve(path.isEmpty() ? "/" : path, uri.getRawQuery());
            if (id != null) {
                return id;
            }
        } catch (URISyntaxException e) {
            // told below
        }
        throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.pageId", typed);
    }

    static long id(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.id", value == null ? "" : value);
        }
    }
}
