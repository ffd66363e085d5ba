package org.coquille.internal.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.coquille.core.PageId;
import org.coquille.core.ViewBatch;
import org.coquille.spi.ViewStore;
import org.coquille.spi.StoreDownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts page views in memory, on the request thread, and writes them to the store in batches from
 * another thread. A failed write keeps the counts for the next flush (up to a bound), so a short store
 * outage loses no views.
 */
public final class ViewCounter {

    private static final Logger LOG = LoggerFactory.getLogger(ViewCounter.class);
    private static final int MAX_PENDING_PAGES = 100_000;

    private record Key(PageId page, LocalDate day) { }

    /** The day views are counted in, and the instants (epoch milliseconds) it runs from and until. */
    private record Today(LocalDate day, long from, long until) { }

    private static final class Tally {
        final AtomicLong views = new AtomicLong();
        final Set<String> viewers = ConcurrentHashMap.newKeySet();
    }

    private final ViewStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile Map<Key, Tally> pending = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Today today = new Today(null, 0, 0);

    public ViewCounter(ViewStore store, Clock clock, ZoneId zone) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    /** Counts one view of {@code page} by the viewer with pseudonymous key {@code viewerKey}. Never touches the store. */
    public void record(PageId page, String viewerKey) {
        Key key = new Key(page, today());
        swap.readLock().lock();
        try {
            Map<Key, Tally> current = pending;
            Tally tally = current.get(key); // the page's tally is there but for its first view of the day: no lock taken
            if (tally == null) {
                if (current.size() >= MAX_PENDING_PAGES) {
                    dropped.incrementAndGet(); // a long outage: counted, and said at the next flush
                    return;
                }
                tally = current.computeIfAbsent(key, k -> new Tally());
            }
            tally.views.incrementAndGet();
            tally.viewers.add(viewerKey);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Today in the counter's zone: worked out once a day, not for every view. */
    private LocalDate today() {
        long now = clock.millis();
        Today known = today;
        if (now < known.from() || now >= known.until()) {
            LocalDate day = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
            known = new Today(day, day.atStartOfDay(zone).toInstant().toEpochMilli(),
                    day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            today = known;
        }
        return known.day();
    }

    /** Writes what was counted since the last flush. Called by a scheduler, and at shutdown. */
    public synchronized void flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warn("{} page views were not counted: {} pages were already waiting for the store", lost, MAX_PENDING_PAGES);
        }
        Map<Key, Tally> taken;
        swap.writeLock().lock();
        try {
            taken = pending;
            if (taken.isEmpty()) {
                return;
            }
            pending = new ConcurrentHashMap<>();
        } finally {
            swap.writeLock().unlock();
        }
        List<ViewBatch> batches = new ArrayList<>(taken.size());
        taken.forEach((key, tally) -> batches.add(
                new ViewBatch(key.page(), key.day(), tally.views.get(), new HashSet<>(tally.viewers))));
        try {
            store.addViews(batches);
        } catch (RuntimeException e) {
            if (!(e instanceof StoreDownException)) { // known down: the store logged it once
                LOG.warn("Could not write {} page-view counts to the store; they will be tried again: {}", batches.size(),
                        e.toString());
            }
            swap.readLock().lock();
            try {
                taken.forEach((key, tally) -> {
                    Tally now = pending.computeIfAbsent(key, k -> new Tally());
                    now.views.addAndGet(tally.views.get());
                    now.viewers.addAll(tally.viewers);
                });
            } finally {
                swap.readLock().unlock();
            }
        }
    }
}
