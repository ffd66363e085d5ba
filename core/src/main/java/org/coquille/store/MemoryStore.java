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
import org.coquille.core.Poll;
import org.coquille.core.PollResults;
import org.coquille.core.ViewBatch;
import org.coquille.core.VoteTally;
import org.coquille.spi.SocialStore;

/**
 * A store that keeps everything in memory, for tests and demos. Thread-safe: every operation holds
 * one lock, which makes each change atomic. Nothing survives a restart.
 */
public final class MemoryStore implements SocialStore {

    private record Key(PageId page, String user) { }

    private record DayKey(PageId page, LocalDate day) { }

    private final Object lock = new Object();
    private final Map<PageId, PageSettings> settings = new TreeMap<>();
    private final Map<Long, Comment> comments = new LinkedHashMap<>();
    private final Map<Key, Integer> votes = new HashMap<>();
    private final Map<Long, Poll> polls = new LinkedHashMap<>();
    private final Map<Long, Map<String, Set<Integer>>> answers = new HashMap<>();
    private final Map<Key, Set<String>> reactions = new HashMap<>();
    private final Map<DayKey, Long> views = new HashMap<>();
    private final Map<DayKey, Set<String>> viewers = new HashMap<>();
    private final MemoryIdeas ideas = new MemoryIdeas();
    private final MemoryDatePolls datePolls = new MemoryDatePolls();
    private long nextCommentId = 1;
    private long nextPollId = 1;

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
        }
    }

    @Override
    public boolean removeVote(PageId page, String user) {
        synchronized (lock) {
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
        synchronized (lock) {
            Poll stored = poll.withId(nextPollId++);
            polls.put(stored.id(), stored);
            return stored;
        }
    }

    @Override
    public boolean updatePoll(Poll poll) {
        synchronized (lock) {
            if (!polls.containsKey(poll.id())) {
                return false;
            }
            polls.put(poll.id(), poll);
            return true;
        }
    }

    @Override
    public boolean deletePoll(long pollId) {
        synchronized (lock) {
            answers.remove(pollId);
            return polls.remove(pollId) != null;
        }
    }

    @Override
    public Poll poll(long pollId) {
        synchronized (lock) {
            return polls.get(pollId);
        }
    }

    @Override
    public List<Poll> polls(PageId page) {
        synchronized (lock) {
            return polls.values().stream().filter(p -> p.page().equals(page)).toList();
        }
    }

    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        synchronized (lock) {
            answers.computeIfAbsent(pollId, id -> new HashMap<>()).put(user, Set.copyOf(options));
        }
    }

    @Override
    public Set<Integer> pollAnswer(long pollId, String user) {
        synchronized (lock) {
            return answers.getOrDefault(pollId, Map.of()).getOrDefault(user, Set.of());
        }
    }

    @Override
    public PollResults pollResults(long pollId) {
        synchronized (lock) {
            Poll poll = polls.get(pollId);
            int size = poll == null ? 0 : poll.options().size();
            long[] counts = new long[size];
            Map<String, Set<Integer>> byUser = answers.getOrDefault(pollId, Map.of());
            for (Set<Integer> chosen : byUser.values()) {
                for (int option : chosen) {
                    if (option >= 0 && option < size) {
                        counts[option]++;
                    }
                }
            }
            List<Long> perOption = new ArrayList<>(size);
            for (long count : counts) {
                perOption.add(count);
            }
            return new PollResults(pollId, perOption, byUser.size());
        }
    }

    @Override
    public boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at) {
        synchronized (lock) {
            Set<String> mine = reactions.computeIfAbsent(new Key(page, user), k -> new HashSet<>());
            return on ? mine.add(emoji) : mine.remove(emoji);
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
                result.add(new PageViews(page, day, views.get(key), viewers.getOrDefault(key, Set.of()).size()));
            }
            return result;
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
}
