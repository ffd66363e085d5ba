package org.coquille.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.PageId;
import org.coquille.spi.ActivityStore;

/**
 * Reads activity from the store, joining the figures still computed from stored keys with the aggregates
 * sealed before older keys were purged.
 */
final class ActivityReader {

    /** Far enough in the past and future to mean "every day", and still a date every database takes. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 5);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 30);

    private record Key(PageId page, LocalDate start) { }

    private static final Comparator<Key> ORDER = Comparator
            .comparing(Key::page, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::start, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ActivityStore store;

    ActivityReader(ActivityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    ActivityStore store() {
        return store;
    }

    /** The first day whose keys are still stored after the purges so far, or {@code null} if none ran. */
    LocalDate keysFrom() {
        List<ActivityFigures> weeks = store.sealed(ActivityQuery.intranet(EARLIEST, LATEST, Bucket.WEEK));
        return weeks.isEmpty() ? null : weeks.get(weeks.size() - 1).start().plusDays(7);
    }

    /** Whether unique counts over {@code query} are sums of weekly ones (its period reaches purged days). */
    boolean approximate(ActivityQuery query) {
        LocalDate from = keysFrom();
        return query.bucket() == Bucket.PERIOD && from != null && query.from().isBefore(from);
    }

    /** The figures {@code query} asks for, ordered by page then start. */
    List<ActivityFigures> read(ActivityQuery query) {
        LocalDate keysFrom = keysFrom();
        Map<Key, ActivityFigures> merged = new TreeMap<>(ORDER);
        if (query.bucket() != Bucket.PERIOD) {
            store.activity(query).forEach(f -> merged.put(new Key(f.page(), f.start()), f));
            // a purged day still has its view count but no keys: its sealed figures replace it
            store.sealed(query).forEach(f -> merged.put(new Key(f.page(), f.start()), f));
            return new ArrayList<>(merged.values());
        }
        LocalDate rawFrom = keysFrom != null && keysFrom.isAfter(query.from()) ? keysFrom : query.from();
        if (!rawFrom.isAfter(query.to())) {
            store.activity(new ActivityQuery(query.page(), rawFrom, query.to(), query.byPage(), Bucket.PERIOD))
                    .forEach(f -> merged.put(new Key(f.page(), null), f));
        }
        if (rawFrom.isAfter(query.from())) {
            LocalDate sealedTo = rawFrom.minusDays(1).isAfter(query.to()) ? query.to() : rawFrom.minusDays(1);
            ActivityQuery weeks = new ActivityQuery(query.page(), Bucket.weekOf(query.from()), sealedTo,
                    query.byPage(), Bucket.WEEK);
            for (ActivityFigures week : store.sealed(weeks)) {
                Key key = new Key(week.page(), null);
                ActivityFigures at = week.at(week.page(), null);
                merged.merge(key, at, ActivityFigures::plus);
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** The one set of figures of a query that is not split, or zeros. */
    ActivityFigures total(ActivityQuery query) {
        List<ActivityFigures> found = read(query);
        return found.isEmpty() ? ActivityFigures.none(query.byPage() ? query.page() : null, null) : found.get(0);
    }
}
