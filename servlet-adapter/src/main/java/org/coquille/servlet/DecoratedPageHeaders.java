package org.coquille.servlet;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/** The caching headers of a page with widgets: it shows per-user state, and is checked again before every reuse. */
final class DecoratedPageHeaders {

    static final String CACHE_CONTROL = "private, no-cache";

    private DecoratedPageHeaders() {
    }

    /** Sets {@code Cache-Control}, unless the application already forbade storing the page at all. */
    static void set(HttpServletResponse response) {
        String current = response.getHeader("Cache-Control");
        if (current == null || !current.toLowerCase(Locale.ROOT).contains("no-store")) {
            response.setHeader("Cache-Control", CACHE_CONTROL);
        }
    }
}
