package org.coquille.examples;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The demo intranet's pages served as they were before Coquille: no filter, no login; what pages are compared with. */
public final class BareIntranet implements AutoCloseable {

    private final Server server;

    private BareIntranet(Server server) {
        this.server = server;
    }

    /** Starts it on a free loopback port, under the demo's context path. */
    public static BareIntranet start() throws Exception {
        return start(0);
    }

    /** Starts it on {@code port} of the loopback interface (0: a free one), under the demo's context path. */
    public static BareIntranet start(int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(DemoIntranet.CONTEXT);
        context.addServlet(new ServletHolder(new LegacyPages()), "/");
        server.setHandler(context);
        server.start();
        return new BareIntranet(server);
    }

    /** Its address, context path included, without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + DemoIntranet.CONTEXT;
    }

    /** The demo's address for {@code demo}, context path included, without a trailing slash. */
    public static String base(DemoIntranet demo) {
        return "http://127.0.0.1:" + demo.port() + DemoIntranet.CONTEXT;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The bare intranet did not stop cleanly", e);
        }
    }
}
