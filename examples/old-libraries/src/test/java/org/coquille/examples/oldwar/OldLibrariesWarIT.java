package org.coquille.examples.oldwar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coquille dropped into the WAR of an old intranet: the WAR Maven built for this module (its host's libraries as old
 * as such WARs hold them, Coquille's javax filter beside them) deployed in a Tomcat 9 running in a JVM of its own,
 * whose class path holds nothing but Tomcat ({@link TomcatOfItsOwn}). Every library, the host's and Coquille's, is
 * loaded from the WAR's {@code WEB-INF/lib}. The host's servlets must answer as before, the widgets must work, and
 * Coquille's log lines must reach the host's log4j file.
 */
class OldLibrariesWarIT {

    /** The host's libraries, at the versions its POM asks for: each must be the one and only jar of its library. */
    private static final List<String> HOST_JARS = List.of("jackson-databind-2.9.10.8.jar", "jackson-core-2.9.10.jar",
            "jackson-annotations-2.9.10.jar", "caffeine-2.9.3.jar", "h2-1.4.200.jar", "flyway-core-5.2.4.jar",
            "guava-20.0.jar", "slf4j-api-1.7.30.jar", "slf4j-log4j12-1.7.30.jar", "log4j-1.2.17.jar");

    private static final Path WAR = Path.of(System.getProperty("oldwar.war", "target/intranet.war"));
    private static final String COQUILLE_VERSION = System.getProperty("oldwar.coquille.version", "0.1.0-SNAPSHOT");

    private static Path dir;
    private static Path catalinaBase;
    private static Process tomcat;
    private static String origin;
    private static String base;

    @BeforeAll
    static void startTomcatInAJvmOfItsOwn() throws Exception {
        assertThat(WAR).as("the WAR built by maven-war-plugin (run the build up to verify)").isRegularFile();
        dir = Files.createTempDirectory("coquille-oldwar");
        catalinaBase = dir.resolve("tomcat");
        String classPath = System.getProperty("oldwar.tomcat.classpath") + File.pathSeparator
                + System.getProperty("oldwar.launcher.classes");
        Path out = dir.resolve("tomcat.out");
        tomcat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath,
                // as Tomcat 9's catalina.sh opens them on Java 9 and later, for its memory leak protection
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "-Dcatalina.base=" + catalinaBase,
                // what an administrator sets in JAVA_OPTS: where Coquille keeps its files; views counted every second
                "-Dcoquille.workFolder=" + dir.resolve("coquille"),
                "-Dcoquille.views.flushInterval=PT1S",
                TomcatOfItsOwn.class.getName(), WAR.toAbsolutePath().toString())
                .redirectOutput(out.toFile()).redirectError(dir.resolve("tomcat.err").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(180); // a busy CI machine
        Matcher started = null;
        while (Instant.now().isBefore(deadline) && tomcat.isAlive()) {
            started = Pattern.compile("STARTED (\\d+) (\\w+)").matcher(Files.readString(out));
            if (started.find()) {
                break;
            }
            started = null;
            Thread.sleep(100);
        }
        assertThat(started).as("Tomcat started; its log:\n%s", tomcatLog()).isNotNull();
        origin = "http://127.0.0.1:" + started.group(1);
        base = origin + "/intranet";
        assertThat(started.group(2)).as("the web application's state; Tomcat's log:\n%s", tomcatLog()).isEqualTo("STARTED");
    }

    @AfterAll
    static void stopTomcat() throws Exception {
        if (tomcat != null) {
            tomcat.getOutputStream().close();
            if (!tomcat.waitFor(30, TimeUnit.SECONDS)) {
                tomcat.destroyForcibly().waitFor();
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void warHoldsTheHostsOldLibrariesCoquillesJarsAndOneVersionOfEachLibrary() throws Exception {
        List<String> lib;
        try (ZipFile war = new ZipFile(WAR.toFile())) {
            lib = war.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("WEB-INF/lib/".length())).sorted().collect(Collectors.toList());
        }
        assertThat(lib).containsAll(HOST_JARS).contains("coquille-servlet-adapter-javax-" + COQUILLE_VERSION + ".jar",
                "coquille-store-h2-" + COQUILLE_VERSION + ".jar");
        assertThat(lib).as("the host's jars and Coquille's own, nothing Coquille pulled in beside them")
                .allMatch(jar -> HOST_JARS.contains(jar) || jar.startsWith("coquille-"));
        Map<String, List<String>> byLibrary = lib.stream().collect(Collectors.groupingBy(
                jar -> jar.replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "")));
        assertThat(byLibrary).as("one jar a library").allSatisfy((name, jars) -> assertThat(jars).hasSize(1));
    }

    @Test
    void hostServletUsesEachOldLibraryLoadedFromTheWarsOwnLib() throws Exception {
        Http.get("alice", base + "/bibliotheques"); // the cache's first read of each department
        Http.Answer answer = Http.get("alice", base + "/bibliotheques");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(answer.body());

        Path lib = catalinaBase.resolve("webapps/intranet/WEB-INF/lib");
        Map<String, String> jars = new LinkedHashMap<>();
        json.get("jars").fields().forEachRemaining(e -> jars.put(e.getKey(), e.getValue().asText()));
        assertThat(jars).containsEntry("jackson-databind", lib.resolve("jackson-databind-2.9.10.8.jar").toString())
                .containsEntry("caffeine", lib.resolve("caffeine-2.9.3.jar").toString())
                .containsEntry("h2", lib.resolve("h2-1.4.200.jar").toString())
                .containsEntry("flyway", lib.resolve("flyway-core-5.2.4.jar").toString())
                .containsEntry("guava", lib.resolve("guava-20.0.jar").toString())
                .containsEntry("slf4j-api", lib.resolve("slf4j-api-1.7.30.jar").toString())
                .containsEntry("slf4j-binding", lib.resolve("slf4j-log4j12-1.7.30.jar").toString())
                .containsEntry("log4j", lib.resolve("log4j-1.2.17.jar").toString())
                .containsEntry("org.coquille.servlet.CoquilleFilter",
                        lib.resolve("coquille-servlet-adapter-javax-" + COQUILLE_VERSION + ".jar").toString());
        assertThat(jars.get("org.coquille.Coquille")).startsWith(lib.resolve("coquille-").toString());

        // what the libraries did: Jackson 2.9 wrote this; H2 1.4.200 holds the directory Flyway 5 migrated to V2;
        // the Caffeine cache answered the second read; Guava's immutable lists came out as JSON arrays
        assertThat(json.get("jackson").asText()).startsWith("2.9.10");
        assertThat(json.at("/database/h2").asText()).isEqualTo("1.4.200");
        assertThat(json.at("/database/schema").asText()).isEqualTo("2");
        assertThat(json.at("/cache/hits").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode it = json.at("/departments/Informatique");
        assertThat(it.size()).isEqualTo(2);
        assertThat(it.get(0).get("name").asText()).isEqualTo("Alice Martin");
        assertThat(it.get(0).get("phone").asText()).isEqualTo("01 23 45 67 01");
        assertThat(json.at("/departments/Ressources humaines/0/name").asText()).isEqualTo("\u00c9dith Lefèvre");
    }

    @Test
    void widgetsWorkOnTheHostsPageAndTheReportShowsTheCommentAndTheVote() throws Exception {
        Http.Answer page = Http.get("alice", base + "/annuaire");
        assertThat(page.status()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("ul.annuaire li").eachText())
                .containsExactly("Alice Martin \u2014 01 23 45 67 01", "Bruno Petit \u2014 01 23 45 67 02",
                        "\u00c9dith Lef\u00e8vre \u2014 01 23 45 67 03");
        assertThat(html.select("section.coq-widgets")).as("Coquille's widgets on the host's page").hasSize(1);

        String comment = "Pensez \u00e0 mettre \u00e0 jour votre num\u00e9ro de poste \u2014 merci !";
        Element commentForm = html.selectFirst("form.coq-new-comment");
        assertThat(commentForm).as("the comment form").isNotNull();
        Map<String, String> fields = hiddenFields(commentForm);
        fields.put(commentForm.selectFirst("textarea").attr("name"), comment);
        assertThat(Http.post("alice", origin + commentForm.attr("action"), origin, fields).status()).isEqualTo(303);

        Element vote = html.selectFirst(".coq-vote form");
        assertThat(vote).as("the vote form").isNotNull();
        Element thumbUp = vote.selectFirst("button[value=1]");
        fields = hiddenFields(vote);
        fields.put(thumbUp.attr("name"), thumbUp.val());
        assertThat(Http.post("alice", origin + vote.attr("action"), origin, fields).status()).isEqualTo(303);

        // without the CSRF token, nothing is stored
        assertThat(Http.post("alice", origin + commentForm.attr("action"), origin, Map.of("coq_body", "sans jeton"))
                .status()).isIn(303, 400, 403);

        Document later = Jsoup.parse(Http.get("bruno", base + "/annuaire").body());
        assertThat(later.select(".coq-comments").text()).contains(comment).doesNotContain("sans jeton");
        assertThat(later.select(".coq-vote .coq-thumb").first().text()).isEqualTo("\ud83d\udc4d 1");

        // the page's report: contributions are counted in memory and written every second
        Map<String, String> totals = Map.of();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Http.Answer report = Http.get("edith", base + "/_coquille/report/page?page="
                    + URLEncoder.encode("/annuaire", StandardCharsets.UTF_8));
            assertThat(report.status()).isEqualTo(200);
            totals = Jsoup.parse(report.body()).select("main table.coq-table").first().select("tbody tr").stream()
                    .collect(Collectors.toMap(tr -> tr.selectFirst("th").text(), tr -> tr.selectFirst("td").text(),
                            (a, b) -> a, LinkedHashMap::new));
            if ("1".equals(totals.get("Comments")) && "1".equals(totals.get("Page votes"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(totals).containsEntry("Comments", "1").containsEntry("Page votes", "1");
    }

    @Test
    void coquillesLogLinesReachTheHostsLog4jFile() throws Exception {
        Path log = catalinaBase.resolve("logs/intranet.log");
        assertThat(log).isRegularFile();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).as("the host's own line").anyMatch(l -> l.matches(
                ".* INFO  \\[.*\\] org\\.coquille\\.examples\\.oldwar\\.Directory - Annuaire: 2 migration\\(s\\) applied by Flyway, schema at version 2"));
        assertThat(lines).as("Coquille's start-up line, through SLF4J 1.7 and log4j 1.2").anyMatch(l -> l.matches(
                ".* INFO  \\[.*\\] org\\.coquille\\.[\\w.]+ - Coquille store: .*, the embedded default \\(provider '\\w+'\\).*"));
    }

    @Test
    void coquilleKeepsItsDataInItsOwnH2BesideTheHostsH2OnePointFour() throws Exception {
        // two H2 engines in one web application, each with its file: the host's 1.4.200 writes the MVStore format 1,
        // which H2 2 cannot open, and Coquille's own (relocated) H2 2 writes a later one, which 1.4.200 cannot open
        Path hosts = catalinaBase.resolve("work/Tomcat/localhost/intranet/annuaire.mv.db");
        Path coquilles = dir.resolve("coquille/coquille.mv.db");
        assertThat(storeFormat(hosts)).isEqualTo(1);
        assertThat(storeFormat(coquilles)).isGreaterThanOrEqualTo(2);
    }

    /** The MVStore format an H2 database file was written in, from the header H2 writes at its start. */
    private static int storeFormat(Path database) throws IOException {
        assertThat(database).isRegularFile();
        byte[] header;
        try (var in = Files.newInputStream(database)) {
            header = in.readNBytes(256);
        }
        Matcher format = Pattern.compile("\\bformat:(\\d+)").matcher(new String(header, StandardCharsets.ISO_8859_1));
        assertThat(format.find()).as("an H2 MVStore header in %s", database).isTrue();
        return Integer.parseInt(format.group(1));
    }

    private static Map<String, String> hiddenFields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.val());
        }
        assertThat(fields).containsKey("coq_csrf");
        return fields;
    }

    private static String tomcatLog() {
        try {
            return Files.readString(dir.resolve("tomcat.err"));
        } catch (IOException e) {
            return "(none: " + e + ")";
        }
    }

    /** The browser of one logged-in employee: HTTP Basic, no redirect followed. */
    private static final class Http {

        record Answer(int status, Map<String, List<String>> headers, String body) {

            String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
            }
        }

        private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        static Answer get(String user, String url) throws Exception {
            return send(user, HttpRequest.newBuilder(URI.create(url)).GET());
        }

        static Answer post(String user, String url, String origin, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(user, HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private static Answer send(String user, HttpRequest.Builder request) throws Exception {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials).header("Accept-Language", "en")
                    .timeout(Duration.ofSeconds(30));
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        }
    }
}
