package org.coquille.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.servlet.CoquilleFilter;
import org.coquille.store.jdbc.JdbcStoreProvider;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One application node of an intranet that runs several: the demo's pages on Jetty under {@code /on}, with Coquille
 * on the shared database at the JDBC URL given (PostgreSQL or MariaDB), its cache its own. The report page has
 * comments, vote, reactions and the idea box on (set by whichever node starts first). Users come from the
 * {@code X-Remote-User} header, roles from {@code X-Remote-Roles}. Prints {@code NODE READY <port>} once it answers;
 * stops when its standard input closes (its parent is gone). For the two-process test and the votes benchmark.
 *
 * <pre>{@code java -cp ... org.coquille.examples.NodeServer jdbc:postgresql://db/intranet?user=app 8091 PT30S}</pre>
 */
public final class NodeServer {

    /** The page with widgets on. */
    public static final String PAGE = "/actualites/rapport-annuel.html";

    private NodeServer() {
    }

    /** Arguments: the JDBC URL, the port (0: any free one), the cache's time to live (default {@code PT30S}). */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: NodeServer <jdbc url> [port] [cache ttl, ISO-8601]");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Map<String, String> settings = new HashMap<>();
        settings.put("coquille.workFolder", Files.createTempDirectory("coquille-node").toString());
        settings.put("coquille.identity", "header");
        settings.put("coquille.identity.rolesHeader", "X-Remote-Roles");
        settings.put("coquille.rateLimit.writesPerMinute", "1000000"); // the benchmark's users vote all the time
        settings.put(JdbcStoreProvider.POOL_SIZE, System.getProperty("coquille.store.poolSize", "8"));
        settings.put("coquille.cache.ttl", args.length > 2 ? args[2] : "PT30S");
        settings.put(JdbcStoreProvider.URL, args[0]);
        Coquille coquille = Coquille.builder().settings(settings).store(new JdbcStoreProvider().open(settings,
                Path.of(settings.get("coquille.workFolder")))).pageRules(PageRules.none()).build();
        PageId page = PageId.of(PAGE);
        if (coquille.store().pages().settings(page) == null) {
            coquille.store().pages().saveSettings(PageSettings.off(page)
                    .withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS, Widget.IDEAS)));
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/on");
        context.addServlet(new ServletHolder(new LegacyPages()), "/");
        context.addFilter(new FilterHolder(new CoquilleFilter(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        System.out.println("NODE READY " + connector.getLocalPort());
        System.out.flush();
        waitForEndOf(System.in);
        server.stop();
        coquille.close();
        System.exit(0);
    }

    private static void waitForEndOf(InputStream in) {
        try {
            while (in.read() >= 0) {
                // nothing to read: only its end matters
            }
        } catch (IOException e) {
            // the parent is gone
        }
    }
}
