package org.coquille.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.core.UserData;
import org.coquille.core.VoteTally;
import org.coquille.spi.VoteStore;

/** The in-memory store's page votes. */
final class MemoryVotes implements VoteStore {

    private record Key(PageId page, String user) { }

    private record Cast(int value, Instant at) { }

    private final Object lock;
    private final Map<Key, Cast> votes = new HashMap<>();

    MemoryVotes(Object lock) {
        this.lock = lock;
    }

    @Override
    public void putVote(PageId page, String user, int value, Instant at) {
        synchronized (lock) {
            votes.put(new Key(page, user), new Cast(value, at));
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
            Cast cast = votes.get(new Key(page, user));
            return cast == null ? null : cast.value();
        }
    }

    @Override
    public VoteTally tally(PageId page) {
        synchronized (lock) {
            Map<Integer, Long> counts = new TreeMap<>();
            votes.forEach((key, cast) -> {
                if (key.page().equals(page)) {
                    counts.merge(cast.value(), 1L, Long::sum);
                }
            });
            return VoteTally.of(counts);
        }
    }

    List<UserData.Vote> by(String user) {
        synchronized (lock) {
            List<UserData.Vote> mine = new ArrayList<>();
            votes.forEach((key, cast) -> {
                if (key.user().equals(user)) {
                    mine.add(new UserData.Vote(key.page(), cast.value(), cast.at()));
                }
            });
            mine.sort(Comparator.comparing(UserData.Vote::page));
            return mine;
        }
    }

    void erase(String user) {
        synchronized (lock) {
            votes.keySet().removeIf(k -> k.user().equals(user));
        }
    }
}
