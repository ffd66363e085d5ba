package org.coquille.store;

import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.VoteTally;
import org.coquille.spi.ChangeNotice;
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
        return caching.read(votes, new UserKey(page, user), k -> Optional.ofNullable(store.vote(page, user))).orElse(null);
    }

    @Override
    public VoteTally tally(PageId page) {
        return caching.read(tallies, page, store::tally);
    }

    private void forget(PageId page, String user) {
        caching.changed(ChangeNotice.Area.VOTES, page, null, user);
    }

    /** Forgets the tally of the page {@code notice} names and the user's own vote there. */
    void forget(ChangeNotice notice) {
        if (notice.area() == ChangeNotice.Area.EVERYTHING
                || notice.area() == ChangeNotice.Area.VOTES && notice.page() == null) {
            tallies.invalidateAll();
            votes.invalidateAll();
        } else if (notice.area() == ChangeNotice.Area.VOTES) {
            tallies.invalidate(notice.page());
            UserKey.forget(votes, notice.page(), notice.user());
        }
    }
}
