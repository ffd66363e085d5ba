package org.coquille.servlet;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.coquille.Coquille;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty 12 on 127.0.0.1, on a free port, serving a test web application under {@code /intranet}. */
final class LoopbackJetty {

    static final String CONTEXT = "/intranet";

    private LoopbackJetty() {
    }

    /** {@link TestPages} on every path, behind one Coquille filter on top-level requests, started. */
    static Server pagesBehind(Coquille coquille) throws Exception {
        return pagesBehind(coquille, new HttpConfiguration());
    }

    /** The same, with the connector's HTTP configuration (customizers such as forwarded headers). */
    static Server pagesBehind(Coquille coquille, HttpConfiguration http) throws Exception {
        ServletContextHandler context = new ServletContextHandler(CONTEXT);
        context.addServlet(new ServletHolder(new TestPages()), "/");
        context.addFilter(new FilterHolder(new CoquilleFilter(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        return start(context, http);
    }

    /** A server for the given web application, started. */
    static Server start(ServletContextHandler context) throws Exception {
        return start(context, new HttpConfiguration());
    }

    private static Server start(ServletContextHandler context, HttpConfiguration http) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return server;
    }

    /** {@code http://127.0.0.1:port} of a started server. */
    static String origin(Server server) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The web application's address on a started server. */
    static String base(Server server) {
        return origin(server) + CONTEXT;
    }
}
