package org.coquille.internal.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.coquille.core.PageId;
import org.coquille.core.PatternRule;
import org.coquille.core.RuleViolation;
import org.coquille.internal.page.PageIdResolver;

/**
 * Reads an address as an editor types it wherever the console asks for a page or a URL pattern, leniently and always
 * the same way: a path with or without its leading {@code /} ({@code rh/conges.html}), the full URL copied from the
 * browser (its host, the web application's context path and the fragment dropped, its query read as the filter reads
 * it), accented letters and spaces as the browser sends them. What it cannot read is refused with a message that says
 * what an address looks like.
 *
 * <pre>{@code
 * AddressInput addresses = new AddressInput("/intranet", pageIds);
 * addresses.page("https://intranet.example/intranet/rh/conges.html#top"); // /rh/conges.html
 * addresses.pattern("actualites/*");                                       // /actualites/*
 * }</pre>
 */
final class AddressInput {

    /** What looks like an address in a search: a slash, a scheme, or a file name such as {@code conges.html}. */
    private static final Pattern ADDRESS_LIKE = Pattern.compile("(?i)(https?://\\S*|\\S*/\\S*|[^\\s/]+\\.[a-z0-9]{2,5}([?#]\\S*)?)");

    private final String contextPath;
    private final PageIdResolver pageIds;

    /** @param contextPath the web application's context path ({@code /intranet}, or empty at the root) */
    AddressInput(String contextPath, PageIdResolver pageIds) {
        this.contextPath = contextPath == null ? "" : contextPath;
        this.pageIds = pageIds;
    }

    /** Whether a search for {@code typed} is likely meant as a page's address rather than words of its title. */
    static boolean looksLikeAddress(String typed) {
        return typed != null && ADDRESS_LIKE.matcher(typed.strip()).matches();
    }

    /** The page {@code typed} names, as the filter names it; else a 400 violation saying what a page address is. */
    PageId page(String typed) {
        String text = text(typed);
        if (text.contains("*")) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.star", text);
        }
        Parts parts = parts(text);
        PageId page = pageIds.resolve(parts.path(), parts.query());
        if (page == null) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.tooLong", PageId.MAX_LENGTH);
        }
        return page;
    }

    /**
     * The URL pattern {@code typed} names: an exact path, a folder ({@code /a/*}, also typed {@code a/*}, {@code /a/}
     * or {@code /a*}) or an ending ({@code *.jsp}); else a 400 violation saying what a pattern is.
     */
    String pattern(String typed) {
        String text = text(typed);
        if (text.equals("*") || text.equals("/*")) {
            return "/*";
        }
        if (text.startsWith("*.")) {
            if (!PatternRule.isValid(text)) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.pattern", text);
            }
            return text;
        }
        Parts parts = parts(text);
        if (parts.query() != null) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.query", text);
        }
        String path = parts.path();
        if (path.endsWith("/")) {
            path = path + "*";
        } else if (path.endsWith("*") && !path.endsWith("/*")) {
            path = path.substring(0, path.length() - 1) + "/*";
        }
        if (path.length() > PatternRule.MAX_LENGTH) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.tooLong", PatternRule.MAX_LENGTH);
        }
        if (!PatternRule.isValid(path)) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.pattern", text);
        }
        return path;
    }

    /** A path and its query (or {@code null}), from what was typed. */
    private record Parts(String path, String query) { }

    private Parts parts(String text) {
        String rest = text;
        boolean url = rest.regionMatches(true, 0, "http://", 0, 7) || rest.regionMatches(true, 0, "https://", 0, 8);
        if (url) {
            try {
                URI uri = new URI(encoded(rest));
                rest = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            } catch (URISyntaxException e) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.url", text);
            }
        } else if (rest.startsWith("//")) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.url", text);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int mark = rest.indexOf('?');
        String path = encoded(mark < 0 ? rest : rest.substring(0, mark));
        String query = mark < 0 || mark == rest.length() - 1 ? null : encoded(rest.substring(mark + 1));
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!contextPath.isEmpty() && (path.equals(contextPath) || path.startsWith(contextPath + "/"))) {
            path = path.equals(contextPath) ? "/" : path.substring(contextPath.length());
        }
        return new Parts(path, query);
    }

    private static String text(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.empty");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.address.control");
        }
        return text;
    }

    /** {@code text} with spaces and letters beyond ASCII percent-encoded in UTF-8, as a browser sends them. */
    private static String encoded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
