package org.coquille.containers;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import javax.servlet.DispatcherType;
import javax.servlet.ServletContext;

import org.eclipse.jetty.ee8.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee8.jsp.JettyJspServlet;
import org.eclipse.jetty.ee8.servlet.DefaultServlet;
import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The container suite on embedded Jetty 12, ee8 environment (javax.servlet): its DefaultServlet, its Apache Jasper for the JSPs. */
class JettyEe8IT extends ContainerSuite {

    @Override
    protected boolean chunksWrappedStaticFiles() {
        return true;
    }

    @Override
    protected WebApp start(Path docBase, Map<String, String> filterInitParams, Path scratch) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/intranet");
        context.setBaseResourceAsPath(docBase);
        // what a JSP engine needs outside a WAR: a scratch folder, and a class loader that is not the system's
        context.setAttribute(ServletContext.TEMPDIR, Files.createDirectories(scratch).toFile());
        context.setClassLoader(new URLClassLoader(new URL[0], getClass().getClassLoader()));
        context.addServletContainerInitializer(new JettyJasperInitializer());
        ServletHolder jsp = new ServletHolder("jsp", JettyJspServlet.class);
        jsp.setInitOrder(0);
        context.addServlet(jsp, "*.jsp");
        ServletHolder files = new ServletHolder("default", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        context.addServlet(files, "/");
        if (filterInitParams != null) {
            FilterHolder filter = new FilterHolder();
            filter.setName("coquille");
            filter.setClassName(FILTER);
            filter.setAsyncSupported(true);
            filter.setInitParameters(filterInitParams);
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            server.stop();
            throw new IllegalStateException("the web application did not start");
        }
        return WebApp.of("http://127.0.0.1:" + connector.getLocalPort() + "/intranet", server::stop);
    }
}
