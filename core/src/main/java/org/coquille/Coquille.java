package org.coquille;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.core.CataloguedPage;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.inject.Injection;
import org.coquille.inject.PageInjector;
import org.coquille.internal.console.Console;
import org.coquille.internal.page.PageCatalogue;
import org.coquille.internal.page.Audience;
import org.coquille.internal.page.ContributionCounter;
import org.coquille.internal.page.PageIdResolver;
import org.coquille.internal.render.WidgetRenderer;
import org.coquille.internal.report.ReportRoutes;
import org.coquille.internal.web.InstallationKey;
import org.coquille.internal.web.PageFragments;
import org.coquille.internal.web.Router;
import org.coquille.internal.web.Web;
import org.coquille.people.Directories;
import org.coquille.people.People;
import org.coquille.report.DepartmentReports;
import org.coquille.report.PersonalData;
import org.coquille.report.PersonalDataHolder;
import org.coquille.report.RetentionPurge;
import org.coquille.report.UsageReports;
import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.social.Ideas;
import org.coquille.social.Pages;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.social.Votes;
import org.coquille.spi.Directory;
import org.coquille.spi.Mailer;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreDownException;
import org.coquille.spi.StoreHealth;
import org.coquille.spi.StoreUnavailableException;
import org.coquille.store.CachedStore;
import org.coquille.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Coquille installation: the store, the rules and the web layer, wired from {@link Settings}.
 * Adapters hand it the requests under its prefix ({@link #handle}) and the pages they may decorate
 * ({@link #decorate}); neither ever throws.
 * <pre>{@code
 * Coquille coquille = Coquille.builder()
 *         .settings(Map.of("coquille.workFolder", "/srv/intranet/coquille"))
 *         .build();
 * }</pre>
 */
public final class Coquille implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Coquille.class);
    /** Coquille's version, in asset URLs. */
    public static final String VERSION = "0.1.0";
    /** How many characters of rendered fragments are remembered for viewers who see a page again: 16 M. */
    private static final long FRAGMENT_MEMORY_CHARS = 16_000_000L;

    private final Settings settings;
    private final SocialStore store;
    private final Pages pages;
    private final PageIdResolver pageIds;
    private final Audience audience;
    private final PageCatalogue catalogue;
    private final InstallationKey key;
    private final Router router;
    private final PageFragments fragments;
    private final PageInjector injector = new PageInjector(2_000);
    private final ScheduledExecutorService flusher;
    private final WarnOnce warnings;
    private final Comments comments;
    private final DepartmentReports departmentReports;
    private final UsageReports reports;
    private final java.util.concurrent.ExecutorService reportParts;
    private final PersonalData personalData;
    private final RetentionPurge purge;
    private final ZoneId zone;
    private final Clock clock;
    private final Votes votes;
    private final Polls polls;
    private final Reactions reactions;
    private final Ideas ideas;
    private final DatePolls datePolls;
    private final IdentityResolver identity;
    private final StoreHealth health;
    private final Console console;
    private final OwnWrites ownWrites;
    private final People people;
    /** E-mail notifications, or {@code null} when they are off. */
    private final MailNotifications mail;
    /** Coquille's requests' prefix ({@link Settings#prefix()}), with and without its last slash: asked on every request. */
    private final String prefix;
    private final String prefixAlone;

    private Coquille(Builder b, Settings settings, SocialStore backing, Directory directory) {
        this.settings = settings;
        this.prefix = settings.prefix();
        this.prefixAlone = prefix.substring(0, prefix.length() - 1);
        this.people = new People(directory, settings.duration(Settings.DIRECTORY_REFRESH),
                settings.duration(Settings.DIRECTORY_RETRY), b.ticker);
        this.health = StoreHealth.of(backing);
        Ticker ticker = b.ticker::getAsLong;
        CachedStore cached = new CachedStore(backing, settings.duration(Settings.CACHE_TTL), ticker);
        this.store = cached;
        this.ownWrites = new OwnWrites(cached, settings.duration(Settings.CACHE_TTL));
        this.pages = new Pages(store.pages(), store.settings(), b.pageRules != null ? b.pageRules : loadRules(settings));
        this.pageIds = new PageIdResolver(settings.list(Settings.IGNORED_PARAMS));
        this.key = b.key != null ? new InstallationKey(b.key) : loadKey(settings.workFolder());
        this.warnings = new WarnOnce(LOG, b.clock);
        Rules rules = settings.rules();
        this.comments = new Comments(store.comments(), store.ideas(), pages, rules, b.clock);
        this.votes = new Votes(store.votes(), pages, b.clock);
        this.polls = new Polls(store.polls(), pages, rules, b.clock);
        this.reactions = new Reactions(store.reactions(), pages, rules, b.clock);
        this.zone = b.zone != null ? b.zone : settings.timeZone().orElse(ZoneId.systemDefault());
        this.clock = b.clock;
        this.audience = new Audience(store.views(), store.activity(), b.clock, zone, viewer -> key.sign("viewer", viewer),
                id -> people.person(id).department(), people::hasDirectory);
        ContributionCounter contributions = audience.contributions();
        comments.contributionLog(contributions);
        votes.contributionLog(contributions);
        polls.contributionLog(contributions);
        reactions.contributionLog(contributions);
        this.reportParts = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "coquille-report");
            t.setDaemon(true);
            return t;
        });
        this.reports = new UsageReports(store.activity(), 5, reportParts);
        this.departmentReports = new DepartmentReports(store.activity(),
                settings.positiveInt(Settings.DEPARTMENT_MIN_PEOPLE), reportParts);
        this.personalData = new PersonalData(store.personalData(), store.activity(), this::pseudonymOf, this::flushViews);
        personalData.questions(store.polls(), store.datePolls());
        personalData.alsoKeptBy(PersonalDataHolder.of("directory", people::cached, people::forget));
        // the department the report counts them under; an erasure swaps its key with the others (replaceKey)
        personalData.alsoKeptBy(PersonalDataHolder.of("reportDepartment", user -> store.activity()
                .departmentOf(pseudonymOf(user)).map(d -> Map.of("department", d)), user -> { }));
        this.purge = new RetentionPurge(store.activity(), settings.duration(Settings.REPORT_RETENTION));
        this.ideas = new Ideas(store.ideas(), pages, b.clock);
        this.ideas.pageSize(settings.positiveInt(Settings.IDEAS_PAGE_SIZE));
        this.datePolls = new DatePolls(store.datePolls(), pages, b.clock);
        ideas.contributionLog(contributions);
        datePolls.contributionLog(contributions);
        this.identity = b.identity != null ? b.identity : identityFrom(settings);
        Web web = new Web(settings.prefix(), VERSION, key, identity,
                settings.flag(Settings.ANONYMOUS), settings.positiveInt(Settings.WRITES_PER_MINUTE),
                settings.list(Settings.ALLOWED_ORIGINS), pages, comments, votes, polls, reactions, ideas, datePolls,
                new WidgetRenderer(zone, people), b.clock);
        this.catalogue = new PageCatalogue(store.catalogue(), b.clock);
        boolean utcByDefault = b.zone == null && settings.timeZone().isEmpty()
                && zone.normalized().equals(java.time.ZoneOffset.UTC);
        if (utcByDefault) {
            LOG.warn("Coquille runs on the server's time zone, UTC: date poll times are read and shown in UTC. If the"
                    + " intranet's people are elsewhere, set {} (for instance Europe/Paris)", Settings.TIME_ZONE);
        }
        this.console = new Console(settings.prefix(), VERSION, web.guard(), identity, store, pages, pageIds, comments,
                polls, datePolls, b.clock, zone, utcByDefault, settings.get(Settings.LOGIN_URL), new ObjectMapper(),
                health, catalogue, settings.positions());
        console.displayNames(people);
        web.mount("console", console);
        ReportRoutes report = new ReportRoutes(reports, personalData, b.clock, zone, settings.prefix(), this::experiments);
        report.pageFacts(() -> store.catalogue().cataloguedPages().stream().filter(p -> p.title() != null)
                .collect(java.util.stream.Collectors.toMap(CataloguedPage::page, CataloguedPage::title, (a, c) -> a)),
                page -> pages.settings(page).widgets());
        report.departments(departmentReports);
        web.mountReport(report);
        this.mail = MailNotifications.start(b.mailer, new MailNotifications.Parts(settings, store, people, key, b.clock,
                zone, comments, ideas, datePolls, personalData), web, identity).orElse(null);
        this.router = web.router();
        this.fragments = web.fragments(cached::writes, cached::readingFresh, settings.duration(Settings.CACHE_TTL), ticker,
                FRAGMENT_MEMORY_CHARS);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coquille-view-flusher");
            t.setDaemon(true);
            return t;
        });
        long every = settings.duration(Settings.VIEWS_FLUSH).toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(this::purgeQuietly, 1, 24 * 60, TimeUnit.MINUTES);
        LOG.info("Coquille {} ready under {} with {}", VERSION, settings.prefix(), store.describe());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Settings settings() {
        return settings;
    }

    /** The store, behind its cache. */
    public SocialStore store() {
        return store;
    }

    /** The effective settings of pages (store, then URL patterns). */
    public Pages pages() {
        return pages;
    }

    public Comments comments() {
        return comments;
    }

    public Votes votes() {
        return votes;
    }

    public Polls polls() {
        return polls;
    }

    /** The idea boxes. */
    public Ideas ideas() {
        return ideas;
    }

    /** The date polls. */
    public DatePolls datePolls() {
        return datePolls;
    }

    public Reactions reactions() {
        return reactions;
    }

    /** Who user ids are: display names, e-mails and departments from the directory, cached. */
    public People people() {
        return people;
    }

    /** Whether {@code path} (inside the web application) is one of Coquille's own requests. */
    public boolean isOwnPath(String path) {
        return path != null && (path.startsWith(prefix) || path.equals(prefixAlone));
    }

    /** Answers a request under the prefix. Never throws: a failure is a 5xx problem answer. */
    public HttpResponse handle(HttpRequest request) {
        String before = ownWrites.before();
        return ownWrites.marked(request, ownWrites.serve(request, () -> answer(request)), before);
    }

    private HttpResponse answer(HttpRequest request) {
        try {
            return router.route(request);
        } catch (HttpRequest.UnreadableRequestException e) {
            warnings.note("Coquille refused an unreadable " + request.method() + " " + request.path() + " (" + e.kind()
                    + ": " + e.getMessage() + ")", HttpRequest.UnreadableRequestException.class);
            Messages m = Messages.forLocale(request.locale());
            return HttpResponse.of(e.kind().status(), "text/plain; charset=utf-8",
                    m.get("error.unreadable." + e.kind().name(), e.getMessage()))
                    .withHeader("Cache-Control", "no-store").withHeader("X-Content-Type-Options", "nosniff");
        } catch (StoreDownException e) {
            // known to be down: the store's breaker logged it once; nothing was waited for
            LOG.debug("{} {} answered 503: {}", request.method(), request.path(), e.getMessage());
            Messages m = Messages.forLocale(request.locale());
            return HttpResponse.of(503, "text/plain; charset=utf-8", m.get("error.store")).withHeader("Retry-After", "30")
                    .withHeader("X-Content-Type-Options", "nosniff");
        } catch (StoreUnavailableException e) {
            LOG.warn("Coquille's store failed while answering {} {}", request.method(), request.path(), e);
            Messages m = Messages.forLocale(request.locale());
            return HttpResponse.of(503, "text/plain; charset=utf-8", m.get("error.store")).withHeader("Retry-After", "30")
                    .withHeader("X-Content-Type-Options", "nosniff");
        } catch (RuntimeException e) {
            LOG.error("Coquille failed while answering {} {}", request.method(), request.path(), e);
            return HttpResponse.of(500, "text/plain; charset=utf-8", "Coquille could not answer this request.")
                    .withHeader("X-Content-Type-Options", "nosniff");
        }
    }

    /**
     * Whether the request's page has any widget on, so that the adapter should hold the page back for
     * {@link #decorate}. Never throws: when in doubt (store down), no; a store known to be down is not even asked.
     */
    public boolean widgetsOn(HttpRequest request) {
        return look(request).holdBack();
    }

    /**
     * The request's page and its settings, and whether the adapter should hold the page back ({@link #widgetsOn}), for
     * an adapter that then counts the view or decorates the page with what it got here, without looking again. Never
     * throws: when in doubt (store down, a failure), the page is not held back.
     */
    public PageLook look(HttpRequest request) {
        return ownWrites.serve(request, () -> lookAt(request));
    }

    private PageLook lookAt(HttpRequest request) {
        PageId id;
        try {
            id = pageIds.resolve(request.path(), request.queryString());
        } catch (RuntimeException e) {
            warnings.warn("Coquille could not read the page id of " + request.path(), e);
            return PageLook.NONE;
        }
        if (id == null) {
            return PageLook.NONE;
        }
        if (health.isDown()) {
            return new PageLook(id, null, false);
        }
        try {
            PageSettings pageSettings = pages.settings(id);
            // a page not yet catalogued on this node is held back once, so that decorate() reads its title
            return new PageLook(id, pageSettings, pageSettings.anyOn() || catalogue.wantsFirstLook(id));
        } catch (RuntimeException e) {
            warnings.warn("Coquille could not read the settings of " + request.path(), e);
            return new PageLook(id, null, false);
        }
    }

    /** Counts a view of the request's page, for a page the adapter served without holding it back. Never throws. */
    public void countView(HttpRequest request) {
        PageId id;
        try {
            id = pageIds.resolve(request.path(), request.queryString());
        } catch (RuntimeException e) {
            warnings.warn("Coquille could not count a view of " + request.path(), e);
            return;
        }
        countView(request, new PageLook(id, null, false));
    }

    /** As {@link #countView(HttpRequest)}, for the page {@link #look} saw. Never throws. */
    public void countView(HttpRequest request, PageLook look) {
        if (look.page() == null) {
            return;
        }
        try {
            audience.viewed(look.page(), fragments.viewerKey(request));
            catalogue.seen(look.page(), null, false);
        } catch (RuntimeException e) {
            warnings.warn("Coquille could not count a view of " + request.path(), e);
        }
    }

    /**
     * The key under which {@code userId}'s views and contributions are counted for the usage report: derived from
     * the installation key, so that a tool filling the store (synthetic activity, an import) counts people as
     * Coquille does.
     */
    public String pseudonymOf(String userId) {
        return audience.pseudonymOf(userId);
    }

    /** The pages the filter has served or an editor has set, with a widget on: the report shows their objectives. */
    private List<PageSettings> experiments() {
        return pages.withWidgetsOn(store.catalogue().cataloguedPages().stream().map(CataloguedPage::page).toList());
    }

    /** The usage report, computed from the store. */
    public UsageReports reports() {
        return reports;
    }

    /** Participation by department, computed from the store; no line about fewer people than the setting says. */
    public DepartmentReports departmentReports() {
        return departmentReports;
    }

    /** One person's data: export and erase on request. */
    public PersonalData personalData() {
        return personalData;
    }

    /**
     * Deletes the report's keys older than {@code coquille.report.retention}, keeping the daily and weekly
     * figures; a job does it every day. Returns the first day whose keys are kept.
     */
    public java.time.LocalDate purgeOldKeys() {
        flushViews();
        return purge.run(java.time.LocalDate.now(clock.withZone(zone)));
    }

    private void flushQuietly() {
        if (health.isDown()) {
            return; // the counts stay in memory (bounded) until the store answers again
        }
        try {
            flushViews();
        } catch (RuntimeException e) {
            warnings.warn("Coquille could not write its counts", e);
        }
    }

    private void purgeQuietly() {
        try {
            purgeOldKeys();
        } catch (RuntimeException e) {
            warnings.warn("Coquille could not purge the report's old keys", e);
        }
    }

    /**
     * The page with the widgets its settings turn on, or {@code null} to send the page as it was: no
     * widget on, a page that cannot take them (frameset, selector not found), or any failure (logged once
     * a minute). Also counts the view. Adapters that can write the page in parts use {@link #decoration}.
     *
     * @param page          the page's bytes as the host produced them
     * @param headerCharset the charset of the {@code Content-Type} header, or {@code null}
     */
    public byte[] decorate(HttpRequest request, byte[] page, String headerCharset) {
        Injection injection = decoration(request, page, headerCharset);
        return injection == null ? null : injection.bytes();
    }

    /**
     * As {@link #decorate}, but without joining the page and the fragment: the adapter writes the result with
     * {@link Injection#writeTo}, which copies nothing. {@code page} must not change until then.
     */
    public Injection decoration(HttpRequest request, byte[] page, String headerCharset) {
        return decoration(request, page, page.length, headerCharset);
    }

    /**
     * As {@link #decoration(HttpRequest, byte[], String)}, for the page in the first {@code length} bytes of
     * {@code page}, such as a {@link org.coquille.inject.PageBuffer}'s: nothing after them is read, and the page is not
     * copied.
     */
    public Injection decoration(HttpRequest request, byte[] page, int length, String headerCharset) {
        return ownWrites.serve(request, () -> {
            PageLook look;
            try {
                PageId id = pageIds.resolve(request.path(), request.queryString());
                look = id == null ? PageLook.NONE : new PageLook(id, pages.settings(id), true);
            } catch (RuntimeException e) {
                warnings.warn("Coquille could not add its widgets to " + request.path(), e);
                return null;
            }
            return decorationOf(request, look, page, length, headerCharset);
        });
    }

    /** As {@link #decoration(HttpRequest, byte[], int, String)}, for the page {@link #look} saw. */
    public Injection decoration(HttpRequest request, PageLook look, byte[] page, int length, String headerCharset) {
        return ownWrites.serve(request, () -> decorationOf(request, look, page, length, headerCharset));
    }

    private Injection decorationOf(HttpRequest request, PageLook look, byte[] page, int length, String headerCharset) {
        try {
            PageId id = look.page();
            PageSettings pageSettings = look.settings();
            if (id == null || pageSettings == null) {
                return null;
            }
            if (catalogue.needsTitle(id)) {
                catalogue.seen(id, PageInjector.title(page, length,
                        PageInjector.detectCharset(page, length, headerCharset)), true);
            }
            if (!pageSettings.anyOn()) {
                audience.viewed(id, fragments.viewerKey(request));
                return null;
            }
            PageFragments.Rendered rendered = fragments.render(request, id, pageSettings);
            audience.viewed(id, rendered.viewerKey());
            byte[] ascii = rendered.asciiFragment();
            // the page is remembered under its id: an unchanged page costs one comparison with the copy kept of it
            return ascii != null ? injector.injectAscii(page, length, id, headerCharset, pageSettings.placement(), ascii)
                    : injector.inject(page, length, id, headerCharset, pageSettings.placement(), rendered.fragment());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            warnings.warn("Coquille could not add its widgets to " + request.path(), e);
            return null;
        }
    }

    /**
     * The widgets of the request's page as an HTML fragment, for an adapter that places them itself (a
     * portlet puts them under its own markup), or {@code null}: no widget on, or any failure (logged once
     * a minute). Also counts the view. Never throws.
     */
    public String fragment(HttpRequest request) {
        return ownWrites.serve(request, () -> fragmentOf(request));
    }

    private String fragmentOf(HttpRequest request) {
        try {
            PageId id = pageIds.resolve(request.path(), request.queryString());
            if (id == null) {
                return null;
            }
            PageSettings pageSettings = pages.settings(id);
            if (!pageSettings.anyOn()) {
                audience.viewed(id, fragments.viewerKey(request));
                return null;
            }
            PageFragments.Rendered rendered = fragments.render(request, id, pageSettings);
            audience.viewed(id, rendered.viewerKey());
            return rendered.fragment();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            warnings.warn("Coquille could not render its widgets for " + request.path(), e);
            return null;
        }
    }

    /**
     * The console's page-settings fields (widgets, position, options, objective) showing {@code current}, in
     * the request's language, their names and ids under the request's namespace: for an adapter's own edit mode
     * (the portlet's EDIT mode), which wraps them in its form. {@link #readSettings} reads them back.
     */
    public String settingsFields(HttpRequest request, PageSettings current) {
        return console.settingsFields(request, current);
    }

    /**
     * The settings that the fields of {@link #settingsFields}, posted in {@code request}, give {@code page} (not saved).
     *
     * @throws org.coquille.core.RuleViolation naming the field that is wrong
     */
    public PageSettings readSettings(HttpRequest request, PageId page) {
        return console.readSettings(request, pages.settings(page));
    }

    /** The user making {@code request}, as the configured identity says, or {@code null} when anonymous. */
    public User user(HttpRequest request) {
        return identity.resolve(request);
    }

    /** Writes the page views counted so far to the store (it also happens every {@code coquille.views.flushInterval}). */
    public void flushViews() {
        try {
            audience.flush();
        } finally {
            catalogue.flush();
        }
    }

    /** Writes pending views and closes the store. */
    @Override
    public void close() {
        flusher.shutdownNow();
        if (mail != null) {
            mail.close();
        }
        reportParts.shutdownNow();
        try {
            flushViews();
        } finally {
            try {
                store.close();
            } finally {
                people.close();
            }
        }
    }

    private static IdentityResolver identityFrom(Settings s) {
        String role = s.get(Settings.EDITOR_ROLE);
        return switch (s.get(Settings.IDENTITY)) {
            case "header" -> IdentityResolver.header(s.get(Settings.IDENTITY_HEADER), s.get(Settings.IDENTITY_ROLES_HEADER),
                    s.list(Settings.IDENTITY_TRUSTED_PROXIES), role);
            case "session" -> IdentityResolver.session(s.get(Settings.IDENTITY_SESSION_ATTRIBUTE), role);
            default -> IdentityResolver.container(role);
        };
    }

    private static InstallationKey loadKey(Path folder) {
        try {
            return InstallationKey.inFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Coquille cannot read or create its key in " + folder, e);
        }
    }

    /** The URL patterns from the pages file: in the work folder if there, else on the classpath, else none. */
    private static PageRules loadRules(Settings s) {
        String name = s.get(Settings.PAGES_FILE);
        Path file = s.workFolder().resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return PageRules.read(in, file.toString());
                }
            }
            try (InputStream in = Coquille.class.getClassLoader().getResourceAsStream(name)) {
                return in == null ? PageRules.none() : PageRules.read(in, "classpath:" + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Coquille cannot read its page rules " + name, e);
        }
    }

    /** Sets Coquille up; everything but the settings is optional. */
    public static final class Builder {

        private Map<String, String> settings = Map.of();
        private SocialStore store;
        private Clock clock = Clock.systemDefaultZone();
        private ZoneId zone;
        private LongSupplier ticker = System::nanoTime;
        private IdentityResolver identity;
        private byte[] key;
        private PageRules pageRules;
        private Directory directory;
        private Mailer mailer;

        private Builder() {
        }

        /** The {@code coquille.*} settings; see {@link Settings} for each key and its default. */
        public Builder settings(Map<String, String> values) {
            this.settings = Map.copyOf(values);
            return this;
        }

        /** The store to use instead of the one the settings name. It is closed with Coquille. */
        public Builder store(SocialStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The time zone of the installation, instead of the one {@code coquille.timeZone} names (by default the
         * server's): days are counted in it, date poll times typed and shown in it.
         */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** The caches' time source in nanoseconds, as {@link System#nanoTime()} counts them; for tests. */
        public Builder ticker(LongSupplier value) {
            this.ticker = Objects.requireNonNull(value, "ticker");
            return this;
        }

        /** Who makes each request, instead of the one {@code coquille.identity} names. */
        public Builder identity(IdentityResolver value) {
            this.identity = Objects.requireNonNull(value, "identity");
            return this;
        }

        /**
         * The installation key (at least 32 random bytes), instead of the one in the work folder's {@code coquille.key}
         * (tests, or nodes that share it another way).
         */
        public Builder key(byte[] value) {
            Objects.requireNonNull(value, "key");
            if (value.length < 32) {
                throw new IllegalArgumentException("The installation key needs at least 32 bytes, not " + value.length);
            }
            this.key = value.clone();
            return this;
        }

        /** The URL patterns, instead of the pages file. */
        public Builder pageRules(PageRules value) {
            this.pageRules = Objects.requireNonNull(value, "pageRules");
            return this;
        }

        /** The directory of people, instead of the one {@code coquille.directory} names. It is closed with Coquille. */
        public Builder directory(Directory value) {
            this.directory = Objects.requireNonNull(value, "directory");
            return this;
        }

        /** The mailer, instead of the one the {@code coquille.mail.*} settings open. It is closed with Coquille. */
        public Builder mailer(Mailer value) {
            this.mailer = Objects.requireNonNull(value, "mailer");
            return this;
        }

        public Coquille build() {
            Settings s = Settings.of(settings);
            Directory people = directory != null ? directory : Directories.open(s.asMap(), s.workFolder());
            SocialStore backing = store != null ? store : Stores.open(s.asMap(), s.workFolder());
            return new Coquille(this, s, backing, people);
        }
    }
}
