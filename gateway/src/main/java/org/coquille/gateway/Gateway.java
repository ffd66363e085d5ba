package org.coquille.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.coquille.Settings;
import org.coquille.SettingsSources;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coquille as a process of its own, in front of an intranet that cannot take a Maven dependency: a Jetty 12 server
 * whose only servlet forwards every request to the intranet ({@link UpstreamServlet}, asynchronous), behind
 * {@link org.coquille.servlet.CoquilleFilter}, which answers the console, the report and the widgets' own requests under
 * {@code /_coquille/} and hands each page on to the servlet, which adds the widgets on the page's way back.
 * <pre>{@code
 * java -jar coquille-gateway.jar --upstream http://old-intranet:8080 --port 8080
 * }</pre>
 * Visitors are known by the header the company's single sign-on sets in front of the gateway
 * ({@code coquille.identity=header} is the gateway's default; see {@link GatewayOptions#USAGE} and the README).
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** The work folder when none is given: the embedded database and the installation key go there. */
    static final String DEFAULT_WORK_FOLDER = "coquille-gateway";

    private final Server server;
    private final PendingCoquille coquille;

    private Gateway(Server server, PendingCoquille coquille) {
        this.server = server;
        this.coquille = coquille;
    }

    public static void main(String[] args) throws Exception {
        GatewayOptions options;
        try {
            options = GatewayOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(GatewayOptions.USAGE);
            System.exit(2);
            return;
        }
        Gateway gateway;
        try {
            gateway = start(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage()); // a bad coquille.* setting, named with what is allowed
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "coquille-gateway-stop"));
        gateway.server.join();
    }

    /**
     * Starts the gateway's server, and Coquille as soon as it can (see {@link PendingCoquille}): a database that
     * cannot be reached leaves the pages without widgets for a while, never the intranet unreachable. Bad settings are
     * refused at once, with their name and what is allowed.
     */
    public static Gateway start(GatewayOptions options) throws Exception {
        Map<String, String> values = settings(options.settings());
        Settings settings = Settings.of(values);
        PendingCoquille coquille = new PendingCoquille(values);
        try {
            Server server = server(options, settings, coquille);
            coquille.start();
            server.start();
            Gateway gateway = new Gateway(server, coquille);
            LOG.info("Coquille gateway on http://{}:{}/ in front of {}", options.host(), gateway.port(), options.upstream());
            return gateway;
        } catch (Exception | Error e) {
            coquille.close();
            throw e;
        }
    }

    /**
     * Coquille's settings from every source ({@link SettingsSources}), with the gateway's defaults where none is
     * given: the work folder in the current directory, and the visitor's identity from a trusted header.
     */
    static Map<String, String> settings(Map<String, String> given) {
        Map<String, String> params = new HashMap<>(given);
        if (!params.containsKey(Settings.WORK_FOLDER) && System.getProperty(Settings.WORK_FOLDER) == null) {
            params.put(Settings.WORK_FOLDER, Path.of(DEFAULT_WORK_FOLDER).toAbsolutePath().toString());
        }
        Map<String, String> settings = SettingsSources.gather(params, Gateway.class.getClassLoader());
        settings.putIfAbsent(Settings.IDENTITY, "header");
        return settings;
    }

    /**
     * The server: Coquille's context at the intranet's own path (the upstream address's path, or the root), so that
     * pages keep their addresses and Coquille reads them as it would inside the intranet's web application (the same
     * {@code coquille-pages.properties}, its console under that path); everything outside that path goes to the
     * intranet untouched.
     */
    private static Server server(GatewayOptions options, Settings settings, PendingCoquille coquille) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // the intranet's own Server header passes on; the gateway adds none
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        List<String> identityHeaders = new ArrayList<>();
        identityHeaders.add(settings.get(Settings.IDENTITY_HEADER));
        if (!settings.get(Settings.IDENTITY_ROLES_HEADER).isBlank()) {
            identityHeaders.add(settings.get(Settings.IDENTITY_ROLES_HEADER));
        }
        AddressRewriter addresses = new AddressRewriter(options.upstreamOrigin(), options.upstream().getHost());
        Set<String> trusted = Set.copyOf(settings.list(Settings.IDENTITY_TRUSTED_PROXIES));

        String path = options.upstreamPath();
        ServletContextHandler intranet = context(path.isEmpty() ? "/" : path, options, addresses, identityHeaders, trusted);
        FilterHolder filter = new FilterHolder(coquille);
        filter.setAsyncSupported(true);
        intranet.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        if (path.isEmpty()) {
            server.setHandler(intranet);
        } else {
            server.setHandler(new ContextHandlerCollection(intranet,
                    context("/", options, addresses, identityHeaders, trusted)));
        }
        return server;
    }

    /** A context whose every request goes to the intranet, at the same path. */
    private static ServletContextHandler context(String contextPath, GatewayOptions options, AddressRewriter addresses,
                                                 List<String> identityHeaders, Set<String> trusted) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(contextPath);
        ServletHolder proxy = new ServletHolder("upstream", new UpstreamServlet(addresses, identityHeaders, trusted));
        proxy.setInitParameter("proxyTo", options.upstreamOrigin() + ("/".equals(contextPath) ? "" : contextPath));
        proxy.setInitParameter("timeout", Long.toString(options.timeout().toMillis()));
        proxy.setInitParameter("preserveHost", Boolean.toString(options.preserveHost()));
        proxy.setInitParameter("maxThreads", "-"); // the server's own threads: nothing waits for the intranet on them
        proxy.setAsyncSupported(true);
        context.addServlet(proxy, "/*");
        context.setErrorHandler(new PlainErrors());
        return context;
    }

    /** The port it listens on (the one picked, when started on port 0). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Whether Coquille runs, so that pages get widgets (false while its database cannot be reached at start). */
    public boolean widgetsReady() {
        return coquille.started();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The gateway's server did not stop cleanly: {}", e.toString());
        } finally {
            coquille.close();
        }
    }
}
