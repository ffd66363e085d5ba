package org.coquille.store.jdbc.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.coquille.Coquille;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The published coquille-store-jdbc jar carries HikariCP and Flyway relocated under {@code org.coquille.shaded}: a
 * host application's own versions (Flyway 4 to 7, HikariCP 2 in old WARs) can neither replace nor be replaced by
 * Coquille's. Runs the store from the packaged (shaded) jar, beside coquille-core's jar, slf4j-api and the host's JDBC
 * driver only, on H2 and PostgreSQL: so failsafe, not surefire.
 */
class ShadedStoreIT {

    private static final Path JAR = Path.of(System.getProperty("coquille.store.jar"));
    private static final Path PUBLISHED_POM = Path.of(System.getProperty("coquille.store.pom"));
    private static final String POSTGRES = System.getenv("COQUILLE_TEST_POSTGRES_URL");

    static {
        DriverManager.getDrivers(); // drivers found now, from the test's class path, not from a loader closed later
    }

    @TempDir
    Path work;

    @Test
    void everyClassInTheJarLivesUnderCoquillesPackages() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names.stream().filter(n -> n.endsWith(".class")))
                    .allMatch(n -> n.startsWith("org/coquille/"), "under org/coquille/")
                    .anyMatch(n -> n.startsWith("org/coquille/shaded/hikari/"))
                    .anyMatch(n -> n.startsWith("org/coquille/shaded/flywaydb/core/"))
                    .anyMatch(n -> n.startsWith("org/coquille/shaded/flywaydb/database/postgresql/"))
                    .anyMatch(n -> n.startsWith("org/coquille/shaded/flywaydb/database/mysql/"))
                    .noneMatch(n -> n.startsWith("org/coquille/shaded/resilience4j/"))
                    .noneMatch(n -> n.startsWith("org/coquille/shaded/h2/"));
            assertThat(names).as("the resources Flyway reads by name, moved with its classes")
                    .contains("org/coquille/shaded/flywaydb/core/internal/version.txt",
                            "coquille/db/migration/postgresql/V1__social_tables.sql")
                    .noneMatch(n -> n.startsWith("org/flywaydb/") || n.startsWith("com/zaxxer/"));
        }
    }

    @Test
    void serviceFilesNameRelocatedClassesThatTheJarHolds() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<JarEntry> services = jar.stream().filter(e -> e.getName().startsWith("META-INF/services/")
                    && !e.isDirectory()).toList();
            assertThat(services).extracting(JarEntry::getName).containsExactlyInAnyOrder(
                    "META-INF/services/org.coquille.shaded.flywaydb.core.extensibility.Plugin",
                    "META-INF/services/org.coquille.spi.StoreProvider");
            for (JarEntry service : services) {
                try (InputStream in = jar.getInputStream(service)) {
                    List<String> listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                    assertThat(listed).isNotEmpty();
                    listed.forEach(type -> assertThat(jar.getEntry(type.replace('.', '/') + ".class"))
                            .as(type + " listed in " + service.getName()).isNotNull());
                    if (service.getName().endsWith("Plugin")) {
                        assertThat(listed).as("every database's plugin, merged").contains(
                                "org.coquille.shaded.flywaydb.core.internal.database.h2.H2DatabaseType",
                                "org.coquille.shaded.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                                "org.coquille.shaded.flywaydb.database.mysql.mariadb.MariaDBDatabaseType");
                    }
                }
            }
        }
    }

    @Test
    void thePublishedPomNamesCoreAndLoggingButNoneOfTheBundledLibrariesNorADriver() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PUBLISHED_POM.toFile())
                .getDocumentElement();
        List<String> runtime = new ArrayList<>();
        NodeList nodes = project.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            String scope = dependency.getElementsByTagName("scope").getLength() == 0 ? "compile"
                    : text(dependency, "scope");
            boolean optional = dependency.getElementsByTagName("optional").getLength() > 0
                    && text(dependency, "optional").equals("true");
            // what reaches a user's tree: resilience4j stays as optional (compiled against, run from core's copy)
            if (dependency.getParentNode().getParentNode() == project && !scope.equals("test") && !optional) {
                runtime.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
            }
        }
        assertThat(runtime).containsExactlyInAnyOrder("org.coquille:coquille-core", "org.slf4j:slf4j-api");
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    @Test
    void storeRunsFromTheShadedJarOnAJdbcH2Url() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath();
        String out = runIsolated(Map.of("coquille.workFolder", work.toString(), "coquille.store.url", url,
                "coquille.store.user", "sa"), org.h2.Driver.class);
        assertThat(out).isEqualTo("org.coquille.store.jdbc.JdbcStore|H2 at " + work.resolve("db").toAbsolutePath() + "|1");
    }

    @Test
    void storeRunsFromTheShadedJarOnPostgresql() throws Exception {
        assumeTrue(POSTGRES != null && !POSTGRES.isBlank(), "COQUILLE_TEST_POSTGRES_URL is not set: PostgreSQL skipped");
        String schema = "coq_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        try {
            String url = POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            String out = runIsolated(Map.of("coquille.workFolder", work.toString(), "coquille.store.url", url),
                    Driver.class);
            assertThat(out).startsWith("org.coquille.store.jdbc.JdbcStore|PostgreSQL at ").endsWith("|1");
        } finally {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /**
     * Runs {@link ShadedStoreDriver} where only the published jars, slf4j-api and the host's {@code driver} are; the
     * driver registered as a web application's own is (DriverManager looks for drivers once, at its first use).
     */
    private static String runIsolated(Map<String, String> settings, Class<?> driver) throws Exception {
        URL[] classpath = {JAR.toUri().toURL(), location(Coquille.class), location(ShadedStoreDriver.class),
                location(LoggerFactory.class), location(driver)};
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            for (String original : List.of("com.zaxxer.hikari.HikariDataSource", "org.flywaydb.core.Flyway")) {
                assertThatThrownBy(() -> isolated.loadClass(original)).isInstanceOf(ClassNotFoundException.class);
            }
            Class.forName(driver.getName(), true, isolated);
            thread.setContextClassLoader(isolated);
            @SuppressWarnings("unchecked")
            Function<Map<String, String>, String> run = (Function<Map<String, String>, String>) isolated
                    .loadClass(ShadedStoreDriver.class.getName()).getConstructor().newInstance();
            return run.apply(settings);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void execute(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
