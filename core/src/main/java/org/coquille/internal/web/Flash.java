package org.coquille.internal.web;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.coquille.core.Widget;

/**
 * Carries the outcome of a form post (a message, and the text typed when it was rejected) across the
 * redirect back to the page, for five minutes, to the same viewer only. Kept in this node's memory: behind
 * a load balancer without sticky sessions the message may not show, but nothing stored is lost.
 */
final class Flash {

    /**
     * One outcome.
     *
     * @param viewer  whose it is (user id, or the anonymous key)
     * @param widget  the widget it concerns
     * @param key     the message key
     * @param args    the message arguments
     * @param error   whether it is an error
     * @param draft   the text typed, given back after an error, or {@code null}
     * @param target  the comment or poll it concerns, or {@code null}
     * @param action  the action it is the outcome of ({@code comment}, {@code idea/vote}, ...)
     */
    public record Entry(String viewer, Widget widget, String key, Object[] args, boolean error, String draft, Long target,
                        String action) { }

    private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();

    /** Upkept on the posting thread (no hand-off to a pool thread per post), as the store's caches are. */
    private final Cache<String, Entry> entries = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(50_000).executor(Runnable::run).build();

    /**
     * Keeps {@code entry} and returns the id to put in the redirect URL. The id needs to be unique, not secret:
     * {@link #get} hands an entry to its own viewer only. So it comes from the thread's own generator, not from a
     * {@code SecureRandom}, which every form post would queue for.
     */
    public String put(Entry entry) {
        byte[] id = new byte[12];
        ThreadLocalRandom.current().nextBytes(id);
        String key = IDS.encodeToString(id);
        entries.put(key, entry);
        return key;
    }

    /** The entry {@code id} if it belongs to {@code viewer}, or {@code null}. It stays until it expires, so a reload shows it again. */
    public Entry get(String id, String viewer) {
        if (id == null) {
            return null;
        }
        Entry entry = entries.getIfPresent(id);
        return entry != null && entry.viewer().equals(viewer) ? entry : null;
    }
}
