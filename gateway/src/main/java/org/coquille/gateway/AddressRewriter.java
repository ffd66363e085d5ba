package org.coquille.gateway;

import java.util.Locale;

/**
 * Makes the intranet's own addresses in response headers point at the gateway, when the public and the intranet's
 * addresses differ: a {@code Location} (or {@code Content-Location}) on the intranet becomes the same place on the
 * gateway, and a {@code Set-Cookie} loses a {@code Domain} naming the intranet's host and the intranet's path prefix
 * from its {@code Path}, so that the browser sends the cookie back to the gateway. Everything else is left exactly
 * as the intranet wrote it.
 */
final class AddressRewriter {

    private final String upstreamOrigin;
    private final String upstreamHost;
    private final String upstreamPath;

    /**
     * @param upstreamOrigin {@code scheme://host[:port]} of the intranet
     * @param upstreamHost   the intranet's host name
     * @param upstreamPath   the intranet's path prefix, empty or {@code /path} without a trailing slash
     */
    AddressRewriter(String upstreamOrigin, String upstreamHost, String upstreamPath) {
        this.upstreamOrigin = upstreamOrigin;
        this.upstreamHost = upstreamHost;
        this.upstreamPath = upstreamPath;
    }

    /** A {@code Location} as the visitor must see it, given the gateway's public origin ({@code scheme://host}). */
    String location(String location, String publicOrigin) {
        if (startsWithIgnoreCase(location, upstreamOrigin)) {
            String rest = location.substring(upstreamOrigin.length());
            if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?") || rest.startsWith("#")) {
                return publicOrigin + unprefixed(rest.isEmpty() ? "/" : rest);
            }
        }
        if (location.startsWith("/") && !location.startsWith("//")) {
            return unprefixed(location);
        }
        return location;
    }

    /** A {@code Set-Cookie} value with the intranet's domain and path prefix taken out; the rest untouched. */
    String setCookie(String value) {
        String[] parts = value.split(";", -1);
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            String attribute = part.strip();
            int eq = attribute.indexOf('=');
            String name = (eq < 0 ? attribute : attribute.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String attributeValue = eq < 0 ? "" : attribute.substring(eq + 1).strip();
            if (name.equals("domain") && isUpstreamHost(attributeValue)) {
                continue;
            }
            if (name.equals("path") && !upstreamPath.isEmpty()) {
                out.append("; Path=").append(unprefixed(attributeValue));
                continue;
            }
            out.append(';').append(part);
        }
        return out.toString();
    }

    private boolean isUpstreamHost(String domain) {
        String bare = domain.startsWith(".") ? domain.substring(1) : domain;
        return bare.equalsIgnoreCase(upstreamHost);
    }

    /** A path on the intranet as a path on the gateway: the intranet's prefix taken off. */
    private String unprefixed(String path) {
        if (upstreamPath.isEmpty()) {
            return path;
        }
        if (path.equals(upstreamPath)) {
            return "/";
        }
        if (path.startsWith(upstreamPath)) {
            char next = path.charAt(upstreamPath.length());
            if (next == '/') {
                return path.substring(upstreamPath.length());
            }
            if (next == '?' || next == '#') {
                return "/" + path.substring(upstreamPath.length());
            }
        }
        return path;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
