package org.coquille.containers;

import java.nio.file.Path;
import java.util.Map;

/** The container suite on embedded Tomcat 11: its default servlet, Jasper for the JSPs. */
class Tomcat11IT extends ContainerSuite {

    @Override
    protected WebApp start(Path docBase, Map<String, String> filterInitParams, Path scratch) throws Exception {
        return TomcatApps.start(docBase, filterInitParams, scratch);
    }
}
