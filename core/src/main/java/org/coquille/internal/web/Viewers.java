package org.coquille.internal.web;

import java.security.SecureRandom;
import java.util.Base64;

import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.IdentityResolver;

/** Works out the {@link Viewer} of a request: the host's identity, or an anonymous visitor. */
final class Viewers {

    static final String ANONYMOUS_COOKIE = "coq_anon";

    private final IdentityResolver identity;
    private final boolean anonymousMayWrite;
    private final SecureRandom random = new SecureRandom();

    Viewers(IdentityResolver identity, boolean anonymousMayWrite) {
        this.identity = identity;
        this.anonymousMayWrite = anonymousMayWrite;
    }

    Viewer of(HttpRequest request) {
        User user = identity.resolve(request);
        if (user != null) {
            return new Viewer(user, "u:" + user.id(), true);
        }
        String cookie = request.cookie(ANONYMOUS_COOKIE);
        if (anonymousMayWrite && cookie != null && cookie.matches("[A-Za-z0-9_-]{16,64}")) {
            return anonymous(cookie);
        }
        // with anonymous use on, a first-time visitor gets forms; the id and cookie come with the first post
        return new Viewer(null, "ip:" + request.remoteAddress(), anonymousMayWrite);
    }

    /** The anonymous visitor whose cookie holds {@code id}. */
    Viewer anonymous(String id) {
        return new Viewer(User.employee("anonymous-" + id.substring(0, 8)), "a:" + id, true);
    }

    /** A new anonymous visitor's cookie value. */
    String newAnonymousId() {
        byte[] id = new byte[18];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
