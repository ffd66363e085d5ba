package org.coquille;

import java.time.Duration;
import java.util.function.Supplier;

import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.store.CachedStore;

/**
 * Read-your-writes across nodes, without sticky sessions: a request that wrote gets a short-lived cookie with the
 * node's {@linkplain CachedStore#writeMark() write mark}; a node that has not yet heard of that write (its notice is
 * late, or the node lost its channel) serves that person's requests from the store, past its cache, until it has, or
 * until the cookie expires with the cache's time to live, when no cached entry can be older than the write.
 */
final class OwnWrites {

    /** The cookie's name. */
    static final String COOKIE = "coquille-wrote";

    private final CachedStore store;
    private final long maxAgeSeconds;

    OwnWrites(CachedStore store, Duration ttl) {
        this.store = store;
        this.maxAgeSeconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
    }

    /** Runs {@code work} for {@code request}, past the cache if its person wrote something this node has not heard of. */
    <T> T serve(HttpRequest request, Supplier<T> work) {
        String mark = request.cookie(COOKIE);
        if (mark == null || store.readingFresh() || store.caughtUp(mark)) {
            return work.get();
        }
        return store.fresh(work);
    }

    /** This node's write mark, to compare with {@link #marked} after the request. */
    String before() {
        return store.writeMark();
    }

    /** {@code response}, with the cookie if a write was made on this node while the request was answered. */
    HttpResponse marked(HttpRequest request, HttpResponse response, String before) {
        String after = store.writeMark();
        if (after.equals(before) || request.method().equals("GET") || request.method().equals("HEAD")) {
            return response;
        }
        String path = request.contextPath().isEmpty() ? "/" : request.contextPath();
        return response.withHeader("Set-Cookie", COOKIE + "=" + after + "; Path=" + path + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + ("https".equalsIgnoreCase(request.scheme()) ? "; Secure" : ""));
    }
}
