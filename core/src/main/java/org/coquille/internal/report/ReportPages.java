package org.coquille.internal.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.coquille.core.Messages;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.ActivityFigures;
import org.coquille.report.Concentration;
import org.coquille.report.IntranetReport;
import org.coquille.report.ObjectiveStanding;
import org.coquille.report.PageReport;
import org.coquille.core.UserData;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Renders the report's pages: the whole intranet, one page, and one person's data. */
final class ReportPages {

    private static final String READERS = "#1f5fa8";
    private static final String REACTORS = "#d9730d";
    private static final String COMMENTERS = "#2b7a3d";

    private ReportPages() {
    }

    static String intranet(Messages messages, IntranetReport r, int minViewers, List<ObjectiveStanding> objectives) {
        ReportLayout l = new ReportLayout(messages);
        Document doc = Document.createShell("");
        Element main = l.page(doc, l.m.get("report.title"));
        periodForm(l, main, r.from(), r.to(), null);
        if (r.approximate()) {
            main.appendElement("p").addClass("coq-warning").text(l.m.get("report.approximate", l.date(r.keysFrom())));
        }
        main.appendElement("h2").text(l.m.get("report.totals"));
        kpis(l, main, r.totals());
        totalsTable(l, main, l.m.get("report.totals"), r.totals());

        objectives(l, main, objectives, r.from(), r.to());

        main.appendElement("h2").text(l.m.get("report.funnel.title"));
        main.appendElement("p").addClass("coq-note").text(l.m.get("report.funnel.intro"));
        chart(l, main, "coq-funnel", l.m.get("report.funnel.title"), r.weeks());
        weeksTable(l, main, l.m.get("report.funnel.title"), r.weeks());

        main.appendElement("h2").text(l.m.get("report.most"));
        main.appendElement("p").addClass("coq-note").text(l.m.get("report.rankNote", minViewers));
        pagesTable(l, main, l.m.get("report.most"), r.mostEngaged(), r.from(), r.to());
        main.appendElement("h2").text(l.m.get("report.least"));
        pagesTable(l, main, l.m.get("report.least"), r.leastEngaged(), r.from(), r.to());
        main.appendElement("h2").text(l.m.get("report.never"));
        pagesTable(l, main, l.m.get("report.never"), r.readNeverReacted(), r.from(), r.to());

        main.appendElement("h2").text(l.m.get("report.concentration.title"));
        Concentration c = r.concentration();
        double share1 = c.top1Share();
        double share10 = c.top10Share();
        main.appendElement("p").text(l.m.get("report.concentration.text", l.integer(c.contributors()),
                l.integer(c.contributions()), l.integer(c.top1People()), l.percent(share1), l.integer(c.top10People()),
                l.percent(share10)));
        if (r.keysFrom() != null && r.keysFrom().isAfter(r.from())) {
            main.appendElement("p").addClass("coq-note").text(l.m.get("report.concentration.kept", l.date(r.keysFrom())));
        }

        main.appendElement("h2").text(l.m.get("report.exports"));
        Element list = main.appendElement("ul");
        String period = "from=" + r.from() + "&to=" + r.to();
        list.appendElement("li").appendElement("a").attr("href", "export.csv?by=day&" + period).text(l.m.get("report.export.csvDay"));
        list.appendElement("li").appendElement("a").attr("href", "export.csv?by=week&" + period).text(l.m.get("report.export.csvWeek"));
        list.appendElement("li").appendElement("a").attr("href", "export.json?by=day&" + period).text(l.m.get("report.export.jsonDay"));
        list.appendElement("li").appendElement("a").attr("href", "export.json?by=week&" + period).text(l.m.get("report.export.jsonWeek"));
        list.appendElement("li").appendElement("a").attr("href", "export.csv?by=objective").text(l.m.get("report.export.csvObjective"));
        list.appendElement("li").appendElement("a").attr("href", "export.json?by=objective").text(l.m.get("report.export.jsonObjective"));
        main.appendElement("p").addClass("coq-note").text(l.m.get("report.export.note"));
        return doc.outerHtml();
    }

    static String page(Messages messages, PageReport r) {
        ReportLayout l = new ReportLayout(messages);
        Document doc = Document.createShell("");
        Element main = l.page(doc, l.m.get("report.page.title", r.page().value()));
        periodForm(l, main, r.from(), r.to(), r.page());
        main.appendElement("h2").text(l.m.get("report.page.totals"));
        kpis(l, main, r.totals());
        totalsTable(l, main, l.m.get("report.page.totals"), r.totals());
        main.appendElement("h2").text(l.m.get("report.trend.title"));
        chart(l, main, "coq-trend", l.m.get("report.trend.title"), r.weeks());
        weeksTable(l, main, l.m.get("report.trend.title"), r.weeks());
        return doc.outerHtml();
    }

    /**
     * The personal-data page: a form to find a user, and for one found, a summary, the export link and the
     * erase form.
     */
    static String user(Messages messages, String id, UserData data, String notice, String error, String csrfField,
                       String csrfToken) {
        ReportLayout l = new ReportLayout(messages);
        Document doc = Document.createShell("");
        Element main = l.page(doc, l.m.get("report.user.title"));
        main.appendElement("p").text(l.m.get("report.user.intro"));
        if (notice != null) {
            main.appendElement("p").addClass("coq-done").attr("role", "status").text(notice);
        }
        if (error != null) {
            main.appendElement("p").addClass("coq-error").attr("role", "alert").text(error);
        }
        Element find = main.appendElement("form").attr("method", "get").attr("action", "user").addClass("coq-period");
        Element field = find.appendElement("div");
        field.appendElement("label").attr("for", "coq-user-id").text(l.m.get("report.user.id"));
        field.appendElement("input").attr("id", "coq-user-id").attr("name", "id").attr("required", "")
                .attr("maxlength", "200").attr("value", id == null ? "" : id);
        find.appendElement("button").attr("type", "submit").text(l.m.get("report.user.find"));
        if (data != null) {
            main.appendElement("p").text(l.m.get("report.user.summary", data.user(), data.comments().size(),
                    data.votes().size(), data.answers().size(), data.reactions().size(), data.ideas().size(),
                    data.ideaVotes().size(), data.dateAnswers().size()));
            main.appendElement("p").appendElement("a").attr("href", "user.json?id=" + url(data.user()))
                    .attr("download", "").text(l.m.get("report.user.export"));
            Element erase = main.appendElement("form").attr("method", "post").attr("action", "user/erase");
            erase.appendElement("input").attr("type", "hidden").attr("name", csrfField).attr("value", csrfToken);
            erase.appendElement("input").attr("type", "hidden").attr("name", "id").attr("value", data.user());
            Element confirm = erase.appendElement("p");
            confirm.appendElement("input").attr("type", "checkbox").attr("id", "coq-confirm").attr("name", "confirm")
                    .attr("value", "yes").attr("required", "");
            confirm.appendText(" ");
            confirm.appendElement("label").attr("for", "coq-confirm").addClass("coq-inline")
                    .text(l.m.get("report.user.confirm"));
            erase.appendElement("button").attr("type", "submit").addClass("coq-danger").text(l.m.get("report.user.erase"));
        }
        return doc.outerHtml();
    }

    /** A page that only says what went wrong. */
    static String problem(Messages messages, String message) {
        ReportLayout l = new ReportLayout(messages);
        Document doc = Document.createShell("");
        Element main = l.page(doc, l.m.get("report.title"));
        main.appendElement("p").addClass("coq-error").attr("role", "alert").text(message);
        return doc.outerHtml();
    }

    private static void periodForm(ReportLayout l, Element main, LocalDate from, LocalDate to, PageId page) {
        main.appendElement("p").text(l.m.get("report.period.shown", l.date(from), l.date(to)));
        Element form = main.appendElement("form").attr("method", "get").attr("action", page == null ? "./" : "page")
                .addClass("coq-period").attr("aria-label", l.m.get("report.period.legend"));
        if (page != null) {
            Element p = form.appendElement("div");
            p.appendElement("label").attr("for", "coq-page").text(l.m.get("report.page.pick"));
            p.appendElement("input").attr("id", "coq-page").attr("name", "page").attr("size", "40")
                    .attr("value", page.value());
        }
        Element f = form.appendElement("div");
        f.appendElement("label").attr("for", "coq-from").text(l.m.get("report.period.from"));
        f.appendElement("input").attr("type", "date").attr("id", "coq-from").attr("name", "from").attr("value", from.toString());
        Element t = form.appendElement("div");
        t.appendElement("label").attr("for", "coq-to").text(l.m.get("report.period.to"));
        t.appendElement("input").attr("type", "date").attr("id", "coq-to").attr("name", "to").attr("value", to.toString());
        form.appendElement("button").attr("type", "submit").text(l.m.get("report.period.show"));
    }

    private static void kpis(ReportLayout l, Element main, ActivityFigures f) {
        Element list = main.appendElement("ul").addClass("coq-kpis");
        kpi(l, list, l.m.get("report.fig.uniqueViewers"), l.integer(f.uniqueViewers()));
        kpi(l, list, l.m.get("report.fig.uniqueReactors"), l.integer(f.uniqueReactors()));
        kpi(l, list, l.m.get("report.fig.uniqueCommenters"), l.integer(f.uniqueCommenters()));
        kpi(l, list, l.m.get("report.fig.participation"), l.percent(f.participationRate()));
    }

    private static void kpi(ReportLayout l, Element list, String label, String value) {
        Element item = list.appendElement("li").addClass("coq-kpi");
        item.appendElement("strong").text(value);
        item.appendText(label);
    }

    private static void totalsTable(ReportLayout l, Element main, String caption, ActivityFigures f) {
        Element body = ReportLayout.table(main, caption, List.of(l.m.get("report.fig.figure"), l.m.get("report.fig.value")));
        String[][] rows = {
            {"report.fig.views", l.integer(f.views())},
            {"report.fig.uniqueViewers", l.integer(f.uniqueViewers())},
            {"report.fig.comments", l.integer(f.comments())},
            {"report.fig.uniqueCommenters", l.integer(f.uniqueCommenters())},
            {"report.fig.votes", l.integer(f.votes())},
            {"report.fig.reactions", l.integer(f.reactions())},
            {"report.fig.answers", l.integer(f.answers())},
            {"report.fig.ideas", l.integer(f.ideas())},
            {"report.fig.ideaVotes", l.integer(f.ideaVotes())},
            {"report.fig.dateAnswers", l.integer(f.dateAnswers())},
            {"report.fig.uniqueReactors", l.integer(f.uniqueReactors())},
            {"report.fig.uniqueContributors", l.integer(f.uniqueContributors())},
            {"report.fig.participation", l.percent(f.participationRate())},
        };
        for (String[] row : rows) {
            Element tr = body.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").addClass("coq-text").text(l.m.get(row[0]));
            tr.appendElement("td").text(row[1]);
        }
    }

    private static void chart(ReportLayout l, Element main, String id, String title, List<ActivityFigures> weeks) {
        List<LocalDate> starts = weeks.stream().map(ActivityFigures::start).toList();
        WeeklyChart.draw(main, id, title, l.m.get("report.chart.log"), starts, List.of(
                series(l.m.get("report.fig.uniqueViewers"), READERS, null, weeks, ActivityFigures::uniqueViewers),
                series(l.m.get("report.fig.uniqueReactors"), REACTORS, "7 4", weeks, ActivityFigures::uniqueReactors),
                series(l.m.get("report.fig.uniqueCommenters"), COMMENTERS, "2 3", weeks, ActivityFigures::uniqueCommenters)),
                l.locale);
    }

    private static WeeklyChart.Series series(String name, String colour, String dash, List<ActivityFigures> weeks,
                                             ToLongFunction<ActivityFigures> value) {
        return new WeeklyChart.Series(name, colour, dash, weeks.stream().mapToLong(value).toArray());
    }

    private static void weeksTable(ReportLayout l, Element main, String caption, List<ActivityFigures> weeks) {
        Element body = ReportLayout.table(main, caption, List.of(l.m.get("report.fig.week"),
                l.m.get("report.fig.uniqueViewers"), l.m.get("report.fig.uniqueReactors"),
                l.m.get("report.fig.uniqueCommenters"), l.m.get("report.fig.uniqueContributors"),
                l.m.get("report.fig.participation"), l.m.get("report.fig.views"), l.m.get("report.fig.comments"),
                l.m.get("report.fig.votes"), l.m.get("report.fig.reactions"), l.m.get("report.fig.answers")));
        for (ActivityFigures w : weeks) {
            Element tr = body.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").addClass("coq-text").text(l.date(w.start()));
            for (String cell : List.of(l.integer(w.uniqueViewers()), l.integer(w.uniqueReactors()),
                    l.integer(w.uniqueCommenters()), l.integer(w.uniqueContributors()), l.percent(w.participationRate()),
                    l.integer(w.views()), l.integer(w.comments()), l.integer(w.votes()), l.integer(w.reactions()),
                    l.integer(w.answers()))) {
                tr.appendElement("td").text(cell);
            }
        }
    }

    private static void pagesTable(ReportLayout l, Element main, String caption, List<ActivityFigures> pages,
                                   LocalDate from, LocalDate to) {
        if (pages.isEmpty()) {
            main.appendElement("p").text(l.m.get("report.none"));
            return;
        }
        Element body = ReportLayout.table(main, caption, List.of(l.m.get("report.fig.page"),
                l.m.get("report.fig.uniqueViewers"), l.m.get("report.fig.uniqueContributors"),
                l.m.get("report.fig.participation"), l.m.get("report.fig.views")));
        for (ActivityFigures p : pages) {
            Element tr = body.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").addClass("coq-text").appendElement("a")
                    .attr("href", "page?page=" + url(p.page().value()) + "&from=" + from + "&to=" + to)
                    .text(p.page().value());
            List<String> cells = new ArrayList<>(List.of(l.integer(p.uniqueViewers()), l.integer(p.uniqueContributors()),
                    l.percent(p.participationRate()), l.integer(p.views())));
            cells.forEach(cell -> tr.appendElement("td").text(cell));
        }
    }

    /**
     * The pages with widgets on, grouped by objective (one table per purpose, in the list's order, then those
     * without objective), each with its target, contributors since the objective was set, end date and status
     * in words.
     */
    private static void objectives(ReportLayout l, Element main, List<ObjectiveStanding> standings, LocalDate from,
                                   LocalDate to) {
        Element section = main.appendElement("section").id("coq-objectives").attr("aria-labelledby", "coq-objectives-title");
        section.appendElement("h2").id("coq-objectives-title").text(l.m.get("report.objectives.title"));
        section.appendElement("p").addClass("coq-note").text(l.m.get("report.objectives.intro"));
        if (standings.isEmpty()) {
            section.appendElement("p").text(l.m.get("report.objectives.noPages"));
            return;
        }
        Map<Objective.Purpose, List<ObjectiveStanding>> byPurpose = new EnumMap<>(Objective.Purpose.class);
        List<ObjectiveStanding> without = new ArrayList<>();
        for (ObjectiveStanding s : standings) {
            if (s.objective() == null) {
                without.add(s);
            } else {
                byPurpose.computeIfAbsent(s.objective().purpose(), p -> new ArrayList<>()).add(s);
            }
        }
        byPurpose.forEach((purpose, pages) -> {
            String title = l.m.get("report.objectives.group", l.m.get("objective.purpose." + purpose.code()));
            section.appendElement("h3").text(title);
            Element body = ReportLayout.table(section, title, List.of(l.m.get("report.fig.page"),
                    l.m.get("report.objectives.col.objective"), l.m.get("report.objectives.col.target"),
                    l.m.get("report.objectives.col.contributors"), l.m.get("report.objectives.col.since"),
                    l.m.get("report.objectives.col.end"), l.m.get("report.objectives.col.status")));
            for (ObjectiveStanding s : pages) {
                Objective o = s.objective();
                Element tr = body.appendElement("tr");
                pageCell(tr, s, from, to);
                tr.appendElement("td").addClass("coq-text").text(o.text() == null
                        ? l.m.get("objective.purpose." + o.purpose().code()) : o.text());
                tr.appendElement("td").text(o.target() == null ? l.m.get("report.objectives.noTarget") : l.integer(o.target()));
                tr.appendElement("td").text(l.integer(s.progress().contributors())
                        + (s.approximate() ? " " + l.m.get("report.objectives.approximate") : ""));
                tr.appendElement("td").text(l.date(o.since()));
                tr.appendElement("td").text(o.endDate() == null ? l.m.get("report.objectives.noEnd") : l.date(o.endDate()));
                String status = s.progress().status().name().toLowerCase(Locale.ROOT);
                tr.appendElement("td").addClass("coq-text coq-status-" + status.replace('_', '-'))
                        .text(l.m.get("report.status." + status));
            }
        });
        if (!without.isEmpty()) {
            String title = l.m.get("report.objectives.none");
            section.appendElement("h3").text(title);
            section.appendElement("p").addClass("coq-note").text(l.m.get("report.objectives.noneHint"));
            Element body = ReportLayout.table(section, title, List.of(l.m.get("report.fig.page")));
            without.forEach(s -> pageCell(body.appendElement("tr"), s, from, to));
        }
    }

    private static void pageCell(Element tr, ObjectiveStanding s, LocalDate from, LocalDate to) {
        tr.appendElement("th").attr("scope", "row").addClass("coq-text").appendElement("a")
                .attr("href", "page?page=" + url(s.page().value()) + "&from=" + from + "&to=" + to)
                .text(s.page().value());
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
