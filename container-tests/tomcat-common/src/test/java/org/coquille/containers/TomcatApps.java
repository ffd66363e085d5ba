package org.coquille.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.jasper.servlet.JasperInitializer;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Embedded Tomcat for the container tests, the same code for Tomcat 9 (javax) and 11 (jakarta): it names no servlet
 * class, only Tomcat's own. Both Tomcat modules compile this folder (build-helper's add-test-source).
 */
final class TomcatApps {

    private TomcatApps() {
    }

    /** As {@link ContainerSuite#start}: the default servlet, Jasper on {@code *.jsp}, the filter as web.xml declares it. */
    static WebApp start(Path docBase, Map<String, String> filterInitParams, Path scratch) throws Exception {
        Tomcat tomcat = tomcat(scratch);
        Context context = tomcat.addContext("/intranet", docBase.toString());
        Tomcat.initWebappDefaults(context); // the default servlet, Jasper's JspServlet on *.jsp, the MIME types
        context.addServletContainerInitializer(new JasperInitializer(), null);
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        if (filterInitParams != null) {
            FilterDef filter = new FilterDef();
            filter.setFilterName("coquille");
            filter.setFilterClass(ContainerSuite.FILTER);
            filter.setAsyncSupported("true");
            filterInitParams.forEach(filter::addInitParameter);
            context.addFilterDef(filter);
            FilterMap mapping = new FilterMap();
            mapping.setFilterName("coquille");
            mapping.addURLPattern("/*");
            mapping.setDispatcher("REQUEST");
            context.addFilterMap(mapping);
        }
        return started(tomcat, context);
    }

    /**
     * A web application as a WAR lays it out, deployed as Tomcat deploys one: its {@code web.xml} defaults, the
     * fragments of the jars in {@code WEB-INF/lib} read and checked against their schema, nothing from the class path.
     */
    static WebApp deploy(Path docBase, Path scratch) throws Exception {
        Tomcat tomcat = tomcat(scratch);
        Files.createDirectories(scratch.resolve("webapps"));
        Context context = tomcat.addWebapp("/intranet", docBase.toString());
        context.setXmlValidation(true);
        context.setXmlNamespaceAware(true);
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        return started(tomcat, context);
    }

    private static Tomcat tomcat(Path scratch) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(scratch).toString());
        Connector connector = new Connector();
        connector.setProperty("address", "127.0.0.1");
        connector.setPort(0);
        tomcat.setConnector(connector);
        return tomcat;
    }

    private static WebApp started(Tomcat tomcat, Context context) throws Exception {
        tomcat.start();
        if (!context.getState().isAvailable()) {
            tomcat.stop();
            tomcat.destroy();
            throw new IllegalStateException("the web application did not start: " + context.getState());
        }
        return WebApp.of("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/intranet", () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }
}
