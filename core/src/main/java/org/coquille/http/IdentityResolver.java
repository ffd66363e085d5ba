package org.coquille.http;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.coquille.core.User;

/**
 * Says who makes a request, from what the host already knows: its container login, a header set by a
 * trusted SSO proxy, or a session attribute. Hosts with another source implement it.
 */
@FunctionalInterface
public interface IdentityResolver {

    /** The user making {@code request}, or {@code null} for an anonymous visitor. */
    User resolve(HttpRequest request);

    /** The container's login ({@code getRemoteUser}); editors hold {@code editorRole} ({@code isUserInRole}). */
    static IdentityResolver container(String editorRole) {
        Objects.requireNonNull(editorRole, "editorRole");
        return request -> {
            String name = request.remoteUser();
            return name == null || name.isBlank() ? null : new User(name, request.isUserInRole(editorRole));
        };
    }

    /**
     * A header set by an SSO proxy, believed only when the request comes from one of {@code trustedProxies}
     * (anyone can send the header; only the proxy's address makes it true). Roles come from
     * {@code rolesHeader} (comma-separated) if given, else from the container.
     */
    static IdentityResolver header(String header, String rolesHeader, List<String> trustedProxies, String editorRole) {
        Set<String> proxies = Set.copyOf(trustedProxies);
        return request -> {
            String name = request.header(header);
            if (name == null || name.isBlank() || name.length() > User.MAX_ID_LENGTH) {
                return null;
            }
            if (!proxies.contains(request.remoteAddress())) { // looked at second: most requests of a visitor have no header
                return null;
            }
            boolean editor;
            if (rolesHeader != null && !rolesHeader.isBlank()) {
                String roles = request.header(rolesHeader);
                editor = roles != null && Arrays.stream(roles.split(",")).map(String::strip).anyMatch(editorRole::equals);
            } else {
                editor = request.isUserInRole(editorRole);
            }
            return new User(name.strip(), editor);
        };
    }

    /** A session attribute holding the user id (its {@code toString()}); editors hold the container role. */
    static IdentityResolver session(String attribute, String editorRole) {
        return request -> {
            Object value = request.sessionAttribute(attribute);
            String name = value == null ? null : value.toString();
            return name == null || name.isBlank() || name.length() > User.MAX_ID_LENGTH
                    ? null : new User(name, request.isUserInRole(editorRole));
        };
    }
}
