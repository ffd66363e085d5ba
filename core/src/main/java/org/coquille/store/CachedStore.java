package org.coquille.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.core.AuditEntry;
import org.coquille.core.CataloguedPage;
import org.coquille.core.Availability;
import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PageViews;
import org.coquille.core.PatternRule;
import org.coquille.core.Poll;
import org.coquille.core.PollResults;
import org.coquille.core.ViewBatch;
import org.coquille.core.VoteTally;
import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.ContributionBatch;
import org.coquille.core.UserData;
import org.coquille.spi.SocialStore;

/**
 * A read-through cache in front of another store, for the reads every page view makes (settings,
 * counts, comments, the viewer's own votes and reactions). Writes made through it invalidate what they
 * change at once; entries also expire after a bounded time, so that writes made by other nodes sharing
 * the same database show within that time.
 */
public final class CachedStore implements SocialStore {

    private record UserKey(Object scope, String user) { }

    private final SocialStore store;
    private final Cache<PageId, Optional<PageSettings>> settings;
    private final Cache<PageId, List<Comment>> comments;
    private final Cache<PageId, VoteTally> tallies;
    private final Cache<PageId, Map<String, Long>> reactionCounts;
    private final Cache<PageId, List<Poll>> polls;
    private final Cache<Long, PollResults> pollResults;
    private final Cache<UserKey, Optional<Integer>> votes;
    private final Cache<UserKey, Set<String>> reactions;
    private final Cache<UserKey, Set<Integer>> answers;
    private final Cache<PageId, List<Idea>> ideas;
    private final Cache<PageId, List<IdeaStatusChange>> ideaHistory;
    private final Cache<UserKey, Set<Long>> ideaVotes;
    private final Cache<PageId, List<DatePoll>> datePolls;
    private final Cache<Long, DatePollResults> datePollResults;
    private final Cache<UserKey, Map<Integer, Availability>> datePollAnswers;
    private final AtomicLong writes = new AtomicLong();
    /** The pattern rules editors saved: one entry, read on every page view. */
    private final Cache<String, List<PatternRule>> patterns;

    /**
     * @param store  the store to read through
     * @param ttl    how long an entry may live before it is read again
     * @param ticker the time source (a fake one in tests)
     */
    public CachedStore(SocialStore store, Duration ttl, Ticker ticker) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = cache(ttl, ticker, 20_000);
        this.comments = cache(ttl, ticker, 5_000);
        this.tallies = cache(ttl, ticker, 20_000);
        this.reactionCounts = cache(ttl, ticker, 20_000);
        this.polls = cache(ttl, ticker, 20_000);
        this.pollResults = cache(ttl, ticker, 5_000);
        this.votes = cache(ttl, ticker, 100_000);
        this.ideas = cache(ttl, ticker, 5_000);
        this.ideaHistory = cache(ttl, ticker, 5_000);
        this.ideaVotes = cache(ttl, ticker, 100_000);
        this.datePolls = cache(ttl, ticker, 20_000);
        this.datePollResults = cache(ttl, ticker, 5_000);
        this.datePollAnswers = cache(ttl, ticker, 100_000);
        this.reactions = cache(ttl, ticker, 100_000);
        this.answers = cache(ttl, ticker, 100_000);
        this.patterns = cache(ttl, ticker, 1);
    }

    private static <K, V> Cache<K, V> cache(Duration ttl, Ticker ticker, long size) {
        return Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(size).build();
    }

    /**
     * How many writes were made through this cache so far. Whatever is derived from cached reads (a rendered
     * fragment) is stale once this moves.
     */
    public long writes() {
        return writes.get();
    }

    /** Counts a write; called after it, so that a reader who saw the old count re-reads. */
    private void wrote() {
        writes.incrementAndGet();
    }

    /** The store behind the cache. */
    public SocialStore delegate() {
        return store;
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public PageSettings settings(PageId page) {
        return settings.get(page, p -> Optional.ofNullable(store.settings(p))).orElse(null);
    }

    @Override
    public void saveSettings(PageSettings pageSettings) {
        store.saveSettings(pageSettings);
        settings.invalidate(pageSettings.page());
        wrote();
    }

    @Override
    public List<PageSettings> allSettings() {
        return store.allSettings();
    }

    @Override
    public Comment addComment(PageId page, Long parentId, String author, String body, Instant at, CommentState state) {
        Comment comment = store.addComment(page, parentId, author, body, at, state);
        comments.invalidate(page);
        wrote();
        return comment;
    }

    @Override
    public Comment comment(long id) {
        return store.comment(id);
    }

    @Override
    public List<Comment> comments(PageId page) {
        return comments.get(page, store::comments);
    }

    @Override
    public List<Comment> commentsInState(CommentState state, int limit) {
        return store.commentsInState(state, limit);
    }

    @Override
    public boolean editComment(long id, String body, Instant at) {
        Comment comment = store.comment(id);
        boolean changed = store.editComment(id, body, at);
        if (comment != null) {
            comments.invalidate(comment.page());
        }
        wrote();
        return changed;
    }

    @Override
    public boolean setCommentState(long id, CommentState state) {
        Comment comment = store.comment(id);
        boolean changed = store.setCommentState(id, state);
        if (comment != null) {
            comments.invalidate(comment.page());
        }
        wrote();
        return changed;
    }

    @Override
    public void putVote(PageId page, String user, int value, Instant at) {
        store.putVote(page, user, value, at);
        tallies.invalidate(page);
        votes.invalidate(new UserKey(page, user));
        wrote();
    }

    @Override
    public boolean removeVote(PageId page, String user) {
        boolean removed = store.removeVote(page, user);
        tallies.invalidate(page);
        votes.invalidate(new UserKey(page, user));
        wrote();
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

    @Override
    public Poll createPoll(Poll poll) {
        Poll created = store.createPoll(poll);
        polls.invalidate(created.page());
        wrote();
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
        pollResults.invalidate(poll.id());
        wrote();
        return updated;
    }

    @Override
    public boolean deletePoll(long pollId) {
        Poll old = store.poll(pollId);
        boolean deleted = store.deletePoll(pollId);
        if (old != null) {
            polls.invalidate(old.page());
        }
        pollResults.invalidate(pollId);
        answers.invalidateAll();
        wrote();
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

    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        store.answerPoll(pollId, user, options, at);
        pollResults.invalidate(pollId);
        answers.invalidate(new UserKey(pollId, user));
        wrote();
    }

    @Override
    public Set<Integer> pollAnswer(long pollId, String user) {
        return answers.get(new UserKey(pollId, user), k -> store.pollAnswer(pollId, user));
    }

    @Override
    public PollResults pollResults(long pollId) {
        return pollResults.get(pollId, store::pollResults);
    }

    @Override
    public boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at) {
        boolean changed = store.setReaction(page, user, emoji, on, at);
        reactionCounts.invalidate(page);
        reactions.invalidate(new UserKey(page, user));
        wrote();
        return changed;
    }

    @Override
    public Map<String, Long> reactionCounts(PageId page) {
        return reactionCounts.get(page, store::reactionCounts);
    }

    @Override
    public Set<String> reactionsOf(PageId page, String user) {
        return reactions.get(new UserKey(page, user), k -> store.reactionsOf(page, user));
    }

    @Override
    public void addViews(Collection<ViewBatch> batches) {
        store.addViews(batches);
    }

    @Override
    public List<PageViews> views(PageId page, LocalDate from, LocalDate to) {
        return store.views(page, from, to);
    }

    @Override
    public void catalogue(Collection<CataloguedPage> sightings) {
        store.catalogue(sightings);
    }

    @Override
    public List<CataloguedPage> cataloguedPages() {
        return store.cataloguedPages();
    }

    @Override
    public Map<PageId, Long> viewTotals(LocalDate from, LocalDate to) {
        return store.viewTotals(from, to);
    }

    @Override
    public List<PatternRule> patternRules() {
        return patterns.get("all", k -> store.patternRules());
    }

    @Override
    public void savePatternRule(PatternRule rule) {
        store.savePatternRule(rule);
        patterns.invalidateAll();
        wrote();
    }

    @Override
    public boolean deletePatternRule(String pattern) {
        boolean deleted = store.deletePatternRule(pattern);
        patterns.invalidateAll();
        wrote();
        return deleted;
    }

    @Override
    public boolean deleteSettings(PageId page) {
        boolean deleted = store.deleteSettings(page);
        settings.invalidate(page);
        wrote();
        return deleted;
    }

    @Override
    public void importSettings(List<PageSettings> pages, List<PatternRule> rules) {
        try {
            store.importSettings(pages, rules);
        } finally {
            settings.invalidateAll(); // an import replaces every page's settings
            patterns.invalidateAll();
            wrote();
        }
    }

    @Override
    public AuditEntry addAuditEntry(AuditEntry entry) {
        return store.addAuditEntry(entry);
    }

    @Override
    public boolean moderateComment(long commentId, CommentState state, AuditEntry entry) {
        Comment comment = store.comment(commentId);
        boolean changed = store.moderateComment(commentId, state, entry);
        if (comment != null) {
            comments.invalidate(comment.page());
        }
        wrote();
        return changed;
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) {
        return store.auditEntries(limit);
    }

    @Override
    public void addContributions(Collection<ContributionBatch> batches) {
        store.addContributions(batches);
    }

    @Override
    public List<ActivityFigures> activity(ActivityQuery query) {
        return store.activity(query);
    }

    @Override
    public List<Long> contributionsPerContributor(LocalDate from, LocalDate to) {
        return store.contributionsPerContributor(from, to);
    }

    @Override
    public void saveSealed(Bucket bucket, Collection<ActivityFigures> figures) {
        store.saveSealed(bucket, figures);
    }

    @Override
    public List<ActivityFigures> sealed(ActivityQuery query) {
        return store.sealed(query);
    }

    @Override
    public void purgeKeysBefore(LocalDate day) {
        store.purgeKeysBefore(day);
    }

    @Override
    public void replaceKey(String oldKey, String newKey) {
        store.replaceKey(oldKey, newKey);
    }

    @Override
    public UserData userData(String user) {
        return store.userData(user);
    }

    /** Erases, then forgets every cached entry: the person's data may be on any page. */
    @Override
    public void eraseUser(String user) {
        store.eraseUser(user);
        comments.invalidateAll();
        tallies.invalidateAll();
        reactionCounts.invalidateAll();
        pollResults.invalidateAll();
        votes.invalidateAll();
        reactions.invalidateAll();
        answers.invalidateAll();
        ideas.invalidateAll();
        ideaVotes.invalidateAll();
        datePollResults.invalidateAll();
        datePollAnswers.invalidateAll();
        wrote();
    }

    @Override
    public Idea addIdea(PageId page, String author, String title, String body, Instant at) {
        Idea idea = store.addIdea(page, author, title, body, at);
        ideas.invalidate(page);
        wrote();
        return idea;
    }

    @Override
    public Idea idea(long id) {
        return store.idea(id);
    }

    @Override
    public List<Idea> ideas(PageId page) {
        return ideas.get(page, store::ideas);
    }

    @Override
    public boolean putIdeaVote(long ideaId, String user, Instant at) {
        boolean added = store.putIdeaVote(ideaId, user, at);
        ideaVoted(ideaId, user);
        return added;
    }

    @Override
    public boolean removeIdeaVote(long ideaId, String user) {
        boolean removed = store.removeIdeaVote(ideaId, user);
        ideaVoted(ideaId, user);
        return removed;
    }

    private void ideaVoted(long ideaId, String user) {
        Idea idea = store.idea(ideaId);
        if (idea != null) {
            ideas.invalidate(idea.page());
            ideaVotes.invalidate(new UserKey(idea.page(), user));
        }
        wrote();
    }

    @Override
    public Set<Long> ideaVotesOf(PageId page, String user) {
        return ideaVotes.get(new UserKey(page, user), k -> store.ideaVotesOf(page, user));
    }

    @Override
    public boolean changeIdeaStatus(long ideaId, IdeaStatus from, IdeaStatus to, String answer, String editor,
                                    Instant at) {
        boolean changed = store.changeIdeaStatus(ideaId, from, to, answer, editor, at);
        Idea idea = store.idea(ideaId);
        if (idea != null) {
            ideas.invalidate(idea.page());
            ideaHistory.invalidate(idea.page());
        }
        wrote();
        return changed;
    }

    @Override
    public List<IdeaStatusChange> ideaHistory(PageId page) {
        return ideaHistory.get(page, store::ideaHistory);
    }

    @Override
    public DatePoll createDatePoll(DatePoll poll) {
        DatePoll created = store.createDatePoll(poll);
        datePolls.invalidate(created.page());
        wrote();
        return created;
    }

    @Override
    public DatePoll datePoll(long id) {
        return store.datePoll(id);
    }

    @Override
    public List<DatePoll> datePolls(PageId page) {
        return datePolls.get(page, store::datePolls);
    }

    @Override
    public void answerDatePoll(long pollId, String user, Map<Integer, Availability> given, Instant at) {
        store.answerDatePoll(pollId, user, given, at);
        datePollResults.invalidate(pollId);
        datePollAnswers.invalidate(new UserKey(pollId, user));
        wrote();
    }

    @Override
    public Map<Integer, Availability> datePollAnswer(long pollId, String user) {
        return datePollAnswers.get(new UserKey(pollId, user), k -> store.datePollAnswer(pollId, user));
    }

    @Override
    public DatePollResults datePollResults(long pollId) {
        return datePollResults.get(pollId, store::datePollResults);
    }

    @Override
    public boolean closeDatePoll(long pollId, int chosen, Instant at) {
        boolean closed = store.closeDatePoll(pollId, chosen, at);
        DatePoll poll = store.datePoll(pollId);
        if (poll != null) {
            datePolls.invalidate(poll.page());
        }
        wrote();
        return closed;
    }

    @Override
    public boolean updateDatePoll(DatePoll poll) {
        DatePoll old = store.datePoll(poll.id());
        boolean updated = store.updateDatePoll(poll);
        if (old != null) {
            datePolls.invalidate(old.page());
        }
        datePollResults.invalidate(poll.id());
        wrote();
        return updated;
    }

    @Override
    public boolean deleteDatePoll(long pollId) {
        DatePoll old = store.datePoll(pollId);
        boolean deleted = store.deleteDatePoll(pollId);
        if (old != null) {
            datePolls.invalidate(old.page());
        }
        datePollResults.invalidate(pollId);
        datePollAnswers.invalidateAll();
        wrote();
        return deleted;
    }
}
