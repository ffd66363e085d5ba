package org.coquille.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollResults;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.PollStore;

/** A page's polls, their results and the viewer's own answers, read on every page view, cached. */
final class CachedPolls implements PollStore {

    private final PollStore store;
    private final Caching caching;
    private final Cache<PageId, List<Poll>> polls;
    private final Cache<Long, PollResults> results;
    private final Cache<UserKey, Set<Integer>> answers;

    CachedPolls(PollStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.polls = caching.cache(20_000);
        this.results = caching.cache(5_000);
        this.answers = caching.cache(100_000);
    }

    @Override
    public Poll createPoll(Poll poll) {
        Poll created = store.createPoll(poll);
        caching.changed(ChangeNotice.Area.POLLS, created.page(), null, null);
        return created;
    }

    @Override
    public boolean updatePoll(Poll poll) {
        Poll old = store.poll(poll.id());
        boolean updated = store.updatePoll(poll);
        if (old != null && !old.page().equals(poll.page())) {
            caching.changed(ChangeNotice.Area.POLLS, old.page(), null, null);
        }
        caching.changed(ChangeNotice.Area.POLLS, poll.page(), poll.id(), null);
        return updated;
    }

    @Override
    public boolean deletePoll(long pollId) {
        Poll old = store.poll(pollId);
        boolean deleted = store.deletePoll(pollId);
        caching.changed(ChangeNotice.Area.POLLS, old == null ? null : old.page(), pollId, null);
        return deleted;
    }

    @Override
    public Poll poll(long pollId) {
        return store.poll(pollId);
    }

    @Override
    public List<Poll> polls(PageId page) {
        return caching.read(polls, page, store::polls);
    }

    /** Not cached: only the console asks, and it must see every poll at once. */
    @Override
    public List<Poll> allPolls() {
        return store.allPolls();
    }

    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        store.answerPoll(pollId, user, options, at);
        caching.changed(ChangeNotice.Area.POLLS, null, pollId, user);
    }

    @Override
    public Set<Integer> pollAnswer(long pollId, String user) {
        return caching.read(answers, new UserKey(pollId, user), k -> store.pollAnswer(pollId, user));
    }

    @Override
    public PollResults pollResults(long pollId) {
        return caching.read(results, pollId, store::pollResults);
    }

    /** Forgets the polls of the page {@code notice} names, the results of its poll, and the user's answer to it. */
    void forget(ChangeNotice notice) {
        if (notice.area() == ChangeNotice.Area.EVERYTHING || notice.area() == ChangeNotice.Area.POLLS
                && notice.page() == null && notice.item() == null) {
            polls.invalidateAll();
            results.invalidateAll();
            answers.invalidateAll();
        } else if (notice.area() == ChangeNotice.Area.POLLS) {
            if (notice.page() != null) {
                polls.invalidate(notice.page());
            }
            if (notice.item() != null) {
                results.invalidate(notice.item());
                UserKey.forget(answers, notice.item(), notice.user());
            }
        }
    }
}
