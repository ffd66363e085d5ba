package org.coquille.examples;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.servlet.CoquilleFilter;
import org.coquille.spi.StoreHealth;
import org.coquille.store.jdbc.JdbcStoreProvider;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo's pages on Jetty, on 127.0.0.1 and a free port, with Coquille's store on PostgreSQL or MariaDB behind a
 * {@link TcpProxy} that can be cut: {@code /bare} without Coquille, {@code /on} with comments, vote and reactions on
 * the report page. The store lives in a schema (PostgreSQL) or database (MariaDB) of its own, dropped on close.
 * Users come from the {@code X-Remote-User} header, roles from {@code X-Remote-Roles}. For the outage test and
 * {@link OutageBench}.
 */
public final class OutageServer implements AutoCloseable {

    /** The page with widgets on. */
    public static final String PAGE = "/actualites/rapport-annuel.html";

    private final String adminUrl;
    private final String schema;
    private final boolean postgres;
    private final TcpProxy proxy;
    private final Path work;
    private final StoreHealth health;
    private final Coquille coquille;
    private final Server server;

    /**
     * @param databaseUrl   a {@code jdbc:postgresql:} or {@code jdbc:mariadb:} URL with its credentials
     * @param storeSettings more {@code coquille.*} settings (the store's timeouts, say)
     */
    public OutageServer(String databaseUrl, Map<String, String> storeSettings) throws Exception {
        this.adminUrl = databaseUrl;
        this.postgres = databaseUrl.startsWith("jdbc:postgresql:");
        if (!postgres && !databaseUrl.startsWith("jdbc:mariadb:")) {
            throw new IllegalArgumentException("A PostgreSQL or MariaDB JDBC URL is needed, not " + databaseUrl);
        }
        this.schema = "coq_outage_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
        execute(postgres ? "CREATE SCHEMA " + schema : "CREATE DATABASE " + schema);
        URI address = URI.create(databaseUrl.substring("jdbc:".length()));
        int port = address.getPort() > 0 ? address.getPort() : postgres ? 5432 : 3306;
        this.proxy = new TcpProxy(address.getHost(), port);
        String proxied = databaseUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        proxied = postgres ? proxied + (proxied.contains("?") ? "&" : "?") + "currentSchema=" + schema
                : proxied.replaceFirst("(//[^/]+/)[^?]*", "$1" + schema);
        this.work = Files.createTempDirectory("coquille-outage");
        Map<String, String> settings = new HashMap<>(storeSettings);
        settings.put("coquille.workFolder", work.toString());
        settings.put("coquille.identity", "header");
        settings.put("coquille.identity.rolesHeader", "X-Remote-Roles");
        settings.put(JdbcStoreProvider.URL, proxied);
        var store = new JdbcStoreProvider().open(settings, work);
        this.health = StoreHealth.of(store);
        this.coquille = Coquille.builder().settings(settings).store(store).pageRules(PageRules.none()).build();
        coquille.store().pages().saveSettings(PageSettings.off(PageId.of(PAGE))
                .withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS)));
        this.server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(context("/bare", null), context("/on", coquille)));
        server.start();
    }

    /** {@code path} under {@code context} ({@code /bare} or {@code /on}) on this server. */
    public String url(String context, String path) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + context + path;
    }

    /** Gets the report page from {@code context} as {@code user}. */
    public HttpResponse<byte[]> page(HttpClient client, String context, String user) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(context, PAGE))).header("X-Remote-User", user)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts {@code user}'s vote on the report page through the widget's form (no JavaScript): 303 when stored. */
    public HttpResponse<String> vote(HttpClient client, String user, String token, int value)
            throws IOException, InterruptedException {
        String form = "coq_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&coq_page="
                + URLEncoder.encode(PAGE, StandardCharsets.UTF_8) + "&coq_return=" + URLEncoder.encode("/on" + PAGE,
                StandardCharsets.UTF_8) + "&coq_vote=" + value;
        return client.send(HttpRequest.newBuilder(URI.create(url("/on", "/_coquille/form/vote")))
                .header("X-Remote-User", user).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Gets the editors' console page listing the pages, as an editor. */
    public HttpResponse<String> console(HttpClient client) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url("/on", "/_coquille/console/pages")))
                .header("X-Remote-User", "editor").header("X-Remote-Roles", "coquille-editor")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token in a page with widgets, or {@code null} when the page has none. */
    public static String token(byte[] page) {
        String text = new String(page, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"coq_csrf\" value=\"([^\"]+)\"").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Whether {@code page} carries Coquille's widgets. */
    public static boolean hasWidgets(byte[] page) {
        return new String(page, StandardCharsets.ISO_8859_1).contains("class=\"coq-widgets\"");
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** Whether the store is known to be down (its circuit breaker is open). */
    public StoreHealth health() {
        return health;
    }

    public Coquille coquille() {
        return coquille;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
            proxy.restore();
            coquille.close();
        } finally {
            proxy.close();
            execute(postgres ? "DROP SCHEMA IF EXISTS " + schema + " CASCADE" : "DROP DATABASE IF EXISTS " + schema);
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder
            }
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static ServletContextHandler context(String path, Coquille coquille) {
        ServletContextHandler context = new ServletContextHandler(path);
        context.addServlet(new ServletHolder(new LegacyPages()), "/");
        if (coquille != null) {
            context.addFilter(new FilterHolder(new CoquilleFilter(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        return context;
    }
}
