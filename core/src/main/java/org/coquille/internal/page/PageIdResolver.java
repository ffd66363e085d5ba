package org.coquille.internal.page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.PageId;

/**
 * Turns a request's path and query into a page id: the path without {@code ;jsessionid} or other path
 * parameters, plus the query parameters that are not ignored (tracking parameters, Coquille's own),
 * sorted by name so that {@code ?b=2&a=1} and {@code ?a=1&b=2} are one page.
 */
public final class PageIdResolver {

    private final List<String> ignored;

    /** @param ignoredParams names to drop; a trailing {@code *} drops every name with that prefix */
    public PageIdResolver(List<String> ignoredParams) {
        this.ignored = List.copyOf(ignoredParams);
    }

    /** The page id of {@code path} and {@code query} (may be null), or {@code null} if it cannot be one (too long). */
    public PageId resolve(String path, String query) {
        String cleanPath = stripPathParameters(path == null || path.isEmpty() ? "/" : path);
        StringBuilder id = new StringBuilder(cleanPath);
        Map<String, String> kept = keptParameters(query);
        char sep = '?';
        for (Map.Entry<String, String> e : kept.entrySet()) {
            id.append(sep).append(e.getKey());
            if (!e.getValue().isEmpty()) {
                id.append('=').append(e.getValue());
            }
            sep = '&';
        }
        if (id.length() > PageId.MAX_LENGTH || id.charAt(0) != '/') {
            return null;
        }
        return PageId.of(id.toString());
    }

    private Map<String, String> keptParameters(String query) {
        Map<String, String> kept = new TreeMap<>();
        if (query == null || query.isEmpty()) {
            return kept;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!isIgnored(name)) {
                kept.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        return kept;
    }

    private boolean isIgnored(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String rule : ignored) {
            String r = rule.toLowerCase(java.util.Locale.ROOT);
            if (r.endsWith("*") ? lower.startsWith(r.substring(0, r.length() - 1)) : lower.equals(r)) {
                return true;
            }
        }
        return false;
    }

    private static String stripPathParameters(String path) {
        int semi = path.indexOf(';');
        if (semi < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0 || path.startsWith("/")) {
                out.append('/');
            }
            int s = segment.indexOf(';');
            out.append(s < 0 ? segment : segment.substring(0, s));
        }
        String result = out.toString();
        return result.startsWith("//") ? result.substring(1) : result;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
