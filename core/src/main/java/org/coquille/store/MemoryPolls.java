package org.coquille.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollResults;
import org.coquille.core.UserData;
import org.coquille.spi.PollStore;

/** The in-memory store's polls and their answers; every operation holds one lock. */
final class MemoryPolls implements PollStore {

    private final Object lock = new Object();
    private final Map<Long, Poll> polls = new LinkedHashMap<>();
    private final Map<Long, Map<String, Set<Integer>>> answers = new HashMap<>();
    private final Map<Long, Map<String, Instant>> answeredAt = new HashMap<>();
    private long nextId = 1;

    @Override
    public Poll createPoll(Poll poll) {
        synchronized (lock) {
            Poll stored = poll.withId(nextId++);
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
            answeredAt.remove(pollId);
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
    public List<Poll> allPolls() {
        synchronized (lock) {
            return List.copyOf(polls.values());
        }
    }

    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        synchronized (lock) {
            answers.computeIfAbsent(pollId, id -> new HashMap<>()).put(user, Set.copyOf(options));
            answeredAt.computeIfAbsent(pollId, id -> new HashMap<>()).put(user, at);
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

    /** {@code user}'s answers, by poll. */
    List<UserData.Answer> answersBy(String user) {
        synchronized (lock) {
            List<UserData.Answer> mine = new ArrayList<>();
            new TreeMap<>(answers).forEach((poll, byUser) -> {
                Set<Integer> chosen = byUser.get(user);
                if (chosen != null && polls.containsKey(poll)) {
                    mine.add(new UserData.Answer(poll, polls.get(poll).page(), chosen,
                            answeredAt.getOrDefault(poll, Map.of()).get(user)));
                }
            });
            return mine;
        }
    }

    void erase(String user) {
        synchronized (lock) {
            answers.values().forEach(byUser -> byUser.remove(user));
            answeredAt.values().forEach(byUser -> byUser.remove(user));
        }
    }
}
