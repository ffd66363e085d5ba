package org.coquille.store;

import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.VoteTally;
import org.coquille.spi.VoteStore;

/** A page's tally and the viewer's own vote, read on every page view, cached. */
final class CachedVotes implements VoteStore {

    private final VoteStore store;
    private final Caching caching;
    private final Cache<PageId, VoteTally> tallies;
    private final Cache<UserKey, Optional<Integer>> votes;

    CachedVotes(VoteStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.tallies = caching.cache(20_000);
        this.votes = caching.cache(100_000);
    }

    @Override
    public void putVote(PageId page, String user, int value, Instant at) {
        store.putVote(page, user, value, at);
        forget(page, user);
    }

    @Override
    public boolean removeVote(PageId page, String user) {
        boolean removed = store.removeVote(page, user);
        forget(page, user);
        return removed;
    }

    @Override
    public Integer vote(PageId page, String user) {
        return votes.get(new UserKey(page, user), k -> Optional.ofNullable(store.vote(page, user))).orElse(null);
    }

    @Override
    public VoteTally tally(PageId page) {
        return tallies.get(page, store::tally);
    }

    private void forget(PageId page, String user) {
        tallies.invalidate(page);
        votes.invalidate(new UserKey(page, user));
        caching.wrote();
    }

    void forgetAll() {
        tallies.invalidateAll();
        votes.invalidateAll();
        caching.wrote();
    }
}
