package org.coquille.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.coquille.core.PageId;
import org.coquille.core.UserData;
import org.coquille.spi.ReactionStore;

/** The in-memory store's emoji reactions: one per user, emoji and page, with when it was given. */
final class MemoryReactions implements ReactionStore {

    private record Key(PageId page, String user, String emoji) { }

    private final Object lock;
    private final Map<Key, Instant> reactions = new HashMap<>();

    MemoryReactions(Object lock) {
        this.lock = lock;
    }

    @Override
    public boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at) {
        synchronized (lock) {
            Key key = new Key(page, user, emoji);
            if (on) {
                return reactions.putIfAbsent(key, at) == null;
            }
            return reactions.remove(key) != null;
        }
    }

    @Override
    public Map<String, Long> reactionCounts(PageId page) {
        synchronized (lock) {
            Map<String, Long> counts = new TreeMap<>();
            reactions.keySet().stream().filter(k -> k.page().equals(page)).forEach(k -> counts.merge(k.emoji(), 1L, Long::sum));
            return counts;
        }
    }

    @Override
    public Set<String> reactionsOf(PageId page, String user) {
        synchronized (lock) {
            return reactions.keySet().stream().filter(k -> k.page().equals(page) && k.user().equals(user))
                    .map(Key::emoji).collect(Collectors.toUnmodifiableSet());
        }
    }

    List<UserData.Reaction> by(String user) {
        synchronized (lock) {
            List<UserData.Reaction> mine = new ArrayList<>();
            reactions.forEach((k, at) -> {
                if (k.user().equals(user)) {
                    mine.add(new UserData.Reaction(k.page(), k.emoji(), at));
                }
            });
            mine.sort(Comparator.comparing(UserData.Reaction::page).thenComparing(UserData.Reaction::emoji));
            return mine;
        }
    }

    void erase(String user) {
        synchronized (lock) {
            reactions.keySet().removeIf(k -> k.user().equals(user));
        }
    }
}
