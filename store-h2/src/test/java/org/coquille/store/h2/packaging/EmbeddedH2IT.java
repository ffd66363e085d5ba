package org.coquille.store.h2.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.coquille.Coquille;
import org.coquille.store.jdbc.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The published coquille-store-h2 jar carries H2 relocated under {@code org.coquille.shaded.h2} and never registers it
 * with DriverManager: beside a host's H2 1.4.200, Coquille's embedded default works and the host's {@code jdbc:h2:}
 * URLs still reach the host's H2. Runs on the packaged (shaded) jars, so failsafe, not surefire.
 */
class EmbeddedH2IT {

    private static final Path JAR = Path.of(System.getProperty("coquille.store.h2.jar"));
    private static final Path PUBLISHED_POM = Path.of(System.getProperty("coquille.store.h2.pom"));
    private static final Path HOST_H2 = Path.of(System.getProperty("coquille.host.h2.jar"));

    static {
        DriverManager.getDrivers(); // drivers found now, from the test's class path, not from a loader closed later
    }

    @TempDir
    Path work;

    @Test
    void theJarHoldsH2RelocatedAndNoDriverServiceEntry() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names.stream().filter(n -> n.endsWith(".class")))
                    .allMatch(n -> n.startsWith("org/coquille/"), "under org/coquille/")
                    .contains("org/coquille/shaded/h2/jdbcx/JdbcDataSource.class", "org/coquille/store/h2/H2Database.class")
                    .noneMatch(n -> n.startsWith("org/coquille/store/jdbc/"));
            assertThat(names).contains("org/coquille/shaded/h2/util/data.zip",
                            "META-INF/services/org.coquille.store.jdbc.EmbeddedDatabase")
                    .doesNotContain("META-INF/services/java.sql.Driver");
        }
    }

    @Test
    void thePublishedPomNamesTheJdbcStoreAndNotH2() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PUBLISHED_POM.toFile())
                .getDocumentElement();
        List<String> runtime = new java.util.ArrayList<>();
        NodeList nodes = project.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            if (dependency.getParentNode().getParentNode() == project // not the build plugins' own
                    && !dependency.getElementsByTagName("scope").item(0).getTextContent().strip().equals("test")) {
                runtime.add(dependency.getElementsByTagName("groupId").item(0).getTextContent().strip() + ":"
                        + dependency.getElementsByTagName("artifactId").item(0).getTextContent().strip());
            }
        }
        assertThat(runtime).containsExactly("org.coquille:coquille-store-jdbc");
    }

    @Test
    void embeddedDefaultWorksBesideAHostsOldH2AndLeavesItsUrlsAlone() throws Exception {
        URL[] classpath = {JAR.toUri().toURL(), location(JdbcStore.class), location(Coquille.class),
                location(EmbeddedH2Driver.class), location(LoggerFactory.class), HOST_H2.toUri().toURL()};
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader host = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(host);
            @SuppressWarnings("unchecked")
            Function<Path, Map<String, String>> run = (Function<Path, Map<String, String>>) host
                    .loadClass(EmbeddedH2Driver.class.getName()).getConstructor().newInstance();
            Map<String, String> out = run.apply(work);

            assertThat(out.get("coquille")).isEqualTo("org.coquille.store.jdbc.JdbcStore|H2 at "
                    + work.toAbsolutePath().resolve("coquille") + "|1");
            assertThat(work.resolve("coquille.mv.db")).isRegularFile();
            assertThat(out.get("host")).as("the host's jdbc:h2: URL reaches the host's H2")
                    .isEqualTo("org.h2.jdbc.JdbcConnection|1.4.200");
            assertThat(out.get("drivers")).doesNotContain("org.coquille");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
