package org.coquille.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import org.coquille.spi.PersonalDataStore;
import org.coquille.spi.SocialStore;

/**
 * A store that keeps everything in memory, for tests and demos. Thread-safe: every operation holds
 * one lock, which makes each change atomic. Nothing survives a restart.
 */
public final class MemoryStore implements SocialStore {

    private record Key(PageId page, String user) { }

    private record ReactionKey(PageId page, String user, String emoji) { }

    private record DayKey(PageId page, LocalDate day) { }

    private final MemoryIdeas ideas = new MemoryIdeas();
    private final MemoryDatePolls datePolls = new MemoryDatePolls();
    private final Object lock = new Object();
    private final Map<PageId, PageSettings> settings = new TreeMap<>();
    private final Map<Long, Comment> comments = new LinkedHashMap<>();
    private final Map<Key, Integer> votes = new HashMap<>();
    private final MemoryPolls polls = new MemoryPolls();
    private final Map<Key, Set<String>> reactions = new HashMap<>();
    private final Map<DayKey, Long> views = new HashMap<>();
    private final Map<DayKey, Set<String>> viewers = new HashMap<>();
    private final Map<Key, Instant> votedAt = new HashMap<>();
    private final Map<ReactionKey, Instant> reactedAt = new HashMap<>();
    private final MemoryActivity activity = new MemoryActivity();
    private final Map<PageId, CataloguedPage> catalogue = new TreeMap<>();
    private final Map<String, PatternRule> patterns = new TreeMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private long nextCommentId = 1;
    private long nextAuditId = 1;

    @Override
    public String describe() {
        return "in-memory store (nothing is kept after a restart)";
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public PageSettings settings(PageId page) {
        synchronized (lock) {
            return settings.get(page);
        }
    }

    @Override
    public void saveSettings(PageSettings pageSettings) {
        synchronized (lock) {
            settings.put(pageSettings.page(), pageSettings);
        }
    }

    @Override
    public List<PageSettings> allSettings() {
        synchronized (lock) {
            return List.copyOf(settings.values());
        }
    }

    @Override
    public Comment addComment(PageId page, Long parentId, String author, String body, Instant at, CommentState state) {
        synchronized (lock) {
            Comment comment = new Comment(nextCommentId++, page, parentId, author, body, at, null, state);
            comments.put(comment.id(), comment);
            return comment;
        }
    }

    @Override
    public Comment comment(long id) {
        synchronized (lock) {
            return comments.get(id);
        }
    }

    @Override
    public List<Comment> comments(PageId page) {
        synchronized (lock) {
            return comments.values().stream().filter(c -> c.page().equals(page)).toList();
        }
    }

    @Override
    public List<Comment> commentsInState(CommentState state, int limit) {
        synchronized (lock) {
            return comments.values().stream()
                    .filter(c -> c.state() == state)
                    .sorted(Comparator.comparing(Comment::created).thenComparing(Comment::id).reversed())
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public boolean editComment(long id, String body, Instant at) {
        synchronized (lock) {
            Comment comment = comments.get(id);
            if (comment == null) {
                return false;
            }
            comments.put(id, comment.withBody(body, at));
            return true;
        }
    }

    @Override
    public boolean setCommentState(long id, CommentState state) {
        synchronized (lock) {
            Comment comment = comments.get(id);
            if (comment == null) {
                return false;
            }
            comments.put(id, comment.withState(state));
            return true;
        }
    }

    @Override
    public void putVote(PageId page, String user, int value, Instant at) {
        synchronized (lock) {
            votes.put(new Key(page, user), value);
            votedAt.put(new Key(page, user), at);
        }
    }

    @Override
    public boolean removeVote(PageId page, String user) {
        synchronized (lock) {
            votedAt.remove(new Key(page, user));
            return votes.remove(new Key(page, user)) != null;
        }
    }

    @Override
    public Integer vote(PageId page, String user) {
        synchronized (lock) {
            return votes.get(new Key(page, user));
        }
    }

    @Override
    public VoteTally tally(PageId page) {
        synchronized (lock) {
            Map<Integer, Long> counts = new TreeMap<>();
            votes.forEach((key, value) -> {
                if (key.page().equals(page)) {
                    counts.merge(value, 1L, Long::sum);
                }
            });
            return VoteTally.of(counts);
        }
    }

    @Override
    public Poll createPoll(Poll poll) {
        return polls.createPoll(poll);
    }

    @Override
    public boolean updatePoll(Poll poll) {
        return polls.updatePoll(poll);
    }

    @Override
    public boolean deletePoll(long pollId) {
        return polls.deletePoll(pollId);
    }

    @Override
    public Poll poll(long pollId) {
        return polls.poll(pollId);
    }

    @Override
    public List<Poll> polls(PageId page) {
        return polls.polls(page);
    }

    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        polls.answerPoll(pollId, user, options, at);
    }

    @Override
    public Set<Integer> pollAnswer(long pollId, String user) {
        return polls.pollAnswer(pollId, user);
    }

    @Override
    public PollResults pollResults(long pollId) {
        return polls.pollResults(pollId);
    }

    @Override
    public boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at) {
        synchronized (lock) {
            Set<String> mine = reactions.computeIfAbsent(new Key(page, user), k -> new HashSet<>());
            boolean changed = on ? mine.add(emoji) : mine.remove(emoji);
            if (changed && on) {
                reactedAt.put(new ReactionKey(page, user, emoji), at);
            } else if (changed) {
                reactedAt.remove(new ReactionKey(page, user, emoji));
            }
            return changed;
        }
    }

    @Override
    public Map<String, Long> reactionCounts(PageId page) {
        synchronized (lock) {
            Map<String, Long> counts = new TreeMap<>();
            reactions.forEach((key, emoji) -> {
                if (key.page().equals(page)) {
                    emoji.forEach(e -> counts.merge(e, 1L, Long::sum));
                }
            });
            return counts;
        }
    }

    @Override
    public Set<String> reactionsOf(PageId page, String user) {
        synchronized (lock) {
            return Set.copyOf(reactions.getOrDefault(new Key(page, user), Set.of()));
        }
    }

    @Override
    public void addViews(Collection<ViewBatch> batches) {
        synchronized (lock) {
            for (ViewBatch batch : batches) {
                DayKey key = new DayKey(batch.page(), batch.day());
                views.merge(key, batch.views(), Long::sum);
                viewers.computeIfAbsent(key, k -> new HashSet<>()).addAll(batch.viewerKeys());
            }
        }
    }

    @Override
    public List<PageViews> views(PageId page, LocalDate from, LocalDate to) {
        synchronized (lock) {
            Set<LocalDate> days = new TreeSet<>();
            views.keySet().stream()
                    .filter(k -> k.page().equals(page) && !k.day().isBefore(from) && !k.day().isAfter(to))
                    .forEach(k -> days.add(k.day()));
            List<PageViews> result = new ArrayList<>();
            for (LocalDate day : days) {
                DayKey key = new DayKey(page, day);
                Long sealedViewers = activity.sealedViewers(page, day);
                result.add(new PageViews(page, day, views.get(key),
                        sealedViewers != null ? sealedViewers : viewers.getOrDefault(key, Set.of()).size()));
            }
            return result;
        }
    }

    @Override
    public void addContributions(Collection<ContributionBatch> batches) {
        synchronized (lock) {
            activity.add(batches);
        }
    }

    @Override
    public List<ActivityFigures> activity(ActivityQuery query) {
        synchronized (lock) {
            Map<MemoryActivity.DayKey, Long> dayViews = new HashMap<>();
            Map<MemoryActivity.DayKey, Set<String>> dayViewers = new HashMap<>();
            views.forEach((k, n) -> dayViews.put(new MemoryActivity.DayKey(k.page(), k.day()), n));
            viewers.forEach((k, keys) -> dayViewers.put(new MemoryActivity.DayKey(k.page(), k.day()), keys));
            return activity.activity(query, dayViews, dayViewers);
        }
    }

    @Override
    public List<Long> contributionsPerContributor(LocalDate from, LocalDate to) {
        synchronized (lock) {
            return activity.contributionsPerContributor(from, to);
        }
    }

    @Override
    public void saveSealed(Bucket bucket, Collection<ActivityFigures> figures) {
        synchronized (lock) {
            activity.saveSealed(bucket, figures);
        }
    }

    @Override
    public List<ActivityFigures> sealed(ActivityQuery query) {
        synchronized (lock) {
            return activity.sealed(query);
        }
    }

    @Override
    public void purgeKeysBefore(LocalDate day) {
        synchronized (lock) {
            viewers.keySet().removeIf(k -> k.day().isBefore(day));
            activity.purgeBefore(day);
        }
    }

    @Override
    public void replaceKey(String oldKey, String newKey) {
        synchronized (lock) {
            viewers.values().forEach(keys -> {
                if (keys.remove(oldKey)) {
                    keys.add(newKey);
                }
            });
            activity.replaceKey(oldKey, newKey);
        }
    }

    @Override
    public UserData userData(String user) {
        synchronized (lock) {
            List<Comment> mine = comments.values().stream().filter(c -> c.author().equals(user)).toList();
            List<UserData.Vote> myVotes = new ArrayList<>();
            votes.forEach((k, v) -> {
                if (k.user().equals(user)) {
                    myVotes.add(new UserData.Vote(k.page(), v, votedAt.get(k)));
                }
            });
            myVotes.sort(Comparator.comparing(UserData.Vote::page));
            List<UserData.Reaction> myReactions = new ArrayList<>();
            reactedAt.forEach((k, at) -> {
                if (k.user().equals(user)) {
                    myReactions.add(new UserData.Reaction(k.page(), k.emoji(), at));
                }
            });
            myReactions.sort(Comparator.comparing(UserData.Reaction::page).thenComparing(UserData.Reaction::emoji));
            return new UserData(user, mine, myVotes, polls.answersBy(user), myReactions, ideas.ideasBy(user), ideas.votesBy(user),
                    datePolls.answersBy(user));
        }
    }

    @Override
    public void eraseUser(String user) {
        synchronized (lock) {
            comments.replaceAll((id, c) -> c.author().equals(user)
                    ? new Comment(c.id(), c.page(), c.parentId(), PersonalDataStore.ERASED_AUTHOR, "", c.created(), null, CommentState.DELETED)
                    : c);
            votes.keySet().removeIf(k -> k.user().equals(user));
            votedAt.keySet().removeIf(k -> k.user().equals(user));
            polls.erase(user);
            reactions.keySet().removeIf(k -> k.user().equals(user));
            reactedAt.keySet().removeIf(k -> k.user().equals(user));
            ideas.erase(user);
            datePolls.erase(user);
        }
    }

    @Override
    public void catalogue(Collection<CataloguedPage> sightings) {
        synchronized (lock) {
            for (CataloguedPage seen : sightings) {
                CataloguedPage known = catalogue.get(seen.page());
                if (known == null) {
                    catalogue.put(seen.page(), seen);
                } else if (known.title() == null && seen.title() != null) {
                    catalogue.put(seen.page(), new CataloguedPage(known.page(), seen.title(), known.firstSeen()));
                }
            }
        }
    }

    @Override
    public List<CataloguedPage> cataloguedPages() {
        synchronized (lock) {
            return List.copyOf(catalogue.values());
        }
    }

    @Override
    public Map<PageId, Long> viewTotals(LocalDate from, LocalDate to) {
        synchronized (lock) {
            Map<PageId, Long> totals = new TreeMap<>();
            views.forEach((key, count) -> {
                if (!key.day().isBefore(from) && !key.day().isAfter(to)) {
                    totals.merge(key.page(), count, Long::sum);
                }
            });
            return totals;
        }
    }

    @Override
    public List<PatternRule> patternRules() {
        synchronized (lock) {
            return List.copyOf(patterns.values());
        }
    }

    @Override
    public void savePatternRule(PatternRule rule) {
        synchronized (lock) {
            patterns.put(rule.pattern(), rule);
        }
    }

    @Override
    public boolean deletePatternRule(String pattern) {
        synchronized (lock) {
            return patterns.remove(pattern) != null;
        }
    }

    @Override
    public boolean deleteSettings(PageId page) {
        synchronized (lock) {
            return settings.remove(page) != null;
        }
    }

    @Override
    public void importSettings(List<PageSettings> pages, List<PatternRule> rules) {
        synchronized (lock) {
            pages.forEach(p -> settings.put(p.page(), p));
            rules.forEach(r -> patterns.put(r.pattern(), r));
        }
    }

    @Override
    public AuditEntry addAuditEntry(AuditEntry entry) {
        synchronized (lock) {
            AuditEntry stored = entry.withId(nextAuditId++);
            audit.add(stored);
            return stored;
        }
    }

    @Override
    public boolean moderateComment(long commentId, CommentState state, AuditEntry entry) {
        synchronized (lock) {
            if (!setCommentState(commentId, state)) {
                return false;
            }
            addAuditEntry(entry);
            return true;
        }
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) {
        synchronized (lock) {
            return audit.stream().sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed())
                    .limit(limit).toList();
        }
    }

    @Override
    public Idea addIdea(PageId page, String author, String title, String body, Instant at) {
        return ideas.addIdea(page, author, title, body, at);
    }

    @Override
    public Idea idea(long id) {
        return ideas.idea(id);
    }

    @Override
    public List<Idea> ideas(PageId page) {
        return ideas.ideas(page);
    }

    @Override
    public boolean putIdeaVote(long ideaId, String user, Instant at) {
        return ideas.putIdeaVote(ideaId, user, at);
    }

    @Override
    public boolean removeIdeaVote(long ideaId, String user) {
        return ideas.removeIdeaVote(ideaId, user);
    }

    @Override
    public Set<Long> ideaVotesOf(PageId page, String user) {
        return ideas.ideaVotesOf(page, user);
    }

    @Override
    public boolean changeIdeaStatus(long ideaId, IdeaStatus from, IdeaStatus to, String answer, String editor,
                                    Instant at) {
        return ideas.changeIdeaStatus(ideaId, from, to, answer, editor, at);
    }

    @Override
    public List<IdeaStatusChange> ideaHistory(PageId page) {
        return ideas.ideaHistory(page);
    }

    @Override
    public DatePoll createDatePoll(DatePoll poll) {
        return datePolls.createDatePoll(poll);
    }

    @Override
    public DatePoll datePoll(long id) {
        return datePolls.datePoll(id);
    }

    @Override
    public List<DatePoll> datePolls(PageId page) {
        return datePolls.datePolls(page);
    }

    @Override
    public void answerDatePoll(long pollId, String user, Map<Integer, Availability> answers, Instant at) {
        datePolls.answerDatePoll(pollId, user, answers, at);
    }

    @Override
    public Map<Integer, Availability> datePollAnswer(long pollId, String user) {
        return datePolls.datePollAnswer(pollId, user);
    }

    @Override
    public DatePollResults datePollResults(long pollId) {
        return datePolls.datePollResults(pollId);
    }

    @Override
    public boolean closeDatePoll(long pollId, int chosen, Instant at) {
        return datePolls.closeDatePoll(pollId, chosen, at);
    }

    @Override
    public boolean updateDatePoll(DatePoll poll) {
        return datePolls.updateDatePoll(poll);
    }

    @Override
    public boolean deleteDatePoll(long pollId) {
        return datePolls.deleteDatePoll(pollId);
    }
}
