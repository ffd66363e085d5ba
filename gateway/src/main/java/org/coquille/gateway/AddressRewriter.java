package org.coquille.gateway;

import java.util.Locale;

/**
 * Makes the intranet's own address in response headers the gateway's, when the two differ: a {@code Location} (or
 * {@code Content-Location}) on the intranet becomes the same path on the gateway, and a {@code Set-Cookie} loses a
 * {@code Domain} naming the intranet's host, so that the browser sends the cookie back to the gateway. Paths need no
 * rewriting: the gateway serves the intranet's pages under the same paths. Everything else is left exactly as the
 * intranet wrote it.
 */
final class AddressRewriter {

    private final String upstreamOrigin;
    private final String upstreamHost;

    /**
     * @param upstreamOrigin {@code scheme://host[:port]} of the intranet
     * @param upstreamHost   the intranet's host name
     */
    AddressRewriter(String upstreamOrigin, String upstreamHost) {
        this.upstreamOrigin = upstreamOrigin;
        this.upstreamHost = upstreamHost;
    }

    /** A {@code Location} as the visitor must see it, given the gateway's public origin ({@code scheme://host}). */
    String location(String location, String publicOrigin) {
        if (location.regionMatches(true, 0, upstreamOrigin, 0, upstreamOrigin.length())) {
            String rest = location.substring(upstreamOrigin.length());
            if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?") || rest.startsWith("#")) {
                return publicOrigin + (rest.startsWith("/") ? rest : "/" + rest);
            }
        }
        return location;
    }

    /** A {@code Set-Cookie} value without a {@code Domain} naming the intranet's host; the rest untouched. */
    String setCookie(String value) {
        String[] parts = value.split(";", -1);
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            int eq = attribute.indexOf('=');
            String name = (eq < 0 ? attribute : attribute.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (name.equals("domain") && isUpstreamHost(attribute.substring(eq + 1).strip())) {
                continue;
            }
            out.append(';').append(parts[i]);
        }
        return out.toString();
    }

    private boolean isUpstreamHost(String domain) {
        String bare = domain.startsWith(".") ? domain.substring(1) : domain;
        return bare.equalsIgnoreCase(upstreamHost);
    }
}
