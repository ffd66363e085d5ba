package org.coquille.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.Availability;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.PageId;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.DatePollStore;

/** A page's date polls, their results and the viewer's own answers, read on every page view, cached. */
final class CachedDatePolls implements DatePollStore {

    private final DatePollStore store;
    private final Caching caching;
    private final Cache<PageId, List<DatePoll>> polls;
    private final Cache<Long, DatePollResults> results;
    private final Cache<UserKey, Map<Integer, Availability>> answers;

    CachedDatePolls(DatePollStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.polls = caching.cache(20_000);
        this.results = caching.cache(5_000);
        this.answers = caching.cache(100_000);
    }

    @Override
    public DatePoll createDatePoll(DatePoll poll) {
        DatePoll created = store.createDatePoll(poll);
        caching.changed(ChangeNotice.Area.DATE_POLLS, created.page(), null, null);
        return created;
    }

    @Override
    public DatePoll datePoll(long id) {
        return store.datePoll(id);
    }

    @Override
    public List<DatePoll> datePolls(PageId page) {
        return caching.read(polls, page, store::datePolls);
    }

    /** Not cached: only the console asks, and it must see every date poll at once. */
    @Override
    public List<DatePoll> allDatePolls() {
        return store.allDatePolls();
    }

    @Override
    public void answerDatePoll(long pollId, String user, Map<Integer, Availability> given, Instant at) {
        store.answerDatePoll(pollId, user, given, at);
        caching.changed(ChangeNotice.Area.DATE_POLLS, null, pollId, user);
    }

    @Override
    public Map<Integer, Availability> datePollAnswer(long pollId, String user) {
        return caching.read(answers, new UserKey(pollId, user), k -> store.datePollAnswer(pollId, user));
    }

    @Override
    public DatePollResults datePollResults(long pollId) {
        return caching.read(results, pollId, store::datePollResults);
    }

    @Override
    public boolean closeDatePoll(long pollId, int chosen, Instant at) {
        boolean closed = store.closeDatePoll(pollId, chosen, at);
        DatePoll poll = store.datePoll(pollId);
        if (poll != null) {
            caching.changed(ChangeNotice.Area.DATE_POLLS, poll.page(), null, null);
        } else {
            caching.wrote();
        }
        return closed;
    }

    @Override
    public boolean updateDatePoll(DatePoll poll) {
        DatePoll old = store.datePoll(poll.id());
        boolean updated = store.updateDatePoll(poll);
        caching.changed(ChangeNotice.Area.DATE_POLLS, old == null ? null : old.page(), poll.id(), null);
        return updated;
    }

    @Override
    public boolean deleteDatePoll(long pollId) {
        DatePoll old = store.datePoll(pollId);
        boolean deleted = store.deleteDatePoll(pollId);
        caching.changed(ChangeNotice.Area.DATE_POLLS, old == null ? null : old.page(), pollId, null);
        return deleted;
    }

    /** Forgets the date polls of the page {@code notice} names, its date poll's results, and the user's answer. */
    void forget(ChangeNotice notice) {
        if (notice.area() == ChangeNotice.Area.EVERYTHING || notice.area() == ChangeNotice.Area.DATE_POLLS
                && notice.page() == null && notice.item() == null) {
            polls.invalidateAll();
            results.invalidateAll();
            answers.invalidateAll();
        } else if (notice.area() == ChangeNotice.Area.DATE_POLLS) {
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
