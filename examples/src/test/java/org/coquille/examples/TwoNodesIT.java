package org.coquille.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.jsoup.Connection.KeyVal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two real server processes ({@link NodeServer}, each a JVM of its own with its own cache) on one PostgreSQL schema,
 * and again on one MariaDB database, with the default 30 s time to live: a vote, a comment, a reaction, an idea and
 * two console changes (widgets off, vote kind) posted through node A's forms show in node B's answers within a
 * second, over HTTP as employees see them (no cookie carried from A to B: what B shows is what B's cache knows).
 * Needs {@code COQUILLE_TEST_POSTGRES_URL} and {@code COQUILLE_TEST_MARIADB_URL}.
 */
class TwoNodesIT {

    private static final int ROUNDS = 5;
    private static final String PAGE = NodeServer.PAGE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Process> nodes = new ArrayList<>();
    private String adminUrl;
    private String dropStatement;
    private int a;
    private int b;

    @AfterEach
    void stop() throws Exception {
        for (Process node : nodes) {
            node.getOutputStream().close(); // the node stops when its input ends
        }
        for (Process node : nodes) {
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        if (dropStatement != null) {
            execute(dropStatement);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "MariaDB"})
    void writesOnOneProcessShowOnTheOtherWithinASecond(String database) throws Exception {
        String url = database(database);
        a = start(url);
        b = start(url);
        await(() -> hasWidgets(page(b, "bob")));
        for (int i = 0; i < 3; i++) { // a first request on a fresh JVM is slow: not what is measured
            page(a, "alice");
            page(b, "bob");
            state(b, "alice");
            state(b, "bob");
        }

        List<Duration> votes = new ArrayList<>();
        List<Duration> comments = new ArrayList<>();
        List<Duration> reactions = new ArrayList<>();
        List<Duration> ideas = new ArrayList<>();
        List<Duration> console = new ArrayList<>();
        boolean stars = false; // the vote kind, which the console changes each round
        for (int i = 0; i < ROUNDS; i++) {
            int value = stars ? (i % 2 == 0 ? 2 : 4) : (i % 2 == 0 ? 1 : -1);
            votes.add(staleness(() -> post("vote", "alice", Map.of("coq_vote", String.valueOf(value))),
                    () -> state(b, "alice").path("vote").path("mine").asInt() == value));
            String body = "Comment " + i + " from node A";
            comments.add(staleness(() -> post("comment", "alice", Map.of("coq_body", body)),
                    () -> page(b, "bob").contains(body)));
            boolean on = i % 2 == 0;
            reactions.add(staleness(() -> post("reaction", "alice", Map.of("coq_reaction", (on ? "on:" : "off:") + "👍")),
                    () -> state(b, "bob").path("reactions").path("counts").path("👍").asLong(0) == (on ? 1 : 0)));
            String title = "Idea " + i + " from node A";
            ideas.add(staleness(() -> post("idea", "alice", Map.of("coq_title", title, "coq_body", "Why not?")),
                    () -> page(b, "bob").contains(title)));
            List<KeyVal> form = settingsForm();
            console.add(staleness(() -> saveSettings(form.stream().filter(f -> !f.key().equals("widget")).toList()),
                    () -> !hasWidgets(page(b, "bob"))));
            stars = !stars;
            String kind = stars ? "stars" : "thumbs";
            console.add(staleness(() -> saveSettings(form.stream().map(f -> f.key().equals("vote")
                            ? org.jsoup.helper.HttpConnection.KeyVal.create("vote", kind) : f).toList()),
                    () -> hasWidgets(page(b, "bob")) && state(b, "bob").path("vote").path("kind").asText()
                            .equalsIgnoreCase(kind)));
        }
        assertWithinASecond(database + ", vote", votes);
        assertWithinASecond(database + ", comment", comments);
        assertWithinASecond(database + ", reaction", reactions);
        assertWithinASecond(database + ", idea", ideas);
        assertWithinASecond(database + ", widgets off and vote kind", console);
    }

    private String database(String database) throws Exception {
        String name = "coq_twonodes_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
        if (database.equals("PostgreSQL")) {
            adminUrl = System.getenv("COQUILLE_TEST_POSTGRES_URL");
            assumeTrue(adminUrl != null && !adminUrl.isBlank(),
                    "COQUILLE_TEST_POSTGRES_URL is not set: the two-process test on PostgreSQL is skipped");
            execute("CREATE SCHEMA " + name);
            dropStatement = "DROP SCHEMA IF EXISTS " + name + " CASCADE";
            return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }
        adminUrl = System.getenv("COQUILLE_TEST_MARIADB_URL");
        assumeTrue(adminUrl != null && !adminUrl.isBlank(),
                "COQUILLE_TEST_MARIADB_URL is not set: the two-process test on MariaDB is skipped");
        execute("CREATE DATABASE " + name);
        dropStatement = "DROP DATABASE IF EXISTS " + name;
        return adminUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
    }

    private void execute(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Starts a node in a JVM of its own; returns its port once it answers. */
    private int start(String url) throws IOException {
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), NodeServer.class.getName(), url, "0", "PT30S")
                .redirectErrorStream(true).start();
        nodes.add(node);
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("NODE READY ")) {
                int port = Integer.parseInt(line.substring("NODE READY ".length()).strip());
                Thread drain = new Thread(() -> out.lines().forEach(l -> {
                    if (l.contains("WARN") || l.contains("ERROR")) {
                        System.out.println("[node " + port + "] " + l);
                    }
                }));
                drain.setDaemon(true);
                drain.start();
                return port;
            }
            seen.add(line);
        }
        throw new AssertionError("The node did not start:\n" + String.join("\n", seen));
    }

    private String base(int port) {
        return "http://127.0.0.1:" + port + "/on";
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String page(int port, String user) {
        return send(HttpRequest.newBuilder(URI.create(base(port) + PAGE)).header("X-Remote-User", user).build()).body();
    }

    private JsonNode state(int port, String user) {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base(port) + "/_coquille/api/page?page="
                    + URLEncoder.encode(PAGE, StandardCharsets.UTF_8))).header("X-Remote-User", user).build()).body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hasWidgets(String page) {
        return page.contains("class=\"coq-widgets\"");
    }

    /** Posts a widget form on node A as {@code user}, with the token of A's page. */
    private void post(String action, String user, Map<String, String> fields) {
        String token = OutageServer.token(page(a, user).getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("coq_csrf", token);
        all.put("coq_page", PAGE);
        all.put("coq_return", "/on" + PAGE);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base(a) + "/_coquille/form/" + action))
                .header("X-Remote-User", user).header("Origin", "http://127.0.0.1:" + a)
                .header("X-Coquille-Fragment", "1") // the widgets again, and a status that says whether it was stored
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(all.entrySet().stream()
                        .<KeyVal>map(e -> org.jsoup.helper.HttpConnection.KeyVal.create(e.getKey(), e.getValue())).toList())))
                .build());
        assertThat(answer.statusCode()).as("%s on node A: %s", action, answer.body()).isEqualTo(200);
    }

    /** The page-settings form of node A's console, as the browser would post it. */
    private List<KeyVal> settingsForm() {
        String html = send(HttpRequest.newBuilder(URI.create(base(a) + "/_coquille/console/page?id="
                + URLEncoder.encode(PAGE, StandardCharsets.UTF_8))).header("X-Remote-User", "edith")
                .header("X-Remote-Roles", "coquille-editor").build()).body();
        FormElement form = (FormElement) Jsoup.parse(html, base(a) + "/_coquille/console/page")
                .selectFirst("form.coq-settings");
        assertThat(form).as("the console's page form").isNotNull();
        return form.formData();
    }

    private void saveSettings(List<KeyVal> fields) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base(a) + "/_coquille/console/page"))
                .header("X-Remote-User", "edith").header("X-Remote-Roles", "coquille-editor")
                .header("Origin", "http://127.0.0.1:" + a).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
        assertThat(answer.statusCode()).as("console save on node A: %s", answer.body()).isIn(200, 303);
    }

    private static String encode(List<KeyVal> fields) {
        return fields.stream().map(f -> URLEncoder.encode(f.key(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.value(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Duration staleness(Runnable write, BooleanSupplier seenOnB) {
        write.run();
        return await(seenOnB);
    }

    private static Duration await(BooleanSupplier seen) {
        long start = System.nanoTime();
        while (!seen.getAsBoolean()) {
            if (System.nanoTime() - start > Duration.ofSeconds(40).toNanos()) {
                throw new AssertionError("Node B never showed the change");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void assertWithinASecond(String what, List<Duration> times) {
        List<Long> millis = times.stream().map(Duration::toMillis).sorted().toList();
        System.out.printf("Two processes, staleness on node B of a %s, ms (sorted): %s%n", what, millis);
        assertThat(Collections.max(times)).as("%s: slowest of %d: %s ms", what, times.size(), millis)
                .isLessThan(Duration.ofSeconds(1));
    }
}
