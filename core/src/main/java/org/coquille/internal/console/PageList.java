package org.coquille.internal.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
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
import org.coquille.core.RuleViolation;
import org.coquille.social.Pages;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.internal.page.PageLinks;

/** The list of pages the filter has served (and those configured before being seen), with search, sort and paging. */
final class PageList {

    static final int PER_PAGE = 50;
    static final int VIEW_DAYS = 30;

    /** One row of the list. */
    record Row(PageId page, String title, long views, Pages.Resolution resolution) { }

    /**
     * The list ({@code console/pages.jte}): the search as typed, the sort, how many pages match, the column headers,
     * the rows of the current page of the list, and the links to the others (none when all fit on one).
     */
    record View(Frame f, String query, String sort, String dir, int count, List<Column> columns, List<Line> rows,
                List<Frame.Link> paging, Reading reading) { }

    /**
     * How a search that looks like an address was read: how it was understood (or {@code null} if as typed), why it
     * could not be (or {@code null}), and the offer to set up that page when no page listed has it (or {@code null}).
     */
    record Reading(String understood, String error, Frame.Link setUp) { }

    /** A column header: its text, the link that sorts by it, and its {@code aria-sort} when the list is sorted by it. */
    record Column(String text, String href, String ariaSort) { }

    /** A row as shown: the page's title linking to its settings, its address, views, widgets and where they come from. */
    record Line(String edit, String title, String href, String page, String views, String widgets, String source,
                String sourceText) { }

    private static final List<String> COLUMNS = List.of("title", "page", "views", "widgets");

    private final ConsoleContext ctx;

    PageList(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    /** Every page, each with its title, views over the last 30 days and effective settings, ordered by page id. */
    List<Row> rows() {
        ctx.catalogue().flush();
        Map<PageId, String> titles = new TreeMap<>();
        for (CataloguedPage p : ctx.store().catalogue().cataloguedPages()) {
            titles.put(p.page(), p.title());
        }
        ctx.configuredPages().forEach(page -> titles.putIfAbsent(page, null));
        LocalDate today = LocalDate.now(ctx.clock().withZone(ctx.zone()));
        Map<PageId, Long> views = ctx.store().catalogue().viewTotals(today.minusDays(VIEW_DAYS - 1L), today);
        List<Row> rows = new ArrayList<>(titles.size());
        titles.forEach((page, title) -> rows.add(new Row(page, title, views.getOrDefault(page, 0L),
                ctx.pages().resolve(page))));
        return rows;
    }

    HttpResponse show(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        String query = request.parameter("q") == null ? "" : request.parameter("q").strip();
        String asked = request.parameter("sort");
        String sort = asked != null && COLUMNS.contains(asked) ? asked : "page";
        boolean descending = "desc".equals(request.parameter("dir"));
        List<Row> rows = new ArrayList<>(rows());
        PageId address = null;
        String addressError = null;
        if (AddressInput.looksLikeAddress(query)) {
            try {
                address = ctx.addresses(request).page(query);
            } catch (RuleViolation e) {
                addressError = e.message(m.locale());
            }
        }
        if (!query.isEmpty()) {
            String needle = folded(address == null ? query : address.value());
            rows.removeIf(r -> !folded(r.page().value()).contains(needle) && !folded(decoded(r.page().value())).contains(needle)
                    && (r.title() == null || !folded(r.title()).contains(needle)));
        }
        Comparator<Row> order = switch (sort) {
            case "title" -> Comparator.comparing((Row r) -> r.title() == null ? "" : r.title().toLowerCase(m.locale()));
            case "views" -> Comparator.comparingLong(Row::views);
            case "widgets" -> Comparator.comparingInt((Row r) -> r.resolution().settings().widgets().size());
            default -> Comparator.comparing(Row::page);
        };
        order = order.thenComparing(Row::page);
        rows.sort(descending ? order.reversed() : order);

        String base = ctx.base(request);
        String dir = descending ? "desc" : "asc";
        List<Column> columns = new ArrayList<>();
        for (String column : COLUMNS) {
            boolean active = column.equals(sort);
            columns.add(new Column(m.get("console.pages.col." + column) + (active ? (descending ? " ▼" : " ▲") : ""),
                    base + "pages?q=" + Urls.encode(query) + "&sort=" + column + "&dir=" + (active && !descending ? "desc" : "asc"),
                    active ? (descending ? "descending" : "ascending") : null));
        }
        int pages = Math.max(1, (rows.size() + PER_PAGE - 1) / PER_PAGE);
        int current = Math.min(pages, Math.max(1, parseInt(request.parameter("p"))));
        List<Line> shown = rows.subList((current - 1) * PER_PAGE, Math.min(rows.size(), current * PER_PAGE)).stream()
                .map(r -> new Line(base + "page?id=" + Urls.encode(r.page().value()),
                        r.title() == null ? m.get("console.pages.untitled") : r.title(),
                        PageLinks.href(request.contextPath(), r.page().value()), r.page().value(),
                        String.format(m.locale(), "%,d", r.views()), SettingsFields.widgets(m, r.resolution().settings().widgets()),
                        SettingsFields.lower(r.resolution().source()), Sources.label(m, r.resolution())))
                .toList();
        List<Frame.Link> paging = new ArrayList<>();
        for (int i = 1; pages > 1 && i <= pages; i++) {
            paging.add(new Frame.Link(base + "pages?q=" + Urls.encode(query) + "&sort=" + sort + "&dir=" + dir + "&p=" + i,
                    String.valueOf(i), i == current));
        }
        return ConsolePages.render("console/pages.jte", new View(Frame.of(ctx, request, editor, "pages",
                m.get("console.pages.title")), query, sort, dir, rows.size(), columns, shown, paging,
                reading(m, base, query, address, addressError, rows)), 200);
    }

    /** How an address searched for was read, and the offer to set up its page when none listed has it. */
    private static Reading reading(Messages m, String base, String query, PageId address, String error, List<Row> rows) {
        if (error != null) {
            return new Reading(null, error, null);
        }
        if (address == null) {
            return null;
        }
        PageId page = address;
        boolean listed = rows.stream().anyMatch(r -> r.page().equals(page));
        return new Reading(query.equals(page.value()) ? null : m.get("console.address.understood", query, page.value()),
                null, listed ? null
                : new Frame.Link(base + "page?id=" + Urls.encode(page.value()), m.get("console.pages.setUp", page.value()), false));
    }

    /** {@code text} without case or accents, so that "congés" finds /rh/conges.html and "Conges" finds "Congés". */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** A page id's percent-encoded letters decoded (/rh/cong%C3%A9s.html reads /rh/congés.html), or it as it is. */
    private static String decoded(String page) {
        try {
            return URLDecoder.decode(page.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return page;
        }
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
