package org.coquille.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;
import org.coquille.core.DepartmentFigures;
import org.coquille.core.PageId;
import org.coquille.core.PageViews;
import org.coquille.core.ViewBatch;
import org.coquille.spi.ActivityStore;
import org.coquille.spi.ViewStore;

/**
 * The in-memory store's ledger of views and contributions: the day counts, the viewer and contributor keys,
 * the sealed aggregates and the sums over them. Views and activity are one part because each reads the other
 * (a purged day's unique viewers come from its sealed figures; the report's sums count views).
 */
final class MemoryActivity implements ActivityStore, ViewStore {

    private record DayKey(PageId page, LocalDate day) { }

    private record Row(PageId page, LocalDate day, Contribution kind, String actor) { }

    private record Group(PageId page, LocalDate start) { }

    private record SealedKey(PageId page, Bucket bucket, LocalDate start) { }

    private record Placed(String department, LocalDate seenOn) { }

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

    private final Object lock;
    private final Map<DayKey, Long> views = new HashMap<>();
    private final Map<DayKey, Set<String>> viewers = new HashMap<>();
    private final Map<Row, Long> rows = new HashMap<>();
    private final Map<SealedKey, ActivityFigures> sealed = new TreeMap<>(Comparator
            .comparing(SealedKey::page, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SealedKey::bucket).thenComparing(SealedKey::start));
    private final Map<String, Placed> departments = new HashMap<>();

    MemoryActivity(Object lock) {
        this.lock = lock;
    }

    @Override
    public void addViews(Collection<ViewBatch> batches) {
        synchronized (lock) {
            for (ViewBatch batch : batches) {
                DayKey key = new DayKey(batch.page(), batch.day());
                views.merge(key, batch.views(), Long::sum);
                viewers.computeIfAbsent(key, k -> new HashSet<>()).addAll(batch.viewerKeys());
            }
        }
    }

    @Override
    public List<PageViews> views(PageId page, LocalDate from, LocalDate to) {
        synchronized (lock) {
            Set<LocalDate> days = new TreeSet<>();
            views.keySet().stream()
                    .filter(k -> k.page().equals(page) && !k.day().isBefore(from) && !k.day().isAfter(to))
                    .forEach(k -> days.add(k.day()));
            List<PageViews> result = new ArrayList<>();
            for (LocalDate day : days) {
                DayKey key = new DayKey(page, day);
                ActivityFigures sealedDay = sealed.get(new SealedKey(page, Bucket.DAY, day));
                result.add(new PageViews(page, day, views.get(key), sealedDay != null
                        ? sealedDay.uniqueViewers() : viewers.getOrDefault(key, Set.of()).size()));
            }
            return result;
        }
    }

    /** The views of every page between {@code from} and {@code to}, both included. */
    Map<PageId, Long> viewTotals(LocalDate from, LocalDate to) {
        synchronized (lock) {
            Map<PageId, Long> totals = new TreeMap<>();
            views.forEach((key, count) -> {
                if (!key.day().isBefore(from) && !key.day().isAfter(to)) {
                    totals.merge(key.page(), count, Long::sum);
                }
            });
            return totals;
        }
    }

    @Override
    public void addContributions(Collection<ContributionBatch> batches) {
        synchronized (lock) {
            for (ContributionBatch batch : batches) {
                batch.counts().forEach((actor, n) ->
                        rows.merge(new Row(batch.page(), batch.day(), batch.kind(), actor), n, Long::sum));
            }
        }
    }

    @Override
    public List<ActivityFigures> activity(ActivityQuery q) {
        synchronized (lock) {
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
    }

    @Override
    public List<Long> contributionsPerContributor(LocalDate from, LocalDate to) {
        synchronized (lock) {
            Map<String, Long> byActor = new HashMap<>();
            rows.forEach((row, n) -> {
                if (!row.day().isBefore(from) && !row.day().isAfter(to)) {
                    byActor.merge(row.actor(), n, Long::sum);
                }
            });
            return byActor.values().stream().sorted(Comparator.reverseOrder()).toList();
        }
    }

    @Override
    public void saveSealed(Bucket bucket, Collection<ActivityFigures> figures) {
        synchronized (lock) {
            for (ActivityFigures f : figures) {
                sealed.put(new SealedKey(f.page(), bucket, f.start()), f);
            }
        }
    }

    @Override
    public List<ActivityFigures> sealed(ActivityQuery q) {
        if (q.bucket() == Bucket.PERIOD) {
            return List.of();
        }
        synchronized (lock) {
            return sealed.entrySet().stream()
                    .filter(e -> e.getKey().bucket() == q.bucket())
                    .filter(e -> q.byPage() ? e.getKey().page() != null : e.getKey().page() == null)
                    .filter(e -> q.page() == null || q.page().equals(e.getKey().page()))
                    .filter(e -> !e.getKey().start().isBefore(q.from()) && !e.getKey().start().isAfter(q.to()))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    @Override
    public void placeInDepartments(LocalDate day, Map<String, String> departmentOfKey) {
        synchronized (lock) {
            departmentOfKey.forEach((key, department) -> departments.put(key, new Placed(department, day)));
        }
    }

    @Override
    public List<DepartmentFigures> departments(LocalDate from, LocalDate to) {
        synchronized (lock) {
            Map<String, Set<String>> readers = new HashMap<>();
            viewers.forEach((key, keys) -> {
                if (!key.day().isBefore(from) && !key.day().isAfter(to)) {
                    keys.forEach(k -> readers.computeIfAbsent(departmentOf(k).orElse(null), d -> new HashSet<>()).add(k));
                }
            });
            Map<String, Sum> sums = new HashMap<>();
            rows.forEach((row, n) -> {
                if (!row.day().isBefore(from) && !row.day().isAfter(to)) {
                    Sum sum = sums.computeIfAbsent(departmentOf(row.actor()).orElse(null), d -> new Sum());
                    (row.kind().light() ? sum.reactors : sum.commenters).add(row.actor());
                    sum.contributors.add(row.actor());
                }
            });
            Set<String> named = new HashSet<>(readers.keySet());
            named.addAll(sums.keySet());
            List<DepartmentFigures> result = new ArrayList<>();
            for (String department : named) {
                Sum sum = sums.getOrDefault(department, new Sum());
                result.add(new DepartmentFigures(department, readers.getOrDefault(department, Set.of()).size(),
                        sum.reactors.size(), sum.commenters.size(), sum.contributors.size()));
            }
            return result;
        }
    }

    @Override
    public Optional<String> departmentOf(String key) {
        synchronized (lock) {
            return Optional.ofNullable(departments.get(key)).map(Placed::department);
        }
    }

    @Override
    public void purgeKeysBefore(LocalDate day) {
        synchronized (lock) {
            viewers.keySet().removeIf(k -> k.day().isBefore(day));
            rows.keySet().removeIf(row -> row.day().isBefore(day));
            departments.values().removeIf(placed -> placed.seenOn().isBefore(day));
        }
    }

    @Override
    public void replaceKey(String oldKey, String newKey) {
        synchronized (lock) {
            viewers.values().forEach(keys -> {
                if (keys.remove(oldKey)) {
                    keys.add(newKey);
                }
            });
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
            Placed placed = departments.remove(oldKey);
            if (placed != null) {
                departments.put(newKey, placed);
            }
        }
    }

    private static boolean in(ActivityQuery q, PageId page, LocalDate day) {
        return (q.page() == null || q.page().equals(page)) && !day.isBefore(q.from()) && !day.isAfter(q.to());
    }

    private static Group group(ActivityQuery q, PageId page, LocalDate day) {
        return new Group(q.byPage() ? page : null, q.bucket().start(day));
    }
}
