package org.coquille.examples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.DispatcherType;

import org.coquille.Coquille;
import org.coquille.SettingsSources;
import org.coquille.core.DateSlot;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.User;
import org.coquille.report.UsageReports;
import org.coquille.servlet.CoquilleFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.FormAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Credential;

/**
 * A 2005-style company intranet on embedded Jetty 12, with Coquille added by its servlet filter and
 * nothing else changed: form login, Latin-1 pages in tables, old scripts, a frameset. Widgets are on for
 * the pages {@code coquille-pages.properties} names; data goes to H2 in the work folder.
 *
 * <p>Arguments: {@code --port N} (8080; 0 for any free port), {@code --work DIR} ({@code examples/work}),
 * {@code --synthetic} (fills an empty report with 26 weeks of {@link SyntheticActivity} for 100 pages and 400
 * employees, so the usage report has something to show; a few minutes the first time).
 */
public final class DemoIntranet implements AutoCloseable {

    static final String CONTEXT = "/intranet";

    private final Server server;
    private final Coquille coquille;
    private final DemoMailbox mailbox;

    private DemoIntranet(Server server, Coquille coquille, DemoMailbox mailbox) {
        this.server = server;
        this.coquille = coquille;
        this.mailbox = mailbox;
    }

    /** Starts the demo on 127.0.0.1:{@code port} with its data in {@code work}. */
    public static DemoIntranet start(int port, Path work) throws Exception {
        int listen = port == 0 ? DemoMailbox.freePort() : port; // the e-mails' links need the port
        DemoMailbox mailbox = DemoMailbox.start();
        Map<String, String> settings = new HashMap<>(mailbox.settings(work, "http://127.0.0.1:" + listen + CONTEXT));
        settings.put("coquille.workFolder", work.toString());
        settings.put("coquille.loginUrl", CONTEXT + "/login.html");
        // the demo's pages keep their text in td#contenu: editors may place widgets around it by name
        settings.put("coquille.positions", "À la fin du contenu: inside #contenu | Avant le contenu: before #contenu");
        settings.putAll(workFolderSettings(work));
        Coquille coquille = Coquille.builder().settings(settings).build();
        seed(coquille);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(listen);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS | ServletContextHandler.SECURITY);
        context.setContextPath(CONTEXT);
        context.setSecurityHandler(security());
        context.addServlet(new ServletHolder(new LegacyPages()), "/");
        context.addServlet(new ServletHolder(new Annuaire()), "/annuaire.jsp");
        context.addServlet(new ServletHolder(new Logout()), "/logout");
        context.addServlet(new ServletHolder(mailbox.page()), "/courrier");
        context.addFilter(new FilterHolder(new CoquilleFilter(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        return new DemoIntranet(server, coquille, mailbox);
    }

    /** The settings of a {@code coquille.properties} in the work folder (a test's {@code coquille.timeZone}, say), if any. */
    private static Map<String, String> workFolderSettings(Path work) throws IOException {
        Path file = work.resolve(SettingsSources.FILE);
        Map<String, String> settings = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k)));
        }
        return settings;
    }

    private static ConstraintSecurityHandler security() {
        UserStore users = new UserStore();
        users.addUser("alice", Credential.getCredential("alice"), new String[] {"employee"});
        users.addUser("bruno", Credential.getCredential("bruno"), new String[] {"employee"});
        users.addUser("edith", Credential.getCredential("edith"), new String[] {"employee", "coquille-editor"});
        HashLoginService logins = new HashLoginService("Intranet Groupe Durand");
        logins.setUserStore(users);

        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setLoginService(logins);
        security.setAuthenticator(new FormAuthenticator("/login.html", "/login-error.html", false));
        security.addConstraintMapping(mapping("/*", Constraint.from("employee")));
        security.addConstraintMapping(mapping("/login.html", Constraint.ALLOWED));
        security.addConstraintMapping(mapping("/login-error.html", Constraint.ALLOWED));
        security.addConstraintMapping(mapping("/styles/*", Constraint.ALLOWED));
        security.addConstraintMapping(mapping("/_coquille/static/*", Constraint.ALLOWED));
        return security;
    }

    private static ConstraintMapping mapping(String path, Constraint constraint) {
        ConstraintMapping mapping = new ConstraintMapping();
        mapping.setPathSpec(path);
        mapping.setConstraint(constraint);
        return mapping;
    }

    /**
     * The télétravail page's poll, the trips page's date poll, and the objectives of the idea box and the date poll
     * pages (so that the usage report shows their progress), created the first time the demo starts.
     */
    private static void seed(Coquille coquille) {
        PageId teletravail = PageId.of("/rh/teletravail.html");
        if (coquille.store().polls().polls(teletravail).isEmpty()) {
            coquille.polls().create(User.editor("edith"), new Poll(0, teletravail,
                    "Combien de jours de télétravail par semaine souhaiteriez-vous ?",
                    List.of("Aucun", "Un jour", "Deux jours", "Trois jours ou plus"), PollChoice.SINGLE, null,
                    Instant.now().plus(60, ChronoUnit.DAYS), ResultsVisibility.AFTER_ANSWERING));
        }
        PageId voyages = PageId.of("/ce/voyages.html");
        if (coquille.store().datePolls().datePolls(voyages).isEmpty()) {
            ZoneId paris = ZoneId.of("Europe/Paris");
            LocalDate monday = LocalDate.now(paris).plusWeeks(3).with(java.time.DayOfWeek.MONDAY);
            List<DateSlot> slots = List.of(slot(monday.plusDays(1), 12, paris), slot(monday.plusDays(3), 12, paris),
                    slot(monday.plusDays(4), 18, paris));
            coquille.datePolls().create(User.editor("edith"), voyages,
                    "Réunion de préparation du voyage à Lisbonne", slots);
        }
        LocalDate today = LocalDate.now();
        objective(coquille, PageId.of("/restaurant/menu.html"), new Objective(Objective.Purpose.IDEAS,
                "Idées pour la carte du nouveau restaurant", 30, today.plusWeeks(6), today));
        objective(coquille, voyages, new Objective(Objective.Purpose.EVENT,
                "Date de la réunion de préparation du voyage à Lisbonne", 15, today.plusWeeks(2), today));
    }

    /** Gives {@code page} its widgets of the pages file and {@code objective}, unless an editor has set it already. */
    private static void objective(Coquille coquille, PageId page, Objective objective) {
        if (coquille.store().pages().settings(page) == null) {
            coquille.store().pages().saveSettings(coquille.pages().settings(page).withObjective(objective));
        }
    }

    private static DateSlot slot(LocalDate day, int hour, ZoneId zone) {
        Instant start = day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
        return new DateSlot(start, start.plus(90, ChronoUnit.MINUTES));
    }

    /** Fills the usage report with 26 weeks of synthetic activity ending yesterday, unless it has some already. */
    void fillReport(Path work) throws java.io.IOException {
        LocalDate end = LocalDate.now().minusDays(1);
        if (new UsageReports(coquille.store().activity()).intranet(end.minusDays(181), end).totals().views() > 0) {
            return;
        }
        System.out.println("Filling the usage report with 26 weeks of synthetic activity...");
        // a smaller intranet than the benchmarks' (300 pages, 2,000 employees), so that H2 takes it in a few minutes
        SyntheticActivity.Totals totals = new SyntheticActivity(100, 400, 182, end, 42)
                .fill(coquille.store(), coquille::pseudonymOf);
        System.out.printf("Done: %,d views and %,d contributions.%n", totals.views(), totals.contributions());
    }

    /** The port it listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public Coquille coquille() {
        return coquille;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The demo's server did not stop cleanly", e);
        } finally {
            try {
                coquille.close();
            } finally {
                mailbox.close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        boolean synthetic = false;
        boolean withoutCoquille = false;
        Path work = Path.of("examples", "work");
        if (Path.of("").toAbsolutePath().endsWith("examples")) {
            work = Path.of("work");
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--synthetic" -> synthetic = true;
                case "--without-coquille" -> withoutCoquille = true;
                default -> {
                    System.err.println("Unknown argument " + args[i] + "; use --port N, --work DIR, --synthetic and"
                            + " --without-coquille");
                    System.exit(2);
                }
            }
        }
        if (withoutCoquille) {
            // the intranet as it was, for the gateway to stand in front of (README, "The gateway")
            BareIntranet bare = BareIntranet.start(port);
            Runtime.getRuntime().addShutdownHook(new Thread(bare::close));
            System.out.printf("%nThe demo intranet runs without Coquille at %s/ (no login, no widgets).%n", bare.base());
            System.out.printf("Put the gateway in front of it: java -jar gateway/target/coquille-gateway.jar --upstream %s"
                    + " --coquille.anonymous=true%n", bare.base());
            bare.join();
            return;
        }
        DemoIntranet demo = start(port, work.toAbsolutePath());
        if (synthetic) {
            demo.fillReport(work.toAbsolutePath());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        System.out.printf("%nThe demo intranet runs at http://127.0.0.1:%d%s/%n", demo.port(), CONTEXT);
        System.out.println("Log in as alice/alice or bruno/bruno (employees), or edith/edith (editor).");
        System.out.printf("Editors have a \"Console Coquille\" link in the banner: http://127.0.0.1:%d%s/_coquille/console/%n",
                demo.port(), CONTEXT);
        System.out.println("Widgets are on for Actualités, Restaurant, RH and CE pages; data lives in " + work.toAbsolutePath());
        System.out.println("Ctrl+C to stop.");
        demo.server.join();
    }
}
