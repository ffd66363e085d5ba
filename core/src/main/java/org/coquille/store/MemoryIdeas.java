package org.coquille.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageId;
import org.coquille.core.UserData;
import org.coquille.spi.IdeaStore;

/** The in-memory store's ideas; every operation holds one lock. */
final class MemoryIdeas implements IdeaStore {

    private final Object lock = new Object();
    private final Map<Long, Idea> ideas = new LinkedHashMap<>();
    private final Map<Long, Set<String>> voters = new HashMap<>();
    private final List<IdeaStatusChange> history = new ArrayList<>();
    private long nextId = 1;

    @Override
    public Idea addIdea(PageId page, String author, String title, String body, Instant at) {
        synchronized (lock) {
            Idea idea = new Idea(nextId++, page, author, title, body, at, IdeaStatus.NEW, null, 0);
            ideas.put(idea.id(), idea);
            return idea;
        }
    }

    @Override
    public Idea idea(long id) {
        synchronized (lock) {
            Idea idea = ideas.get(id);
            return idea == null ? null : counted(idea);
        }
    }

    @Override
    public List<Idea> ideas(PageId page) {
        synchronized (lock) {
            return ideas.values().stream().filter(i -> i.page().equals(page)).map(this::counted).toList();
        }
    }

    private Idea counted(Idea idea) {
        return idea.withVotes(voters.getOrDefault(idea.id(), Set.of()).size());
    }

    /** The ideas {@code user} submitted, oldest first. */
    List<Idea> ideasBy(String user) {
        synchronized (lock) {
            return ideas.values().stream().filter(i -> i.author().equals(user)).map(this::counted).toList();
        }
    }

    /** {@code user}'s votes for ideas, by idea. */
    List<UserData.IdeaVote> votesBy(String user) {
        synchronized (lock) {
            return voters.entrySet().stream().filter(e -> e.getValue().contains(user))
                    .map(e -> new UserData.IdeaVote(e.getKey(), ideas.get(e.getKey()).page()))
                    .sorted(Comparator.comparingLong(UserData.IdeaVote::idea)).toList();
        }
    }

    /** Withdraws {@code user}'s votes, and keeps their ideas (votes, status, comments) without author or text. */
    void erase(String user) {
        synchronized (lock) {
            voters.values().forEach(users -> users.remove(user));
            ideas.replaceAll((id, i) -> i.author().equals(user) ? i.erased() : i);
        }
    }

    @Override
    public boolean putIdeaVote(long ideaId, String user, Instant at) {
        synchronized (lock) {
            return ideas.containsKey(ideaId) && voters.computeIfAbsent(ideaId, id -> new HashSet<>()).add(user);
        }
    }

    @Override
    public boolean removeIdeaVote(long ideaId, String user) {
        synchronized (lock) {
            return voters.getOrDefault(ideaId, new HashSet<>()).remove(user);
        }
    }

    @Override
    public Set<Long> ideaVotesOf(PageId page, String user) {
        synchronized (lock) {
            Set<Long> mine = new HashSet<>();
            voters.forEach((id, users) -> {
                if (users.contains(user) && ideas.get(id).page().equals(page)) {
                    mine.add(id);
                }
            });
            return Set.copyOf(mine);
        }
    }

    @Override
    public boolean changeIdeaStatus(long ideaId, IdeaStatus from, IdeaStatus to, String answer, String editor,
                                    Instant at) {
        synchronized (lock) {
            Idea idea = ideas.get(ideaId);
            if (idea == null || idea.status() != from) {
                return false;
            }
            ideas.put(ideaId, idea.withStatus(to, answer));
            history.add(new IdeaStatusChange(ideaId, from, to, answer, editor, at));
            return true;
        }
    }

    @Override
    public List<IdeaStatusChange> ideaHistory(PageId page) {
        synchronized (lock) {
            return history.stream().filter(c -> ideas.get(c.idea()).page().equals(page)).toList();
        }
    }
}
