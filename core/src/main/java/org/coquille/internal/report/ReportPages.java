package org.coquille.internal.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

import org.coquille.core.ActivityFigures;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.UserData;
import org.coquille.internal.render.PageTemplates;
import org.coquille.report.DepartmentReport;
import org.coquille.report.IntranetReport;
import org.coquille.report.ObjectiveStanding;
import org.coquille.report.PageReport;
import org.coquille.report.UsageReports;

/**
 * The report's pages (the whole intranet, one page, one person's data, a problem): the view model of each, rendered
 * by its template under {@code src/main/jte/report}.
 */
final class ReportPages {

    private static final String READERS = "#1f5fa8";
    private static final String REACTORS = "#d9730d";
    private static final String COMMENTERS = "#2b7a3d";

    /**
     * The whole intranet's report ({@code report/intranet.jte}).
     *
     * @param summary        the sentences for management at the top
     * @param neverNoWidgets the most read pages nobody reacted to, having no widget
     * @param neverIgnored   the most read pages nobody reacted to although their widgets are on
     * @param departments    participation by department, or {@code null} when the report has none
     */
    record Intranet(ReportFormat f, IntranetReport report, int minViewers, ObjectivesView objectives, WeeklyChart chart,
                    PageFacts facts, String summary, List<ActivityFigures> neverNoWidgets,
                    List<ActivityFigures> neverIgnored, DepartmentsView departments) { }

    /** One page's report ({@code report/page.jte}). */
    record OnePage(ReportFormat f, PageReport report, WeeklyChart chart, PageFacts facts) { }

    /**
     * The personal-data page ({@code report/user.jte}): a form to find a user, and for one found ({@code data}), a
     * summary, the export link and the erase form; for a user id with nothing kept, that nothing is kept and the
     * user ids with data that differ only by case ({@code suggestions}).
     */
    record Person(ReportFormat f, String id, UserData data, List<String> suggestions, String notice, String error,
                  String csrfField, String csrfToken) {

        /** Whether a user was looked up and something is kept for them. */
        boolean found() {
            return data != null && !data.isEmpty();
        }

        /** Whether a user was looked up and nothing is kept for them. */
        boolean nothing() {
            return data != null && data.isEmpty();
        }
    }

    /** A page that only says what went wrong ({@code report/problem.jte}). */
    record Problem(ReportFormat f, String message) { }

    private ReportPages() {
    }

    static String intranet(Messages messages, IntranetReport r, int minViewers, List<ObjectiveStanding> objectives,
                           PageFacts facts, DepartmentReport departments) {
        ReportFormat f = new ReportFormat(messages);
        // every page read and never reacted to, most readers first, split by whether people could react there
        List<ActivityFigures> never = r.pages().stream().filter(p -> p.contributions() == 0)
                .sorted(Comparator.comparingLong(ActivityFigures::uniqueViewers).reversed()
                        .thenComparing(ActivityFigures::views, Comparator.reverseOrder())
                        .thenComparing(ActivityFigures::page)).toList();
        List<ActivityFigures> ignored = facts.with(never, ActivityFigures::page, true).stream()
                .limit(UsageReports.LIST_SIZE).toList();
        List<ActivityFigures> noWidgets = facts.with(never, ActivityFigures::page, false).stream()
                .limit(UsageReports.LIST_SIZE).toList();
        return PageTemplates.render("report/intranet.jte", new Intranet(f, r, minViewers,
                ObjectivesView.of(f, objectives, r.from(), r.to()),
                chart(f, "coq-funnel", f.text("report.funnel.title"), r.weeks()), facts,
                ManagementSummary.of(f, r, facts, ignored), noWidgets, ignored,
                departments == null ? null : DepartmentsView.of(f, departments)));
    }

    static String page(Messages messages, PageReport r, PageFacts facts) {
        ReportFormat f = new ReportFormat(messages);
        return PageTemplates.render("report/page.jte", new OnePage(f, r,
                chart(f, "coq-trend", f.text("report.trend.title"), r.weeks()), facts));
    }

    static String user(Messages messages, String id, UserData data, List<String> suggestions, String notice,
                       String error, String csrfField, String csrfToken) {
        return PageTemplates.render("report/user.jte", new Person(new ReportFormat(messages), id, data,
                List.copyOf(suggestions), notice, error, csrfField, csrfToken));
    }

    static String problem(Messages messages, String message) {
        return PageTemplates.render("report/problem.jte", new Problem(new ReportFormat(messages), message));
    }

    private static WeeklyChart chart(ReportFormat f, String id, String title, List<ActivityFigures> weeks) {
        return WeeklyChart.of(id, title, f.text("report.chart.log"), weeks.stream().map(ActivityFigures::start).toList(),
                List.of(series(f.text("report.fig.uniqueViewers"), READERS, null, weeks, ActivityFigures::uniqueViewers),
                        series(f.text("report.fig.uniqueReactors"), REACTORS, "7 4", weeks, ActivityFigures::uniqueReactors),
                        series(f.text("report.fig.uniqueCommenters"), COMMENTERS, "2 3", weeks,
                                ActivityFigures::uniqueCommenters)),
                f.locale);
    }

    private static WeeklyChart.Series series(String name, String colour, String dash, List<ActivityFigures> weeks,
                                             ToLongFunction<ActivityFigures> value) {
        return new WeeklyChart.Series(name, colour, dash, weeks.stream().mapToLong(value).toArray());
    }

    /** The link to {@code page}'s own report over the same period. */
    static String link(PageId page, LocalDate from, LocalDate to) {
        return "page?page=" + url(page.value()) + "&from=" + from + "&to=" + to;
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
