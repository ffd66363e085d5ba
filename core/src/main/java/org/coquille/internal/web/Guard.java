package org.coquille.internal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.coquille.http.HttpRequest;

/**
 * Checks that a state-changing request comes from a page of this intranet: a CSRF token tied to the
 * viewer, and, when the browser says where it comes from ({@code Origin}, else {@code Referer}), that
 * it is this site (scheme, host and port) or an allowed origin.
 */
public final class Guard {

    public static final String TOKEN_FIELD = "coq_csrf";
    static final String TOKEN_HEADER = "X-Coquille-Csrf";

    private final InstallationKey key;
    private final List<String> allowedOrigins;

    Guard(InstallationKey key, List<String> allowedOrigins) {
        this.key = key;
        this.allowedOrigins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    /** The token that {@code viewerKey}'s forms carry. */
    public String token(String viewerKey) {
        return key.sign("csrf", viewerKey);
    }

    public boolean tokenValid(HttpRequest request, String viewerKey, String formToken) {
        String token = formToken != null ? formToken : request.header(TOKEN_HEADER);
        return key.verify("csrf", viewerKey, token);
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
}
