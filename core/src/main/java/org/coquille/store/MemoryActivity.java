package org.coquille.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;

/**
 * The in-memory store's contributor keys and sealed aggregates, and the sums over them. Not
 * thread-safe by itself: {@link MemoryStore} calls it under its lock.
 */
final class MemoryActivity {

    record DayKey(PageId page, LocalDate day) { }

    private record Row(PageId page, LocalDate day, Contribution kind, String actor) { }

    private record Group(PageId page, LocalDate start) { }

    private record SealedKey(PageId page, Bucket bucket, LocalDate start) { }

    private static final Comparator<Group> ORDER = Comparator
            .comparing(Group::page, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Group::start, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Sums for one group. */
    private static final class Sum {
        long views;
        final Set<String> viewers = new HashSet<>();
        final long[] counts = new long[Contribution.values().length];
        final Set<String> commenters = new HashSet<>();
        final Set<String> reactors = new HashSet<>();
        final Set<String> contributors = new HashSet<>();

        ActivityFigures figures(Group g) {
            return new ActivityFigures(g.page(), g.start(), views, viewers.size(),
                    counts[Contribution.COMMENT.ordinal()], commenters.size(), counts[Contribution.VOTE.ordinal()],
                    counts[Contribution.REACTION.ordinal()], counts[Contribution.ANSWER.ordinal()], reactors.size(),
                    contributors.size(), counts[Contribution.IDEA.ordinal()], counts[Contribution.IDEA_VOTE.ordinal()],
                    counts[Contribution.DATE_ANSWER.ordinal()]);
        }
    }

    private final Map<Row, Long> rows = new HashMap<>();
    private final Map<SealedKey, ActivityFigures> sealed = new TreeMap<>(Comparator
            .comparing(SealedKey::page, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SealedKey::bucket).thenComparing(SealedKey::start));

    void add(Collection<ContributionBatch> batches) {
        for (ContributionBatch batch : batches) {
            batch.counts().forEach((actor, n) ->
                    rows.merge(new Row(batch.page(), batch.day(), batch.kind(), actor), n, Long::sum));
        }
    }

    List<ActivityFigures> activity(ActivityQuery q, Map<DayKey, Long> views, Map<DayKey, Set<String>> viewers) {
        Map<Group, Sum> sums = new TreeMap<>(ORDER);
        views.forEach((key, count) -> {
            if (in(q, key.page(), key.day())) {
                Sum sum = sums.computeIfAbsent(group(q, key.page(), key.day()), g -> new Sum());
                sum.views += count;
                sum.viewers.addAll(viewers.getOrDefault(key, Set.of()));
            }
        });
        rows.forEach((row, n) -> {
            if (in(q, row.page(), row.day())) {
                Sum sum = sums.computeIfAbsent(group(q, row.page(), row.day()), g -> new Sum());
                sum.counts[row.kind().ordinal()] += n;
                (row.kind().light() ? sum.reactors : sum.commenters).add(row.actor());
                sum.contributors.add(row.actor());
            }
        });
        List<ActivityFigures> result = new ArrayList<>(sums.size());
        sums.forEach((g, sum) -> result.add(sum.figures(g)));
        return result;
    }

    List<Long> contributionsPerContributor(LocalDate from, LocalDate to) {
        Map<String, Long> byActor = new HashMap<>();
        rows.forEach((row, n) -> {
            if (!row.day().isBefore(from) && !row.day().isAfter(to)) {
                byActor.merge(row.actor(), n, Long::sum);
            }
        });
        return byActor.values().stream().sorted(Comparator.reverseOrder()).toList();
    }

    void saveSealed(Bucket bucket, Collection<ActivityFigures> figures) {
        for (ActivityFigures f : figures) {
            sealed.put(new SealedKey(f.page(), bucket, f.start()), f);
        }
    }

    List<ActivityFigures> sealed(ActivityQuery q) {
        if (q.bucket() == Bucket.PERIOD) {
            return List.of();
        }
        return sealed.entrySet().stream()
                .filter(e -> e.getKey().bucket() == q.bucket())
                .filter(e -> q.byPage() ? e.getKey().page() != null : e.getKey().page() == null)
                .filter(e -> q.page() == null || q.page().equals(e.getKey().page()))
                .filter(e -> !e.getKey().start().isBefore(q.from()) && !e.getKey().start().isAfter(q.to()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The sealed unique viewers of a page on a day, or {@code null}. */
    Long sealedViewers(PageId page, LocalDate day) {
        ActivityFigures f = sealed.get(new SealedKey(page, Bucket.DAY, day));
        return f == null ? null : f.uniqueViewers();
    }

    void purgeBefore(LocalDate day) {
        rows.keySet().removeIf(row -> row.day().isBefore(day));
    }

    void replaceKey(String oldKey, String newKey) {
        Map<Row, Long> moved = new HashMap<>();
        rows.entrySet().removeIf(e -> {
            if (e.getKey().actor().equals(oldKey)) {
                Row r = e.getKey();
                moved.merge(new Row(r.page(), r.day(), r.kind(), newKey), e.getValue(), Long::sum);
                return true;
            }
            return false;
        });
        moved.forEach((row, n) -> rows.merge(row, n, Long::sum));
    }

    private static boolean in(ActivityQuery q, PageId page, LocalDate day) {
        return (q.page() == null || q.page().equals(page)) && !day.isBefore(q.from()) && !day.isAfter(q.to());
    }

    private static Group group(ActivityQuery q, PageId page, LocalDate day) {
        return new Group(q.byPage() ? page : null, q.bucket().start(day));
    }
}
