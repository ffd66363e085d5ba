package org.coquille.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollResults;
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
        polls.invalidate(created.page());
        caching.wrote();
        return created;
    }

    @Override
    public boolean updatePoll(Poll poll) {
        Poll old = store.poll(poll.id());
        boolean updated = store.updatePoll(poll);
        polls.invalidate(poll.page());
        if (old != null) {
            polls.invalidate(old.page());
        }
        results.invalidate(poll.id());
        caching.wrote();
        return updated;
    }

    @Override
    public boolean deletePoll(long pollId) {
        Poll old = store.poll(pollId);
        boolean deleted = store.deletePoll(pollId);
        if (old != null) {
            polls.invalidate(old.page());
        }
        results.invalidate(pollId);
        answers.invalidateAll();
        caching.wrote();
        return deleted;
    }

    @Override
    public Poll poll(long pollId) {
        return store.poll(pollId);
    }

    @Override
    public List<Poll> polls(PageId page) {
        return polls.get(page, store::polls);
    }

    /** Not cached: only the console asks, and it must see every poll at once. */
    @Override
    public List<Poll> allPolls() {
        return store.allPolls();
    }

    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        store.answerPoll(pollId, user, options, at);
        results.invalidate(pollId);
        answers.invalidate(new UserKey(pollId, user));
        caching.wrote();
    }

    @Override
    public Set<Integer> pollAnswer(long pollId, String user) {
        return answers.get(new UserKey(pollId, user), k -> store.pollAnswer(pollId, user));
    }

    @Override
    public PollResults pollResults(long pollId) {
        return results.get(pollId, store::pollResults);
    }

    void forgetAll() {
        polls.invalidateAll();
        results.invalidateAll();
        answers.invalidateAll();
        caching.wrote();
    }
}
