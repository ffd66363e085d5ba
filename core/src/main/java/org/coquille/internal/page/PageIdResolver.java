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
 * sorted by name so that {@code ?b=2&a=1} and {@code ?a=1&b=2} are one page. Names and values are decoded
 * ({@code caf%C3%A9} is {@code café}, as stored ids always were), and the characters that structure the id are
 * encoded again ({@code %}, {@code &}, {@code #}, and {@code =} in a name), so that {@code ?x=1%26y%3D2} (one
 * parameter) and {@code ?x=1&y=2} (two) are two pages. Several values of one name are joined with {@code ,}.
 */
public final class PageIdResolver {

    private final List<String> ignored;

    /** @param ignoredParams names to drop; a trailing {@code *} drops every name with that prefix */
    public PageIdResolver(List<String> ignoredParams) {
        this.ignored = List.copyOf(ignoredParams);
    }

    /** The page id of {@code path} and {@code query} (may be null), or {@code null} if it cannot be one (too long). */
    public PageId resolve(String path, String query) {
        if ((query == null || query.isEmpty()) && path != null && !path.isEmpty() && path.charAt(0) == '/'
                && path.length() <= PageId.MAX_LENGTH && path.indexOf(';') < 0) {
            return PageId.of(path); // most page views: a plain path, which is its own id
        }
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
            String name = encodeAgain(decode(eq < 0 ? pair : pair.substring(0, eq)), "%&#=");
            String value = eq < 0 ? "" : encodeAgain(decode(pair.substring(eq + 1)), "%&#");
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

    /** {@code text} with each of {@code structural} percent-encoded; every other character as it is. */
    private static String encodeAgain(String text, String structural) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (structural.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
