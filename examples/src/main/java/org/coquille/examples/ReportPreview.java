package org.coquille.examples;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.coquille.Coquille;
import org.coquille.core.User;
import org.coquille.servlet.CoquilleFilter;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The usage report on synthetic activity, in memory, with every visitor taken for the editor "edith": for
 * a look at the report (or a screenshot) without logging in. Never use this identity in a real intranet.
 * Run: {@code java -cp examples/target/classes:$CP org.coquille.examples.ReportPreview 8090}, then open
 * {@code http://127.0.0.1:8090/intranet/_coquille/report/?from=2026-05-25&to=2026-11-22}.
 */
public final class ReportPreview {

    private ReportPreview() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        LocalDate end = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.of(2026, 11, 22);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        MemoryStore store = new MemoryStore();
        Coquille coquille = Coquille.builder()
                .settings(Map.of("coquille.workFolder", System.getProperty("java.io.tmpdir") + "/coquille-preview"))
                .store(store).key(key).identity(request -> User.editor("edith")).build();
        SyntheticActivity.Totals totals = SyntheticActivity.standard(end).fill(store, coquille::pseudonymOf);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/intranet");
        context.addFilter(new FilterHolder(new CoquilleFilter(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        System.out.printf("%,d views and %,d contributions; the report is at http://127.0.0.1:%d/intranet/_coquille/report/%n",
                totals.views(), totals.contributions(), port);
        server.join();
    }
}
