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

/** The container suite on embedded Tomcat 9: its default servlet, Jasper for the JSPs. */
class Tomcat9IT extends ContainerSuite {

    @Override
    protected WebApp start(Path docBase, Map<String, String> filterInitParams, Path scratch) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(scratch).toString());
        Connector connector = new Connector();
        connector.setProperty("address", "127.0.0.1");
        connector.setPort(0);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/intranet", docBase.toString());
        Tomcat.initWebappDefaults(context); // the default servlet, Jasper's JspServlet on *.jsp, the MIME types
        context.addServletContainerInitializer(new JasperInitializer(), null);
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        if (filterInitParams != null) {
            FilterDef filter = new FilterDef();
            filter.setFilterName("coquille");
            filter.setFilterClass(FILTER);
            filter.setAsyncSupported("true");
            filterInitParams.forEach(filter::addInitParameter);
            context.addFilterDef(filter);
            FilterMap mapping = new FilterMap();
            mapping.setFilterName("coquille");
            mapping.addURLPattern("/*");
            mapping.setDispatcher("REQUEST");
            context.addFilterMap(mapping);
        }
        tomcat.start();
        if (!context.getState().isAvailable()) {
            tomcat.stop();
            tomcat.destroy();
            throw new IllegalStateException("the web application did not start: " + context.getState());
        }
        return WebApp.of("http://127.0.0.1:" + connector.getLocalPort() + "/intranet", () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }
}
