package org.coquille.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.spi.ChangeNotice;
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
        caching.changed(ChangeNotice.Area.REACTIONS, page, null, user);
        return changed;
    }

    @Override
    public Map<String, Long> reactionCounts(PageId page) {
        return caching.read(counts, page, store::reactionCounts);
    }

    @Override
    public Set<String> reactionsOf(PageId page, String user) {
        return caching.read(reactions, new UserKey(page, user), k -> store.reactionsOf(page, user));
    }

    /** Forgets the counts of the page {@code notice} names and the user's own reactions there. */
    void forget(ChangeNotice notice) {
        if (notice.area() == ChangeNotice.Area.EVERYTHING
                || notice.area() == ChangeNotice.Area.REACTIONS && notice.page() == null) {
            counts.invalidateAll();
            reactions.invalidateAll();
        } else if (notice.area() == ChangeNotice.Area.REACTIONS) {
            counts.invalidate(notice.page());
            UserKey.forget(reactions, notice.page(), notice.user());
        }
    }
}
