package org.coquille.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.Availability;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.PageId;
import org.coquille.core.UserData;
import org.coquille.spi.DatePollStore;

/** The in-memory store's date polls; every operation holds one lock. */
final class MemoryDatePolls implements DatePollStore {

    private final Object lock = new Object();
    private final Map<Long, DatePoll> polls = new LinkedHashMap<>();
    private final Map<Long, Map<String, Map<Integer, Availability>>> answers = new HashMap<>();
    private long nextId = 1;

    @Override
    public DatePoll createDatePoll(DatePoll poll) {
        synchronized (lock) {
            DatePoll stored = poll.withId(nextId++).withChosen(null);
            polls.put(stored.id(), stored);
            return stored;
        }
    }

    @Override
    public DatePoll datePoll(long id) {
        synchronized (lock) {
            return polls.get(id);
        }
    }

    @Override
    public List<DatePoll> datePolls(PageId page) {
        synchronized (lock) {
            return polls.values().stream().filter(p -> p.page().equals(page)).toList();
        }
    }

    @Override
    public List<DatePoll> allDatePolls() {
        synchronized (lock) {
            return List.copyOf(polls.values());
        }
    }

    @Override
    public void answerDatePoll(long pollId, String user, Map<Integer, Availability> given, Instant at) {
        synchronized (lock) {
            if (polls.containsKey(pollId)) {
                answers.computeIfAbsent(pollId, id -> new HashMap<>()).computeIfAbsent(user, u -> new TreeMap<>())
                        .putAll(given);
            }
        }
    }

    /** {@code user}'s date-poll answers, by poll. */
    List<UserData.DateAnswer> answersBy(String user) {
        synchronized (lock) {
            List<UserData.DateAnswer> mine = new ArrayList<>();
            answers.forEach((poll, byUser) -> {
                Map<Integer, Availability> given = byUser.get(user);
                if (given != null && !given.isEmpty()) {
                    mine.add(new UserData.DateAnswer(poll, polls.get(poll).page(), given));
                }
            });
            mine.sort(Comparator.comparingLong(UserData.DateAnswer::poll));
            return mine;
        }
    }

    void erase(String user) {
        synchronized (lock) {
            answers.values().forEach(byUser -> byUser.remove(user));
        }
    }

    @Override
    public Map<Integer, Availability> datePollAnswer(long pollId, String user) {
        synchronized (lock) {
            return Map.copyOf(answers.getOrDefault(pollId, Map.of()).getOrDefault(user, Map.of()));
        }
    }

    @Override
    public DatePollResults datePollResults(long pollId) {
        synchronized (lock) {
            DatePoll poll = polls.get(pollId);
            int size = poll == null ? 0 : poll.slots().size();
            long[][] counts = new long[size][Availability.values().length];
            Map<String, Map<Integer, Availability>> byUser = answers.getOrDefault(pollId, Map.of());
            byUser.values().forEach(mine -> mine.forEach((slot, a) -> {
                if (slot >= 0 && slot < size) {
                    counts[slot][a.ordinal()]++;
                }
            }));
            List<DatePollResults.SlotTally> slots = new ArrayList<>();
            for (long[] c : counts) {
                slots.add(new DatePollResults.SlotTally(c[Availability.YES.ordinal()],
                        c[Availability.IF_NEED_BE.ordinal()], c[Availability.NO.ordinal()]));
            }
            return new DatePollResults(pollId, slots, byUser.size());
        }
    }

    @Override
    public boolean closeDatePoll(long pollId, int chosen, Instant at) {
        synchronized (lock) {
            DatePoll poll = polls.get(pollId);
            if (poll == null || poll.closed()) {
                return false;
            }
            polls.put(pollId, poll.withChosen(chosen));
            return true;
        }
    }

    @Override
    public boolean updateDatePoll(DatePoll poll) {
        synchronized (lock) {
            DatePoll stored = polls.get(poll.id());
            if (stored == null || stored.closed() || !answers.getOrDefault(poll.id(), Map.of()).isEmpty()) {
                return false;
            }
            polls.put(poll.id(), new DatePoll(poll.id(), stored.page(), poll.title(), poll.slots(), null));
            return true;
        }
    }

    @Override
    public boolean deleteDatePoll(long pollId) {
        synchronized (lock) {
            answers.remove(pollId);
            return polls.remove(pollId) != null;
        }
    }
}
