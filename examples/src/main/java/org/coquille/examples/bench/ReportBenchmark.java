package org.coquille.examples.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.coquille.examples.SyntheticActivity;
import org.coquille.core.ActivityFigures;
import org.coquille.core.Bucket;
import org.coquille.report.IntranetReport;
import org.coquille.report.UsageReports;
import org.coquille.store.jdbc.JdbcStore;

/**
 * How long the usage report takes on the standard synthetic data set (300 pages, 2,000 employees, 26 weeks)
 * in PostgreSQL: the whole-intranet report, one page's report and the per-page-per-day export. Fills the
 * schema {@code coq_bench_report} the first time (a minute or so), then times each part 7 times after 2
 * warm-up runs.
 * Run: {@code java -cp examples/target/classes:$CP org.coquille.examples.bench.ReportBenchmark
 * 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'}.
 */
public final class ReportBenchmark {

    private static final String SCHEMA = "coq_bench_report";
    private static final LocalDate END = LocalDate.of(2026, 11, 22);

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        LocalDate from = Bucket.weekOf(END).minusWeeks(25);
        ExecutorService parts = Executors.newFixedThreadPool(3); // as Coquille runs the report's parts
        try (JdbcStore store = JdbcStore.open(url, null, null)) {
            UsageReports reports = new UsageReports(store.activity(), 5, parts);
            if (reports.intranet(from, END).totals().views() == 0) {
                long started = System.nanoTime();
                SyntheticActivity.Totals totals = SyntheticActivity.standard(END)
                        .fill(store, SyntheticActivity.randomPseudonyms());
                System.out.printf("Filled: %,d views, %,d viewer keys, %,d contributions in %.0f s%n", totals.views(),
                        totals.viewerRows(), totals.contributions(), (System.nanoTime() - started) / 1e9);
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE"); // as autovacuum would, for index-only scans
                }
            }
            IntranetReport report = reports.intranet(from, END);
            System.out.printf("Data: %,d views, %,d readers, %,d contributors, %d weeks, %d pages%n",
                    report.totals().views(), report.totals().uniqueViewers(), report.totals().uniqueContributors(),
                    report.weeks().size(), report.pages().size());
            time("whole-intranet report, 26 weeks", () -> reports.intranet(from, END));
            ActivityFigures top = report.pages().get(0);
            time("one page's report (" + top.page() + "), 26 weeks", () -> reports.page(top.page(), from, END));
            time("export per page per day, 26 weeks", () -> reports.perPage(from, END, Bucket.DAY));
            time("export per page per week, 26 weeks", () -> reports.perPage(from, END, Bucket.WEEK));
        } finally {
            parts.shutdownNow();
        }
    }

    private static void time(String what, Supplier<?> work) {
        for (int i = 0; i < 2; i++) {
            work.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long started = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-60s median %6.0f ms   min %6.0f ms   max %6.0f ms%n", what, ms.get(3), ms.get(0), ms.get(6));
    }
}
