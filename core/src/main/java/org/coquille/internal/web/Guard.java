package org.coquille.internal.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.coquille.http.HttpRequest;

/**
 * Checks that a state-changing request comes from a page of this intranet: a CSRF token tied to the
 * viewer and to a {@link #WINDOW} of time (the current window's token or the previous one's is accepted, so a token
 * lives 12 to 24 hours and a stolen one expires by itself), and, when the browser says where it comes from ({@code Origin}, else {@code Referer}), that
 * it is this site (scheme, host and port) or an allowed origin.
 */
public final class Guard {

    public static final String TOKEN_FIELD = "coq_csrf";
    static final String TOKEN_HEADER = "X-Coquille-Csrf";

    /**
     * How long one token is handed out. The token goes into the fragment at each page view (the shared renderings
     * keep its slots open), so it changes for everyone at the end of a window; a page opened in the previous window
     * still posts, an older one gets "This form has expired", with what was typed given back.
     */
    static final Duration WINDOW = Duration.ofHours(12);

    private final InstallationKey key;
    private final List<String> allowedOrigins;
    private final Clock clock;

    Guard(InstallationKey key, List<String> allowedOrigins, Clock clock) {
        this.key = key;
        this.allowedOrigins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        this.clock = clock;
    }

    /** The token that {@code viewerKey}'s forms carry now. */
    public String token(String viewerKey) {
        return signed(viewerKey, window());
    }

    /** Whether the token (of the form, else of the header) is {@code viewerKey}'s, of this window or the previous one. */
    public boolean tokenValid(HttpRequest request, String viewerKey, String formToken) {
        String token = formToken != null ? formToken : request.header(TOKEN_HEADER);
        if (token == null) {
            return false;
        }
        long window = window();
        return key.verify("csrf", viewerKey + '\n' + window, token)
                || key.verify("csrf", viewerKey + '\n' + (window - 1), token);
    }

    private long window() {
        return Math.floorDiv(clock.millis(), WINDOW.toMillis());
    }

    private String signed(String viewerKey, long window) {
        return key.sign("csrf", viewerKey + '\n' + window);
    }

    /** Whether the request's {@code Origin} (or {@code Referer}) is this host or allowed; true when the browser sends neither. */
    public boolean originAllowed(HttpRequest request) {
        String origin = request.header("Origin");
        if (origin == null) {
            String referer = request.header("Referer");
            if (referer == null) {
                return true;
            }
            origin = referer;
        }
        if (origin.equals("null")) {
            return false;
        }
        int plainAuthority = plainOriginAuthority(origin);
        if (plainAuthority > 0) {
            return plainOriginAllowed(request, origin, plainAuthority);
        }
        try {
            URI uri = URI.create(origin.strip());
            String host = request.header("Host");
            String authority = uri.getRawAuthority();
            if (authority == null) {
                return false;
            }
            String scheme = request.scheme();
            if (host != null && authority.equalsIgnoreCase(host)
                    && (scheme == null || scheme.equalsIgnoreCase(uri.getScheme()))) {
                return true; // this site: the same host and port, and the same scheme (https://host is another origin)
            }
            String normalised = (uri.getScheme() + "://" + authority).toLowerCase(Locale.ROOT);
            return allowedOrigins.contains(normalised);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Where the authority starts in {@code origin} if it is an origin as browsers send it, {@code scheme://host[:port]}
     * with a host of letters, digits, dots and dashes; -1 for anything else (a {@code Referer}'s path, a user, an IPv6
     * address, a percent sign, a space), which goes through {@link URI}. On such a plain origin, {@link URI} reads the
     * same scheme and authority: the form post then skips its parse.
     */
    static int plainOriginAuthority(String origin) {
        int separator = origin.indexOf("://");
        if (separator < 1 || separator + 3 == origin.length() || !isAsciiLetter(origin.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < separator; i++) {
            char c = origin.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        for (int i = separator + 3; i < origin.length(); i++) {
            char c = origin.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '.' && c != '-' && c != ':') {
                return -1;
            }
        }
        return separator + 3;
    }

    /** {@link #originAllowed} for a {@link #plainOriginAuthority plain} origin, whose authority starts at {@code authority}. */
    private boolean plainOriginAllowed(HttpRequest request, String origin, int authority) {
        String host = request.header("Host");
        String scheme = request.scheme();
        int schemeLength = authority - 3;
        if (host != null && host.length() == origin.length() - authority
                && origin.regionMatches(true, authority, host, 0, host.length())
                && (scheme == null || scheme.length() == schemeLength && origin.regionMatches(true, 0, scheme, 0, schemeLength))) {
            return true;
        }
        return allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
