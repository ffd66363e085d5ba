package org.coquille.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.spi.ActivityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the pseudonymous viewer and contributor keys older than the retention, after sealing the daily
 * and weekly aggregates they give, so the report keeps its figures. Whole weeks only: the keys of the week
 * that the retention limit falls in are kept until the week is entirely older than the limit. Running it
 * again is harmless.
 */
public final class RetentionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final ActivityStore store;
    private final ActivityReader reader;
    private final Duration retention;

    /** @param retention how long keys are kept, in whole days (at least one) */
    public RetentionPurge(ActivityStore store, Duration retention) {
        this.store = Objects.requireNonNull(store, "store");
        this.reader = new ActivityReader(store);
        if (retention.toDays() < 1) {
            throw new IllegalArgumentException("The retention must be at least one day, was " + retention);
        }
        this.retention = retention;
    }

    /** The first day whose keys a purge on {@code today} keeps: a Monday. */
    public LocalDate cutoff(LocalDate today) {
        return Bucket.weekOf(today.minusDays(retention.toDays()));
    }

    /**
     * Seals the aggregates of the days before {@link #cutoff} whose keys are still stored, then deletes those keys.
     *
     * @return the cutoff
     */
    public LocalDate run(LocalDate today) {
        LocalDate cutoff = cutoff(today);
        LocalDate kept = reader.keysFrom();
        LocalDate from = kept != null ? kept : ActivityReader.EARLIEST;
        if (!from.isBefore(cutoff)) {
            return cutoff;
        }
        LocalDate to = cutoff.minusDays(1);
        store.saveSealed(Bucket.DAY, store.activity(ActivityQuery.perPage(from, to, Bucket.DAY)));
        store.saveSealed(Bucket.DAY, store.activity(ActivityQuery.intranet(from, to, Bucket.DAY)));
        store.saveSealed(Bucket.WEEK, store.activity(ActivityQuery.perPage(from, to, Bucket.WEEK)));
        var weeks = new java.util.ArrayList<>(store.activity(ActivityQuery.intranet(from, to, Bucket.WEEK)));
        // the intranet's last sealed week marks where the kept keys start, even if that week was quiet
        LocalDate lastWeek = cutoff.minusDays(7);
        if (weeks.isEmpty() || !weeks.get(weeks.size() - 1).start().equals(lastWeek)) {
            weeks.add(ActivityFigures.none(null, lastWeek));
        }
        store.saveSealed(Bucket.WEEK, weeks);
        store.purgeKeysBefore(cutoff);
        LOG.info("Coquille purged the viewer and contributor keys before {} (daily and weekly figures kept)", cutoff);
        return cutoff;
    }
}
