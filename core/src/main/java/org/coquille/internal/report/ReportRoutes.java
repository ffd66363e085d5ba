package org.coquille.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.core.Bucket;
import org.coquille.report.DepartmentReports;
import org.coquille.report.PersonalData;
import org.coquille.report.UsageReports;
import org.coquille.core.UserData;

/**
 * Answers the usage report under {@code report/}, for editors only (others get 403): the whole intranet
 * ({@code ./}), one page ({@code page?page=}), the exports ({@code export.csv}, {@code export.json},
 * {@code ?by=day|week|objective}), and one person's data ({@code user?id=}, {@code user.json?id=}, a post to
 * {@code user/erase}). Periods are {@code from} and {@code to} (ISO dates, inclusive); by default the last
 * 26 weeks.
 */
public final class ReportRoutes {

    /**
     * Who asks.
     *
     * @param user         the user, or {@code null} when not logged in
     * @param csrfToken    the token their forms carry
     * @param csrfField    the form field that carries it
     * @param writeAllowed whether this request carries a valid token from an allowed origin (for posts)
     */
    public record Caller(User user, String csrfToken, String csrfField, boolean writeAllowed) { }

    /** The longest period a report covers, in days. */
    static final int MAX_DAYS = 800;
    /** The weeks shown by default. */
    static final int DEFAULT_WEEKS = 26;
    static final int MIN_VIEWERS = 5;

    /** Bad input from the request: a message key and its arguments, shown in the reader's language. */
    private static final class BadInput extends RuntimeException {
        final String key;
        final transient Object[] args;

        BadInput(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private final UsageReports reports;
    private final Supplier<List<PageSettings>> experiments;
    private final PersonalData personalData;
    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;
    private Supplier<Map<PageId, String>> titles;
    private Function<PageId, Set<Widget>> widgets;
    private DepartmentReports departments;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(PageId.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A report without the objectives section (no page with widgets on is known). */
    public ReportRoutes(UsageReports reports, PersonalData personalData, Clock clock, ZoneId zone, String prefix) {
        this(reports, personalData, clock, zone, prefix, List::of);
    }

    /**
     * @param experiments the effective settings of the pages with widgets on, whose objectives the report shows
     */
    public ReportRoutes(UsageReports reports, PersonalData personalData, Clock clock, ZoneId zone, String prefix,
                        Supplier<List<PageSettings>> experiments) {
        this.experiments = experiments;
        this.reports = reports;
        this.personalData = personalData;
        this.clock = clock;
        this.zone = zone;
        this.prefix = prefix;
    }

    /**
     * Where the report finds the pages' titles (the catalogue's) and the widgets on for a page (its effective
     * settings), for its title and widgets columns; without it, pages are shown by address, as without widgets.
     */
    public void pageFacts(Supplier<Map<PageId, String>> pageTitles, Function<PageId, Set<Widget>> pageWidgets) {
        this.titles = Objects.requireNonNull(pageTitles, "pageTitles");
        this.widgets = Objects.requireNonNull(pageWidgets, "pageWidgets");
    }

    /** Adds participation by department to the intranet's report and its exports ({@code ?by=department}). */
    public void departments(DepartmentReports departmentReports) {
        this.departments = Objects.requireNonNull(departmentReports, "departmentReports");
    }

    private PageFacts facts() {
        return titles == null ? PageFacts.NONE : new PageFacts(titles.get(), widgets);
    }

    /** Answers a request under the report, with the console's security headers on every answer. */
    public HttpResponse route(HttpRequest request, String rest, Caller caller) {
        return secure(answer(request, rest, caller));
    }

    /**
     * The headers the console sends too: never sniffed, never framed, posting only here, no referrer to other sites;
     * the one inline style sheet allowed by its hash.
     */
    private static HttpResponse secure(HttpResponse response) {
        return response.withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' " + ReportFormat.STYLE_SOURCE
                        + "; frame-ancestors 'none'; form-action 'self'")
                .withHeader("Referrer-Policy", "same-origin");
    }

    private HttpResponse answer(HttpRequest request, String rest, Caller caller) {
        Messages m = Messages.forLocale(request.locale());
        if (caller.user() == null || !caller.user().editor()) {
            return html(403, ReportPages.problem(m, m.get("report.error.forbidden")));
        }
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        try {
            if (read) {
                switch (rest) {
                    case "":
                        LocalDate[] period = period(request);
                        return html(200, ReportPages.intranet(m, reports.intranet(period[0], period[1]), MIN_VIEWERS,
                                reports.objectives(experiments.get(), today()), facts(),
                                departments == null ? null : departments.of(period[0], period[1])));
                    case "page":
                        PageId page = page(request);
                        LocalDate[] pagePeriod = period(request);
                        return html(200, ReportPages.page(m, reports.page(page, pagePeriod[0], pagePeriod[1]), facts()));
                    case "export.csv":
                    case "export.json":
                        return export(request, rest.endsWith("csv"));
                    case "user":
                        return userPage(request, m, caller, 200, null, null);
                    case "user.json":
                        String id = userId(request);
                        return new HttpResponse(200, List.of(Map.entry("Content-Type", "application/json"),
                                Map.entry("Content-Disposition", attachment("coquille-data-" + id + ".json")),
                                Map.entry("Cache-Control", "no-store")), write(exportOf(id)));
                    default:
                        break;
                }
            } else if (request.method().equals("POST") && rest.equals("user/erase")) {
                return erase(request, m, caller);
            }
        } catch (BadInput e) {
            if (rest.startsWith("user")) {
                return userPage(request, m, caller, 400, null, m.get(e.key, e.args));
            }
            return html(400, ReportPages.problem(m, m.get(e.key, e.args)));
        }
        return html(404, ReportPages.problem(m, m.get("error.notFound")));
    }

    private HttpResponse export(HttpRequest request, boolean csv) {
        String by = request.parameter("by") == null ? "day" : request.parameter("by");
        if (by.equals("objective")) {
            var standings = reports.objectives(experiments.get(), today());
            String name = "coquille-objectives-" + today() + (csv ? ".csv" : ".json");
            byte[] body = csv ? Exports.objectivesCsv(standings, Messages.forLocale(request.locale()))
                    : Exports.objectivesJson(json, standings, today());
            return download(csv, name, body);
        }
        if (by.equals("department") && departments != null) {
            LocalDate[] period = period(request);
            var report = departments.of(period[0], period[1]);
            String name = "coquille-departments-" + period[0] + "-" + period[1] + (csv ? ".csv" : ".json");
            byte[] body = csv ? DepartmentExports.csv(report, Messages.forLocale(request.locale() == null ? Locale.ENGLISH
                    : request.locale())) : DepartmentExports.json(json, report);
            return download(csv, name, body);
        }
        Bucket bucket = switch (by) {
            case "day" -> Bucket.DAY;
            case "week" -> Bucket.WEEK;
            default -> throw new BadInput("report.error.by", by);
        };
        LocalDate[] period = period(request);
        var rows = reports.perPage(period[0], period[1], bucket);
        String name = "coquille-report-" + period[0] + "-" + period[1] + "-" + by + (csv ? ".csv" : ".json");
        byte[] body = csv ? Exports.csv(rows, bucket, Messages.forLocale(request.locale() == null ? Locale.ENGLISH
                : request.locale()))
                : Exports.json(json, rows, bucket, period[0], period[1]);
        return download(csv, name, body);
    }

    /** An export to save as {@code name}: CSV or JSON. */
    private static HttpResponse download(boolean csv, String name, byte[] body) {
        return new HttpResponse(200, List.of(
                Map.entry("Content-Type", csv ? "text/csv; charset=utf-8" : "application/json"),
                Map.entry("Content-Disposition", "attachment; filename=\"" + name + "\""),
                Map.entry("Cache-Control", "no-store")), body);
    }

    /** The store's data about {@code id}, and what is kept about them elsewhere (the directory's cache...). */
    private Object exportOf(String id) {
        com.fasterxml.jackson.databind.node.ObjectNode all = json.valueToTree(personalData.readable(id));
        personalData.exportKeptElsewhere(id).forEach((name, value) -> all.set(name, json.valueToTree(value)));
        return all;
    }

    private HttpResponse userPage(HttpRequest request, Messages m, Caller caller, int status, String notice, String error) {
        String id = request.parameter("id");
        UserData data = null;
        List<String> suggestions = List.of();
        if (id != null && !id.isBlank() && id.length() <= User.MAX_ID_LENGTH) {
            data = personalData.export(id);
            if (data.isEmpty()) {
                suggestions = personalData.sameButCase(id);
            }
        }
        if (notice == null && request.parameter("erased") != null && id != null) {
            notice = m.get("report.user.erased", id);
        }
        return html(status, ReportPages.user(m, id, data, suggestions, notice, error, caller.csrfField(),
                caller.csrfToken()));
    }

    private HttpResponse erase(HttpRequest request, Messages m, Caller caller) {
        if (!caller.writeAllowed()) {
            return userPage(request, m, caller, 403, null, m.get("error.csrf"));
        }
        String id = userId(request);
        if (!"yes".equals(request.parameter("confirm"))) {
            throw new BadInput("report.error.confirm");
        }
        personalData.erase(id);
        String accept = request.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            return new HttpResponse(200, List.of(Map.entry("Content-Type", "application/json"),
                    Map.entry("Cache-Control", "no-store")), write(Map.of("erased", id)));
        }
        return HttpResponse.redirect(request.contextPath() + prefix + "report/user?erased=1&id="
                + ReportPages.url(id));
    }

    /**
     * A {@code Content-Disposition} that names the file {@code name}: an ASCII fallback and the exact name in
     * RFC 6266's {@code filename*}, so a user id with accents or quotes keeps its name and cannot break the header.
     */
    private static String attachment(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String userId(HttpRequest request) {
        String id = request.parameter("id");
        if (id == null || id.isBlank() || id.length() > User.MAX_ID_LENGTH) {
            throw new BadInput("report.error.user");
        }
        return id;
    }

    private static PageId page(HttpRequest request) {
        String value = request.parameter("page");
        try {
            return PageId.of(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new BadInput("report.error.page", value == null ? "" : value);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The period the request asks for: {@code from} and {@code to}, by default the last 26 weeks to today. */
    private LocalDate[] period(HttpRequest request) {
        LocalDate today = today();
        LocalDate to = date(request.parameter("to"), today);
        LocalDate from = date(request.parameter("from"), Bucket.weekOf(to).minusWeeks(DEFAULT_WEEKS - 1));
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BadInput("report.error.period", MAX_DAYS);
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("report.error.date", value);
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse html(int status, String page) {
        return new HttpResponse(status, List.of(Map.entry("Content-Type", "text/html; charset=utf-8"),
                Map.entry("Cache-Control", "no-store")), page.getBytes(StandardCharsets.UTF_8));
    }
}
