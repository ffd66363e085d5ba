package org.coquille.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.coquille.core.ActivityFigures;
import org.coquille.report.IntranetReport;

/**
 * The few sentences at the top of the intranet's report that an editor can forward to management as they are: how
 * many people read and how many took part, the pages that work best, the most read page whose widgets are ignored,
 * and how participation moved from the first weeks of the period to the last. Written from the figures, in the
 * editor's language.
 */
final class ManagementSummary {

    /** How many weeks at each end of the period the trend compares. */
    static final int TREND_WEEKS = 4;
    /** How many of the best pages are named. */
    private static final int BEST = 2;

    private ManagementSummary() {
    }

    /**
     * @param ignored the most read pages nobody reacted to although their widgets are on, most read first
     */
    static String of(ReportFormat f, IntranetReport r, PageFacts facts, List<ActivityFigures> ignored) {
        ActivityFigures totals = r.totals();
        if (totals.uniqueViewers() == 0) {
            return f.text("report.summary.empty", f.date(r.from()), f.date(r.to()));
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(f.text("report.summary.reach", f.date(r.from()), f.date(r.to()), totals.uniqueViewers(),
                f.integer(totals.views()), totals.uniqueContributors(), f.percent(totals.participationRate())));
        List<ActivityFigures> best = r.mostEngaged().stream().limit(BEST).toList();
        if (!best.isEmpty()) {
            sentences.add(f.text("report.summary.best", best.size(), best.stream()
                    .map(p -> f.text("report.summary.page", facts.title(p.page()), f.percent(p.participationRate())))
                    .collect(Collectors.joining(f.text("report.summary.and")))));
        }
        if (!ignored.isEmpty()) {
            ActivityFigures most = ignored.get(0);
            sentences.add(f.text("report.summary.ignored", facts.title(most.page()), most.uniqueViewers(),
                    f.integer(most.views())));
        }
        List<ActivityFigures> read = r.weeks().stream().filter(w -> w.uniqueViewers() > 0).toList();
        if (read.size() >= 2 * TREND_WEEKS) {
            double first = rate(read.subList(0, TREND_WEEKS));
            double last = rate(read.subList(read.size() - TREND_WEEKS, read.size()));
            String key = Math.abs(last - first) < 0.005 ? "report.summary.steady"
                    : last > first ? "report.summary.up" : "report.summary.down";
            sentences.add(f.text(key, TREND_WEEKS, f.percent(first), f.percent(last)));
        }
        return String.join(" ", sentences);
    }

    /** The mean of the weeks' participation rates. */
    private static double rate(List<ActivityFigures> weeks) {
        return weeks.stream().mapToDouble(ActivityFigures::participationRate).average().orElse(0);
    }
}
