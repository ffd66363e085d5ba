package org.coquille.store;

import com.github.benmanes.caffeine.cache.Cache;

/** A cache key for what one user chose on one thing (a page, a poll). */
record UserKey(Object scope, String user) {

    /** Forgets {@code user}'s entry on {@code scope} in {@code cache}, or every user's when {@code user} is {@code null}. */
    static void forget(Cache<UserKey, ?> cache, Object scope, String user) {
        if (user != null) {
            cache.invalidate(new UserKey(scope, user));
        } else {
            cache.asMap().keySet().removeIf(k -> k.scope().equals(scope));
        }
    }
}
