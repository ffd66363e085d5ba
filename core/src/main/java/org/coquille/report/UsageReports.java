package org.coquille.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.spi.ActivityStore;

/**
 * Computes the usage report, for the whole intranet or one page, from the store's activity.
 * <pre>{@code
 * IntranetReport report = coquille.reports().intranet(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 6, 28));
 * double rate = report.totals().participationRate();
 * }</pre>
 */
public final class UsageReports {

    /** How many pages each list (most, least engaged, never reacted to) holds at most. */
    public static final int LIST_SIZE = 10;

    private final ActivityReader reader;
    private final int minViewers;
    private final Executor executor;

    /** Over {@code store}; pages need 5 unique viewers in the period to be ranked by engagement. */
    public UsageReports(ActivityStore store) {
        this(store, 5);
    }

    /**
     * @param minViewers how many unique viewers a page needs in the period to be ranked by engagement, so
     *                   that one reader who reacts does not make a page the most engaging one
     */
    public UsageReports(ActivityStore store, int minViewers) {
        this(store, minViewers, Runnable::run);
    }

    /**
     * @param executor runs the parts of the whole-intranet report (totals, weeks, pages, concentration) at the
     *                 same time, each on its own connection; {@code Runnable::run} runs them one after the other
     */
    public UsageReports(ActivityStore store, int minViewers, Executor executor) {
        this.reader = new ActivityReader(store);
        if (minViewers < 1) {
            throw new IllegalArgumentException("minViewers must be at least 1, was " + minViewers);
        }
        this.minViewers = minViewers;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The report of the whole intranet from {@code from} to {@code to} inclusive. */
    public IntranetReport intranet(LocalDate from, LocalDate to) {
        ActivityQuery period = ActivityQuery.intranet(from, to, Bucket.PERIOD);
        LocalDate keysFrom = reader.keysFrom();
        LocalDate concentrationFrom = keysFrom != null && keysFrom.isAfter(from) ? keysFrom : from;
        CompletableFuture<ActivityFigures> totalsLater = CompletableFuture.supplyAsync(() -> reader.total(period), executor);
        CompletableFuture<List<ActivityFigures>> weeksLater = CompletableFuture.supplyAsync(
                () -> reader.read(ActivityQuery.intranet(from, to, Bucket.WEEK)), executor);
        CompletableFuture<List<ActivityFigures>> pagesLater = CompletableFuture.supplyAsync(
                () -> reader.read(ActivityQuery.perPage(from, to, Bucket.PERIOD)), executor);
        CompletableFuture<Concentration> concentrationLater = CompletableFuture.supplyAsync(
                () -> concentrationFrom.isAfter(to) ? Concentration.of(List.of())
                        : Concentration.of(storeOf().contributionsPerContributor(concentrationFrom, to)), executor);
        ActivityFigures totals = join(totalsLater);
        List<ActivityFigures> weeks = everyWeek(null, join(weeksLater), from, to);
        List<ActivityFigures> pages = new ArrayList<>(join(pagesLater));
        pages.sort(Comparator.comparingLong(ActivityFigures::views).reversed()
                .thenComparing(ActivityFigures::page));
        List<ActivityFigures> ranked = pages.stream().filter(p -> p.uniqueViewers() >= minViewers).toList();
        Comparator<ActivityFigures> byRate = Comparator.comparingDouble(ActivityFigures::participationRate);
        List<ActivityFigures> most = ranked.stream().filter(p -> p.contributions() > 0)
                .sorted(byRate.reversed().thenComparing(ActivityFigures::uniqueViewers, Comparator.reverseOrder())
                        .thenComparing(ActivityFigures::page))
                .limit(LIST_SIZE).toList();
        List<ActivityFigures> least = ranked.stream().filter(p -> p.contributions() > 0)
                .sorted(byRate.thenComparing(ActivityFigures::uniqueViewers, Comparator.reverseOrder())
                        .thenComparing(ActivityFigures::page))
                .limit(LIST_SIZE).toList();
        List<ActivityFigures> never = pages.stream().filter(p -> p.contributions() == 0)
                .sorted(Comparator.comparingLong(ActivityFigures::uniqueViewers).reversed()
                        .thenComparing(ActivityFigures::views, Comparator.reverseOrder())
                        .thenComparing(ActivityFigures::page))
                .limit(LIST_SIZE).toList();
        Concentration concentration = join(concentrationLater);
        return new IntranetReport(from, to, totals, weeks, List.copyOf(pages), most, least, never, concentration,
                keysFrom, reader.approximate(period));
    }

    /** The report of {@code page} from {@code from} to {@code to} inclusive. */
    public PageReport page(PageId page, LocalDate from, LocalDate to) {
        Objects.requireNonNull(page, "page");
        ActivityQuery period = ActivityQuery.page(page, from, to, Bucket.PERIOD);
        ActivityFigures totals = reader.total(period);
        List<ActivityFigures> weeks = everyWeek(page, reader.read(ActivityQuery.page(page, from, to, Bucket.WEEK)),
                from, to);
        return new PageReport(page, from, to, totals.at(page, null), weeks, reader.approximate(period));
    }

    /**
     * Where each page stands against its objective on {@code today}, pages without one included (with neither
     * objective nor progress), in the order given. A page's contributors are the different people who
     * contributed to it from the day its objective was set to its end date, or today if sooner.
     *
     * @param pages the settings of the pages with widgets on
     */
    public List<ObjectiveStanding> objectives(List<PageSettings> pages, LocalDate today) {
        List<ObjectiveStanding> standings = new ArrayList<>(pages.size());
        for (PageSettings settings : pages) {
            Objective objective = settings.objective();
            if (objective == null) {
                standings.add(new ObjectiveStanding(settings.page(), null, null, false));
                continue;
            }
            LocalDate until = ObjectiveProgress.countedUntil(objective, today);
            long contributors = 0;
            boolean approximate = false;
            if (!until.isBefore(objective.since())) {
                ActivityQuery query = ActivityQuery.page(settings.page(), objective.since(), until, Bucket.PERIOD);
                contributors = reader.total(query).uniqueContributors();
                approximate = reader.approximate(query);
            }
            standings.add(new ObjectiveStanding(settings.page(), objective,
                    ObjectiveProgress.of(objective, contributors, today), approximate));
        }
        return List.copyOf(standings);
    }

    /** Each page's figures from {@code from} to {@code to}, day by day or week by week: for the exports. */
    public List<ActivityFigures> perPage(LocalDate from, LocalDate to, Bucket bucket) {
        return reader.read(ActivityQuery.perPage(from, to, bucket));
    }

    /** The part's result, or the exception it failed with (a store failure stays a store failure). */
    private static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private ActivityStore storeOf() {
        return reader.store();
    }

    /** One entry per week from {@code from}'s to {@code to}'s, zeros where nothing happened. */
    private static List<ActivityFigures> everyWeek(PageId page, List<ActivityFigures> found, LocalDate from,
                                                   LocalDate to) {
        Map<LocalDate, ActivityFigures> byStart = new HashMap<>();
        found.forEach(f -> byStart.put(f.start(), f));
        List<ActivityFigures> weeks = new ArrayList<>();
        for (LocalDate week = Bucket.weekOf(from); !week.isAfter(to); week = week.plusDays(7)) {
            weeks.add(byStart.getOrDefault(week, ActivityFigures.none(page, week)).at(page, week));
        }
        return List.copyOf(weeks);
    }
}
