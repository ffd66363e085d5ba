package org.coquille.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.coquille.core.DepartmentFigures;
import org.coquille.spi.ActivityStore;

/**
 * Computes participation by department, over a period and month by month, from the departments the store recorded for
 * the pseudonymous keys; no line is about fewer than {@code minPeople} people ({@link DepartmentMerge}).
 * <pre>{@code
 * DepartmentReport report = coquille.departmentReports().of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30));
 * }</pre>
 */
public final class DepartmentReports {

    private final ActivityReader reader;
    private final int minPeople;
    private final Executor executor;

    /**
     * @param minPeople the fewest different people a line may be about ({@code coquille.report.departments.minPeople})
     * @param executor  runs the months' queries at the same time; {@code Runnable::run} runs them one after the other
     */
    public DepartmentReports(ActivityStore store, int minPeople, Executor executor) {
        this.reader = new ActivityReader(store);
        if (minPeople < 1) {
            throw new IllegalArgumentException("minPeople must be at least 1, was " + minPeople);
        }
        this.minPeople = minPeople;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The report from {@code from} to {@code to} inclusive; over the days whose keys are kept only (departments are
     * recorded for keys, and a purge deletes them).
     */
    public DepartmentReport of(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
        }
        LocalDate keysFrom = reader.keysFrom();
        LocalDate start = keysFrom != null && keysFrom.isAfter(from) ? keysFrom : from;
        LocalDate reached = keysFrom != null && keysFrom.isAfter(from) ? keysFrom : null;
        if (start.isAfter(to)) {
            return new DepartmentReport(from, to, minPeople, List.of(), List.of(), null, null, reached, false);
        }
        CompletableFuture<List<DepartmentFigures>> periodLater = figures(start, to);
        List<LocalDate[]> spans = new ArrayList<>();
        List<CompletableFuture<List<DepartmentFigures>>> monthsLater = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1).isBefore(start) ? start : m.atDay(1);
            LocalDate last = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            spans.add(new LocalDate[] {first, last});
            monthsLater.add(figures(first, last));
        }
        List<DepartmentFigures> period = join(periodLater);
        List<DepartmentMonth> months = new ArrayList<>();
        List<DepartmentGroup> before = null;
        for (int i = 0; i < spans.size(); i++) {
            List<DepartmentGroup> groups = DepartmentMerge.of(join(monthsLater.get(i)), minPeople);
            months.add(new DepartmentMonth(YearMonth.from(spans.get(i)[0]), spans.get(i)[0], spans.get(i)[1],
                    DepartmentLine.since(before, groups)));
            before = groups;
        }
        List<DepartmentMonth> whole = months.stream().filter(DepartmentMonth::whole).toList();
        DepartmentMonth earlier = whole.size() < 2 ? null : whole.get(whole.size() - 2);
        DepartmentMonth later = whole.size() < 2 ? null : whole.get(whole.size() - 1);
        List<DepartmentLine> lines = DepartmentMerge.of(period, minPeople).stream()
                .map(group -> new DepartmentLine(group, later == null ? null : trend(group, earlier, later))).toList();
        boolean known = period.stream().anyMatch(f -> f.department() != null);
        return new DepartmentReport(from, to, minPeople, lines, months, earlier == null ? null : earlier.month(),
                later == null ? null : later.month(), reached, known);
    }

    /** How {@code group}'s rate moved from {@code earlier} to {@code later}, if it is a line of both. */
    private static Double trend(DepartmentGroup group, DepartmentMonth earlier, DepartmentMonth later) {
        var then = groups(earlier).stream().filter(group::sameAs).findFirst();
        var now = groups(later).stream().filter(group::sameAs).findFirst();
        return then.isEmpty() || now.isEmpty() ? null
                : now.get().figures().participationRate() - then.get().figures().participationRate();
    }

    private static List<DepartmentGroup> groups(DepartmentMonth month) {
        return month.lines().stream().map(DepartmentLine::group).toList();
    }

    private CompletableFuture<List<DepartmentFigures>> figures(LocalDate first, LocalDate last) {
        return CompletableFuture.supplyAsync(() -> reader.store().departments(first, last), executor);
    }

    private static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
