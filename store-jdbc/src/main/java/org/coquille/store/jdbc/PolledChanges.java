package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.coquille.spi.ChangeChannel;
import org.coquille.spi.ChangeNotice;

/**
 * The nodes' channel where the database has none (MariaDB): each node adds its notices to the change log
 * {@code coq_change} right after the write commits, and reads the others' every {@link #EVERY_MILLIS} ms by its
 * indexed id ({@code id > last seen}); rows older than {@link #KEEP_MILLIS} ms are pruned. An id that shows up after a
 * higher one (two nodes' inserts committing out of order) is waited for, up to {@link #GAP_MILLIS} ms.
 */
final class PolledChanges implements ChangeChannel, AutoCloseable {

    /** How often the log is read. */
    static final long EVERY_MILLIS = 200;
    /** How long rows stay in the log. */
    static final long KEEP_MILLIS = 10 * 60_000;
    /** How long a missing id is waited for (an insert not yet committed) before it is taken as never coming. */
    static final long GAP_MILLIS = 2_000;
    private static final int LIMIT = 1_000;
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private final Sql sql;
    private final Outbox outbox;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coquille-change-log");
        t.setDaemon(true);
        return t;
    });
    /** Every id up to this one was read (or waited for long enough); -1 until the log's end is known. */
    private long low = -1;
    /** Ids above {@link #low} already read. */
    private final TreeSet<Long> read = new TreeSet<>();
    /** Ids missing above {@link #low}, and since when (nanos). */
    private final Map<Long, Long> missing = new TreeMap<>();
    private long prunedAt = System.nanoTime();

    PolledChanges(Sql sql) {
        this.sql = sql;
        this.outbox = new Outbox("coquille-change-log-writer", this::send);
    }

    @Override
    public void publish(ChangeNotice notice) {
        outbox.add(notice);
    }

    @Override
    public void listen(Listener listener) {
        ChannelState state = new ChannelState("the change log coq_change", listener);
        poller.scheduleWithFixedDelay(() -> poll(state, listener), 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void send(List<ChangeNotice> notices) {
        long now = System.currentTimeMillis();
        sql.write("tell the other nodes of a change", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_change (notice, changed_at) VALUES (?, ?)")) {
                for (ChangeNotice notice : notices) {
                    s.setString(1, notice.text());
                    s.setLong(2, now);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    private void poll(ChannelState state, Listener listener) {
        try {
            if (low < 0) {
                low = sql.read("find the end of the change log", c -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM coq_change");
                         ResultSet rows = s.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                });
            } else {
                readAfter(listener);
            }
            prune();
            state.working();
        } catch (RuntimeException e) {
            state.failed(e);
            if (state.isLost()) {
                low = -1; // once back, start from the log's end: the listener forgets everything then
                read.clear();
                missing.clear();
            }
        }
    }

    private void readAfter(Listener listener) {
        long from = low;
        sql.read("read the other nodes' changes", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, notice FROM coq_change WHERE id > ? ORDER BY id LIMIT " + LIMIT)) {
                s.setLong(1, from);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        if (read.add(id)) {
                            missing.remove(id);
                            String text = rows.getString(2);
                            if (listener.node() == null || !text.startsWith(listener.node() + " ")) {
                                deliver(text, listener); // not this node's own
                            }
                        }
                    }
                }
            }
            return null;
        });
        advance();
    }

    private static void deliver(String text, Listener listener) {
        ChangeNotice notice;
        try {
            notice = ChangeNotice.parse(text);
        } catch (IllegalArgumentException e) {
            return; // another version's notice
        }
        listener.received(notice);
    }

    /** Moves {@link #low} over every id read or waited for long enough. */
    private void advance() {
        if (read.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long highest = read.last();
        for (long id = low + 1; id < highest && missing.size() < LIMIT; id++) {
            if (!read.contains(id)) {
                missing.putIfAbsent(id, now);
            }
        }
        while (true) {
            long next = low + 1;
            if (read.remove(next)) {
                low = next;
            } else if (missing.containsKey(next) && now - missing.get(next) > GAP_MILLIS * 1_000_000) {
                missing.remove(next);
                low = next;
            } else {
                return;
            }
        }
    }

    private void prune() {
        long now = System.nanoTime();
        if (now - prunedAt < PRUNE_EVERY_MILLIS * 1_000_000) {
            return;
        }
        prunedAt = now;
        long before = System.currentTimeMillis() - KEEP_MILLIS;
        sql.write("prune the change log", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_change WHERE changed_at < ?")) {
                s.setLong(1, before);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        poller.shutdownNow();
        outbox.close();
    }
}
