package org.coquille.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.coquille.core.NotificationChoice;
import org.coquille.core.OutboxEntry;
import org.coquille.core.OutboxEntry.Status;
import org.coquille.spi.OutboxStore;

/** The outbox, choices and follows in memory, under one lock. */
final class MemoryOutbox implements OutboxStore {

    private record Held(OutboxEntry entry, String claimer, Instant leaseUntil) { }

    private final Map<Long, Held> entries = new LinkedHashMap<>();
    private final Map<String, NotificationChoice> choices = new HashMap<>();
    private final Map<String, Set<String>> followers = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized OutboxEntry enqueue(OutboxEntry entry) {
        OutboxEntry stored = new OutboxEntry(nextId++, entry.recipient(), entry.kind(), entry.payload(), entry.created(),
                entry.due(), entry.digest(), Status.PENDING, 0, null);
        entries.put(stored.id(), new Held(stored, null, null));
        return stored;
    }

    @Override
    public synchronized List<OutboxEntry> claim(Instant now, Duration lease, String claimer, int max) {
        List<Held> due = entries.values().stream()
                .filter(h -> h.entry().status() == Status.PENDING && !h.entry().due().isAfter(now)
                        || h.entry().status() == Status.CLAIMED && !h.leaseUntil().isAfter(now))
                .sorted(Comparator.comparing((Held h) -> h.entry().due()).thenComparing(h -> h.entry().id()))
                .limit(max).toList();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (Held h : due) {
            OutboxEntry e = with(h.entry(), Status.CLAIMED, h.entry().due(), h.entry().attempts(), h.entry().lastError());
            entries.put(e.id(), new Held(e, claimer, now.plus(lease)));
            claimed.add(e);
        }
        return claimed;
    }

    @Override
    public synchronized boolean markSent(long id, String claimer, Instant at) {
        return settle(id, claimer, e -> with(e, Status.SENT, e.due(), e.attempts(), e.lastError()));
    }

    @Override
    public synchronized boolean retryLater(long id, String claimer, Instant due, String error) {
        return settle(id, claimer, e -> with(e, Status.PENDING, due, e.attempts() + 1, cut(error)));
    }

    @Override
    public synchronized boolean drop(long id, String claimer, String why) {
        return settle(id, claimer, e -> with(e, Status.DROPPED, e.due(), e.attempts(), cut(why)));
    }

    private boolean settle(long id, String claimer, java.util.function.UnaryOperator<OutboxEntry> change) {
        Held h = entries.get(id);
        if (h == null || h.entry().status() != Status.CLAIMED || !claimer.equals(h.claimer())) {
            return false;
        }
        entries.put(id, new Held(change.apply(h.entry()), null, null));
        return true;
    }

    private static OutboxEntry with(OutboxEntry e, Status status, Instant due, int attempts, String error) {
        return new OutboxEntry(e.id(), e.recipient(), e.kind(), e.payload(), e.created(), due, e.digest(), status,
                attempts, error);
    }

    static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    @Override
    public synchronized List<OutboxEntry> entriesFor(String recipient) {
        return entries.values().stream().map(Held::entry).filter(e -> e.recipient().equals(recipient))
                .sorted(Comparator.comparing(OutboxEntry::created).thenComparing(OutboxEntry::id)).toList();
    }

    @Override
    public synchronized Optional<NotificationChoice> choice(String user) {
        return Optional.ofNullable(choices.get(user));
    }

    @Override
    public synchronized void saveChoice(NotificationChoice choice) {
        choices.put(choice.user(), choice);
    }

    @Override
    public synchronized void follow(String topic, String user) {
        followers.computeIfAbsent(topic, t -> new HashSet<>()).add(user);
    }

    @Override
    public synchronized Set<String> followers(String topic) {
        return Set.copyOf(followers.getOrDefault(topic, Set.of()));
    }

    @Override
    public synchronized Set<String> followed(String user) {
        Set<String> topics = new TreeSet<>();
        followers.forEach((topic, users) -> {
            if (users.contains(user)) {
                topics.add(topic);
            }
        });
        return topics;
    }

    @Override
    public synchronized void eraseRecipient(String user) {
        entries.values().removeIf(h -> h.entry().recipient().equals(user));
        choices.remove(user);
        followers.values().forEach(users -> users.remove(user));
    }
}
