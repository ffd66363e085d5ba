package org.coquille.internal.page;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.coquille.social.ContributionLog;
import org.coquille.core.PageId;
import org.coquille.core.User;
import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;
import org.coquille.spi.ActivityStore;
import org.coquille.spi.StoreDownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts contributions in memory under the contributor's pseudonym (the same as their viewer key), and
 * writes them to the store in batches with the page views, off the request thread. A failed write keeps
 * the counts for the next flush, up to a bound.
 */
public final class ContributionCounter implements ContributionLog {

    private static final Logger LOG = LoggerFactory.getLogger(ContributionCounter.class);
    private static final int MAX_PENDING = 100_000;

    /**
     * What a count is of. Its equality and hash are written out: the record's own, made through method handles, showed
     * in the vote profile (0.6 %: each contribution looks its key up once).
     */
    private record Key(PageId page, LocalDate day, Contribution kind) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && kind == key.kind && day.equals(key.day)
                    && page.value().equals(key.page.value());
        }

        @Override
        public int hashCode() {
            return (page.value().hashCode() * 31 + day.hashCode()) * 31 + kind.hashCode();
        }
    }

    private final ActivityStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final Function<User, String> pseudonym;
    private Map<Key, Map<String, Long>> pending = new HashMap<>();

    /** @param pseudonym the key under which a user's views and contributions are counted */
    public ContributionCounter(ActivityStore store, Clock clock, ZoneId zone, Function<User, String> pseudonym) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.pseudonym = pseudonym;
    }

    @Override
    public void contributed(User user, PageId page, Contribution kind) {
        try {
            String actor = pseudonym.apply(user);
            Key key = new Key(page, LocalDate.ofInstant(clock.instant(), zone), kind);
            synchronized (this) {
                if (pending.size() < MAX_PENDING || pending.containsKey(key)) {
                    pending.computeIfAbsent(key, k -> new HashMap<>()).merge(actor, 1L, Long::sum);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Coquille could not count a contribution on {}: {}", page, e.toString());
        }
    }

    /** Writes what was counted since the last flush. */
    public void flush() {
        Map<Key, Map<String, Long>> taken;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            taken = pending;
            pending = new HashMap<>();
        }
        List<ContributionBatch> batches = new ArrayList<>(taken.size());
        taken.forEach((key, counts) -> batches.add(new ContributionBatch(key.page(), key.day(), key.kind(), counts)));
        try {
            store.addContributions(batches);
        } catch (RuntimeException e) {
            if (!(e instanceof StoreDownException)) { // known down: the store logged it once
                LOG.warn("Could not write {} contribution counts to the store; they will be tried again: {}",
                        batches.size(), e.toString());
            }
            synchronized (this) {
                taken.forEach((key, counts) -> {
                    Map<String, Long> now = pending.computeIfAbsent(key, k -> new HashMap<>());
                    counts.forEach((actor, n) -> now.merge(actor, n, Long::sum));
                });
            }
        }
    }
}
