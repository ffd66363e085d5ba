package org.coquille.spi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.ContributionBatch;

/**
 * Stores who contributed what, per page and day, under pseudonymous keys (the same keys as page viewers),
 * and the aggregates that outlive those keys once they are purged. Together with {@link ViewStore} it
 * answers the usage report.
 */
public interface ActivityStore {

    /** Adds the contributions of each batch, merging contributor keys with those stored, in one transaction. */
    void addContributions(Collection<ContributionBatch> batches);

    /**
     * The figures of the views and contributions whose keys are still stored, as {@code query} splits
     * them; unique counts are exact over each bucket. Buckets with no activity are absent. Ordered by
     * page (when per page), then start.
     */
    List<ActivityFigures> activity(ActivityQuery query);

    /**
     * How many contributions each contributor made in the period (all pages, keys still stored), largest
     * first: for how concentrated contribution is.
     */
    List<Long> contributionsPerContributor(LocalDate from, LocalDate to);

    /**
     * Saves aggregates computed before their keys are purged, replacing those saved for the same page
     * (or whole intranet, {@code page == null}), bucket and start.
     *
     * @param bucket {@link org.coquille.core.Bucket#DAY} or {@link org.coquille.core.Bucket#WEEK}
     */
    void saveSealed(org.coquille.core.Bucket bucket, Collection<ActivityFigures> figures);

    /**
     * The saved aggregates whose start falls in the query's period, for its page (or every page when
     * per page, or the whole intranet when not), in its bucket (DAY or WEEK; PERIOD gives nothing).
     * Ordered by page, then start.
     */
    List<ActivityFigures> sealed(ActivityQuery query);

    /** Deletes the viewer and contributor keys of the days before {@code day}; the daily view counts stay. */
    void purgeKeysBefore(LocalDate day);

    /**
     * Replaces the pseudonymous key {@code oldKey} with {@code newKey} wherever it is stored, so that
     * counts stay as they were but nothing links them to the person any more.
     */
    void replaceKey(String oldKey, String newKey);
}
