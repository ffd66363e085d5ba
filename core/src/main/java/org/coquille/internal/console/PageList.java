package org.coquille.internal.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.CataloguedPage;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.social.Pages;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.internal.page.PageLinks;
import org.jsoup.nodes.Element;

/** The list of pages the filter has served (and those configured before being seen), with search, sort and paging. */
final class PageList {

    static final int PER_PAGE = 50;
    static final int VIEW_DAYS = 30;

    /** One row of the list. */
    record Row(PageId page, String title, long views, Pages.Resolution resolution) { }

    private final ConsoleContext ctx;

    PageList(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    /** Every page, each with its title, views over the last 30 days and effective settings, ordered by page id. */
    List<Row> rows() {
        Map<PageId, String> titles = new TreeMap<>();
        for (CataloguedPage p : ctx.store().catalogue().cataloguedPages()) {
            titles.put(p.page(), p.title());
        }
        for (PageSettings s : ctx.store().pages().allSettings()) {
            titles.putIfAbsent(s.page(), null);
        }
        LocalDate today = LocalDate.now(ctx.clock().withZone(ctx.zone()));
        Map<PageId, Long> views = ctx.store().catalogue().viewTotals(today.minusDays(VIEW_DAYS - 1L), today);
        List<Row> rows = new ArrayList<>(titles.size());
        titles.forEach((page, title) -> rows.add(new Row(page, title, views.getOrDefault(page, 0L),
                ctx.pages().resolve(page))));
        return rows;
    }

    HttpResponse show(HttpRequest request, User editor) {
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "pages", Messages.forLocale(request.locale())
                .get("console.pages.title"));
        Messages m = html.m;
        String query = request.parameter("q") == null ? "" : request.parameter("q").strip();
        String asked = request.parameter("sort");
        String sort = asked != null && List.of("title", "page", "views", "widgets").contains(asked) ? asked : "page";
        boolean descending = "desc".equals(request.parameter("dir"));
        List<Row> rows = new ArrayList<>(rows());
        if (!query.isEmpty()) {
            String needle = query.toLowerCase(Locale.ROOT);
            rows.removeIf(r -> !r.page().value().toLowerCase(Locale.ROOT).contains(needle)
                    && (r.title() == null || !r.title().toLowerCase(Locale.ROOT).contains(needle)));
        }
        Comparator<Row> order = switch (sort) {
            case "title" -> Comparator.comparing((Row r) -> r.title() == null ? "" : r.title().toLowerCase(m.locale()));
            case "views" -> Comparator.comparingLong(Row::views);
            case "widgets" -> Comparator.comparingInt((Row r) -> r.resolution().settings().widgets().size());
            default -> Comparator.comparing(Row::page);
        };
        order = order.thenComparing(Row::page);
        rows.sort(descending ? order.reversed() : order);

        Element main = html.main();
        main.appendElement("p").addClass("coq-lead").text(m.get("console.pages.lead", VIEW_DAYS));
        Element search = main.appendElement("form").attr("method", "get").attr("action", html.base + "pages")
                .attr("role", "search").addClass("coq-search");
        search.appendElement("label").attr("for", "coq-q").text(m.get("console.pages.search"));
        search.appendElement("input").attr("type", "search").id("coq-q").attr("name", "q").attr("value", query);
        ConsoleHtml.hidden(search, "sort", sort);
        ConsoleHtml.hidden(search, "dir", descending ? "desc" : "asc");
        search.appendElement("button").attr("type", "submit").text(m.get("console.pages.searchButton"));

        int pages = Math.max(1, (rows.size() + PER_PAGE - 1) / PER_PAGE);
        int current = Math.min(pages, Math.max(1, parseInt(request.parameter("p"))));
        List<Row> shown = rows.subList((current - 1) * PER_PAGE, Math.min(rows.size(), current * PER_PAGE));
        main.appendElement("p").addClass("coq-count").attr("role", "status").text(m.get("console.pages.count", rows.size()));
        if (rows.isEmpty()) {
            main.appendElement("p").addClass("coq-empty").text(m.get(query.isEmpty() ? "console.pages.none" : "console.pages.noMatch"));
            return html.response(200);
        }
        Element table = main.appendElement("div").addClass("coq-table-wrap").appendElement("table").addClass("coq-table");
        table.appendElement("caption").text(m.get("console.pages.caption"));
        Element head = table.appendElement("thead").appendElement("tr");
        for (String column : List.of("title", "page", "views", "widgets")) {
            Element th = head.appendElement("th").attr("scope", "col");
            boolean active = column.equals(sort);
            if (active) {
                th.attr("aria-sort", descending ? "descending" : "ascending");
            }
            String dir = active && !descending ? "desc" : "asc";
            th.appendElement("a").attr("href", html.base + "pages?q=" + Urls.encode(query) + "&sort=" + column + "&dir=" + dir)
                    .text(m.get("console.pages.col." + column) + (active ? (descending ? " ▼" : " ▲") : ""));
        }
        Element body = table.appendElement("tbody");
        for (Row row : shown) {
            Element tr = body.appendElement("tr");
            Element title = tr.appendElement("td");
            title.appendElement("a").attr("href", html.base + "page?id=" + Urls.encode(row.page().value()))
                    .text(row.title() == null ? m.get("console.pages.untitled") : row.title());
            Element url = tr.appendElement("td").addClass("coq-url");
            url.appendElement("a").attr("href", PageLinks.href(request.contextPath(), row.page().value())).text(row.page().value());
            tr.appendElement("td").addClass("coq-num").text(String.format(m.locale(), "%,d", row.views()));
            Element widgets = tr.appendElement("td");
            widgets.appendElement("span").text(SettingsFields.widgets(m, row.resolution().settings().widgets()));
            widgets.appendElement("span").addClass("coq-source coq-source-" + SettingsFields.lower(row.resolution().source()))
                    .text(Sources.label(m, row.resolution()));
        }
        if (pages > 1) {
            Element nav = main.appendElement("nav").attr("aria-label", m.get("console.pages.paging")).addClass("coq-paging");
            for (int i = 1; i <= pages; i++) {
                Element a = nav.appendElement("a").attr("href", html.base + "pages?q=" + Urls.encode(query) + "&sort=" + sort
                        + "&dir=" + (descending ? "desc" : "asc") + "&p=" + i).text(String.valueOf(i));
                if (i == current) {
                    a.attr("aria-current", "page");
                }
            }
        }
        return html.response(200);
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
