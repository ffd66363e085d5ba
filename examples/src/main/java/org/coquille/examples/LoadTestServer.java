package org.coquille.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.inject.Placement;
import org.coquille.servlet.CoquilleFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo's pages served side by side, for the load test: {@code /bare} without Coquille, {@code /noop} behind a
 * filter that only passes requests on (what any filter costs), {@code /off} with the filter and no widget on, {@code /on} with comments, vote and reactions on the
 * report page, where 200 employees already commented, voted or reacted. The same three ways, the pages of
 * {@link MemoryPages} (50 KB and 300 KB from memory, the fastest origin), under {@code /memory/}: in {@code /on} their
 * widgets go before {@code </body>}, and under {@code /memory/selector/} inside {@code #contenu} (a CSS selector). The user comes from the
 * {@code X-Remote-User} header (trusted from loopback), so the load generator needs no login. Data goes to H2 in a temporary folder. Argument: the port (default 8090).
 */
public final class LoadTestServer {

    private LoadTestServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        Path work = Files.createTempDirectory("coquille-load");
        Map<String, String> settings = Map.of("coquille.workFolder", work.toString(), "coquille.identity", "header");
        // no URL patterns (the demo's coquille-pages.properties is on this classpath): only what is saved below
        Coquille off = Coquille.builder().settings(settings).pageRules(PageRules.none()).build();
        Coquille on = Coquille.builder().settings(Map.of("coquille.workFolder", work.resolve("on").toString(),
                "coquille.identity", "header")).pageRules(PageRules.none()).build();
        takenPartOn(on, PageId.of("/actualites/rapport-annuel.html"), Placement.DEFAULT);
        for (String path : MemoryPages.PAGES.keySet()) {
            takenPartOn(on, PageId.of(path), path.contains("/selector/") ? Placement.inside("#contenu") : Placement.DEFAULT);
        }

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        // mapped by context path, as a container maps its web applications: no context is asked about another's requests
        server.setHandler(new ContextHandlerCollection(context("/bare", null), context("/noop", null), context("/off", off),
                context("/on", on)));
        server.start();
        System.out.println("Load test server on http://127.0.0.1:" + port + "/{bare,noop,off,on}/actualites/rapport-annuel.html");
        server.join();
    }

    /** Comments, vote and reactions on, where 5 comments, and a vote and a reaction from 200 employees, are. */
    private static void takenPartOn(Coquille on, PageId page, Placement placement) {
        on.store().pages().saveSettings(PageSettings.off(page)
                .withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS)).withPlacement(placement));
        for (int i = 0; i < 200; i++) {
            User employee = User.employee("employee" + i);
            if (i < 5) {
                on.comments().post(employee, page, null, "Commentaire numéro " + i + " sur le rapport annuel.");
            }
            on.votes().vote(employee, page, i % 3 == 0 ? -1 : 1);
            on.reactions().set(employee, page, i % 2 == 0 ? "\uD83D\uDC4D" : "\uD83C\uDF89", true);
        }
    }

    private static ServletContextHandler context(String path, Coquille coquille) {
        ServletContextHandler context = new ServletContextHandler(path);
        context.addServlet(new ServletHolder(new LegacyPages()), "/");
        context.addServlet(new ServletHolder(new MemoryPages()), "/memory/*");
        if (coquille != null) {
            context.addFilter(new FilterHolder(new CoquilleFilter(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        } else if (path.equals("/noop")) {
            // a filter that only passes the request on: what any filter costs in the container, for comparison
            context.addFilter(new FilterHolder((Filter) (request, response, chain) -> chain.doFilter(request, response)), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
        }
        return context;
    }
}
