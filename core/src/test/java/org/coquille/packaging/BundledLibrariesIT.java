package org.coquille.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The published coquille-core jar carries Jackson, Caffeine, jsoup, biweekly and the JTE runtime relocated under
 * {@code org.coquille.shaded}: a host application's own versions of them can neither replace nor be replaced
 * by Coquille's, and Coquille works without them. Runs on the packaged (shaded) jar, so failsafe, not surefire.
 */
class BundledLibrariesIT {

    private static final Path JAR = Path.of(System.getProperty("coquille.core.jar"));
    private static final Path PUBLISHED_POM = Path.of(System.getProperty("coquille.core.pom"));
    private static final String SHADED = "org/coquille/shaded/";
    private static final List<String> BUNDLED_GROUPS = List.of(
            "com.fasterxml.jackson", "com.github.ben-manes.caffeine", "org.jsoup", "net.sf.biweekly", "com.github.mangstadt", "gg.jte");
    private static final List<String> ORIGINAL_PACKAGES = List.of(
            "com.fasterxml.jackson", "com.github.benmanes.caffeine", "org.jsoup", "biweekly", "com.github.mangstadt", "gg.jte");

    @Test
    void everyClassInTheJarLivesUnderCoquillesPackages() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> classes = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).allMatch(n -> n.startsWith("org/coquille/"), "under org/coquille/")
                    .anyMatch(n -> n.startsWith(SHADED + "jackson/databind/"))
                    .anyMatch(n -> n.startsWith(SHADED + "jackson/dataformat/csv/"))
                    .anyMatch(n -> n.startsWith(SHADED + "jackson/datatype/jsr310/"))
                    .anyMatch(n -> n.startsWith(SHADED + "caffeine/cache/"))
                    .anyMatch(n -> n.startsWith(SHADED + "jsoup/"))
                    .anyMatch(n -> n.startsWith(SHADED + "biweekly/"))
                    .anyMatch(n -> n.startsWith(SHADED + "vinnie/"))
                    .anyMatch(n -> n.startsWith(SHADED + "jte/"))
                    .as("the console's and the report's templates, precompiled")
                    .anyMatch(n -> n.startsWith("org/coquille/internal/console/Jte"))
                    .anyMatch(n -> n.startsWith("org/coquille/internal/report/Jte"));
        }
    }

    @Test
    void serviceFilesNameRelocatedClassesThatTheJarHolds() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<JarEntry> services = jar.stream().filter(e -> e.getName().startsWith("META-INF/services/")
                    && !e.isDirectory()).toList();
            assertThat(services).extracting(JarEntry::getName).contains(
                    "META-INF/services/org.coquille.shaded.jackson.core.JsonFactory",
                    "META-INF/services/org.coquille.shaded.jackson.databind.Module");
            for (JarEntry service : services) {
                assertThat(service.getName()).startsWith("META-INF/services/org.coquille.");
                try (InputStream in = jar.getInputStream(service)) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(type -> assertThat(jar.getEntry(type.replace('.', '/') + ".class"))
                                    .as(type + " listed in " + service.getName()).isNotNull());
                }
            }
        }
    }

    @Test
    void thePublishedPomNamesNoneOfTheBundledLibraries() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PUBLISHED_POM.toFile())
                .getDocumentElement();
        List<String> dependencies = new ArrayList<>();
        NodeList nodes = project.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            if (dependency.getParentNode().getParentNode() == project) { // not the build plugins' own
                dependencies.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
            }
        }
        assertThat(dependencies).contains("org.slf4j:slf4j-api")
                .noneMatch(d -> BUNDLED_GROUPS.stream().anyMatch(d::startsWith));
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    @Test
    void featuresOnBundledLibrariesWorkWithoutTheOriginalLibraries() throws Exception {
        URL[] classpath = {JAR.toUri().toURL(), location(BundledLibrariesDriver.class), location(LoggerFactory.class)};
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            for (String original : ORIGINAL_PACKAGES) {
                assertThat(isolated.getResource(original.replace('.', '/'))).as(original).isNull();
            }
            assertThatThrownBy(() -> isolated.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
                    .isInstanceOf(ClassNotFoundException.class);
            thread.setContextClassLoader(isolated);
            @SuppressWarnings("unchecked")
            Supplier<Map<String, String>> driver = (Supplier<Map<String, String>>) isolated
                    .loadClass(BundledLibrariesDriver.class.getName()).getConstructor().newInstance();
            Map<String, String> out = driver.get();

            Document page = Jsoup.parse(out.get("page"));
            assertThat(page.select("#menu .coq-comments")).as("placed inside #menu by jsoup")
                    .isNotEmpty();
            assertThat(page.select(".coq-comments").text()).contains("Très bon menu");
            assertThat(out.get("json")).contains("\"page\":\"/news/canteen.jsp\"").contains("Très bon menu");
            assertThat(out.get("csv").lines().findFirst().orElseThrow()).contains("Page;Day;Views");
            assertThat(out.get("csv")).contains("/news/canteen.jsp;2026-03-04;");
            Document console = Jsoup.parse(out.get("console"));
            assertThat(console.select("form.coq-settings input[name=widget]")).as("the console's page from its template")
                    .isNotEmpty();
            assertThat(console.select("input[name=coq_csrf]").attr("value")).isNotEmpty();
            assertThat(Jsoup.parse(out.get("report")).select("#coq-objectives, svg.coq-chart")).hasSize(2);
            assertThat(out.get("ics")).contains("BEGIN:VCALENDAR", "SUMMARY:Team lunch", "DTSTART:20260310T120000Z");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
