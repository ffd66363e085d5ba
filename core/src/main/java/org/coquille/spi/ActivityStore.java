package org.coquille.spi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.ContributionBatch;
import org.coquille.core.DepartmentFigures;

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

    /**
     * Records the department of each pseudonymous key, as the directory gave it on {@code day}: one department per key,
     * the last one recorded replacing the one stored, with the day it was last seen.
     */
    void placeInDepartments(LocalDate day, Map<String, String> departmentOfKey);

    /**
     * The different readers, reactors, commenters and contributors of each department from {@code from} to {@code to}
     * inclusive (keys still stored), each key under its recorded department; the keys without one under a {@code null}
     * department. Departments with nobody are absent; in no particular order.
     */
    List<DepartmentFigures> departments(LocalDate from, LocalDate to);

    /** The department recorded for {@code key}, for its person's data export; empty when none is. */
    Optional<String> departmentOf(String key);

    /**
     * Deletes the viewer and contributor keys of the days before {@code day}, and the departments of keys last seen
     * before it; the daily view counts stay.
     */
    void purgeKeysBefore(LocalDate day);

    /**
     * Replaces the pseudonymous key {@code oldKey} with {@code newKey} wherever it is stored (its department too), so that
     * counts stay as they were but nothing links them to the person any more.
     */
    void replaceKey(String oldKey, String newKey);
}
