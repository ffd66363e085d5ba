package org.coquille.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.spi.ReactionStore;

/** A page's reaction counts and the viewer's own reactions, read on every page view, cached. */
final class CachedReactions implements ReactionStore {

    private final ReactionStore store;
    private final Caching caching;
    private final Cache<PageId, Map<String, Long>> counts;
    private final Cache<UserKey, Set<String>> reactions;

    CachedReactions(ReactionStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.counts = caching.cache(20_000);
        this.reactions = caching.cache(100_000);
    }

    @Override
    public boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at) {
        boolean changed = store.setReaction(page, user, emoji, on, at);
        counts.invalidate(page);
        reactions.invalidate(new UserKey(page, user));
        caching.wrote();
        return changed;
    }

    @Override
    public Map<String, Long> reactionCounts(PageId page) {
        return counts.get(page, store::reactionCounts);
    }

    @Override
    public Set<String> reactionsOf(PageId page, String user) {
        return reactions.get(new UserKey(page, user), k -> store.reactionsOf(page, user));
    }

    void forgetAll() {
        counts.invalidateAll();
        reactions.invalidateAll();
        caching.wrote();
    }
}
