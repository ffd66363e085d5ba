package org.coquille.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.coquille.store.jdbc.JdbcStoreProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store outage must never hold the intranet's threads: the store sits behind a real TCP proxy that is cut (and
 * then made to hang), in front of the real database, with the filter in Jetty. Once the store is known to be down,
 * pages come back as the original page without waiting for a connection, writes answer 503 at once, the console
 * says so, and everything returns by itself when the proxy forwards again. Needs {@code COQUILLE_TEST_POSTGRES_URL}
 * (and {@code COQUILLE_TEST_MARIADB_URL} for the MariaDB run).
 */
class StoreOutageIT {

    /** Set short for the test; the point is that nobody waits for it once the breaker is open. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
    private static final Map<String, String> SETTINGS = Map.of(
            JdbcStoreProvider.CONNECTION_TIMEOUT, CONNECTION_TIMEOUT.toString(),
            JdbcStoreProvider.QUERY_TIMEOUT, QUERY_TIMEOUT.toString(),
            JdbcStoreProvider.RETRY_INTERVAL, "PT0.5S",
            "coquille.rateLimit.writesPerMinute", "1000");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService users = Executors.newFixedThreadPool(4);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;
    private int newUser;

    @BeforeEach
    void captureLog() {
        stderr = System.err;
        // slf4j-simple writes to whatever System.err is when it logs
        System.setErr(new PrintStream(new TeeStream(stderr, log), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(stderr);
        users.shutdownNow();
    }

    @Test
    void postgresOutageHoldsNoThread() throws Exception {
        String url = System.getenv("COQUILLE_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "COQUILLE_TEST_POSTGRES_URL is not set: the PostgreSQL outage test is skipped");
        outage(url);
    }

    @Test
    void mariaDbOutageHoldsNoThread() throws Exception {
        String url = System.getenv("COQUILLE_TEST_MARIADB_URL");
        assumeTrue(url != null && !url.isBlank(), "COQUILLE_TEST_MARIADB_URL is not set: the MariaDB outage test is skipped");
        outage(url);
    }

    private void outage(String databaseUrl) throws Exception {
        try (OutageServer server = new OutageServer(databaseUrl, SETTINGS)) {
            byte[] original = server.page(client, "/bare", "alice").body();
            byte[] decorated = server.page(client, "/on", "alice").body();
            assertThat(OutageServer.hasWidgets(decorated)).isTrue();
            String token = OutageServer.token(decorated);
            assertThat(server.vote(client, "alice", token, 1).statusCode()).isEqualTo(303);

            // the database's host goes away: connections are closed, new ones refused
            server.proxy().cut();
            findsTheStoreDown(server, original, token);
            server.proxy().restore();
            comesBack(server, token);

            // the database accepts connections but answers nothing: the answer timeout bounds each wait
            server.proxy().hang();
            findsTheStoreDown(server, original, token);
            server.proxy().restore();
            comesBack(server, token);

            String logged = log.toString(StandardCharsets.UTF_8);
            assertThat(logged.lines().filter(l -> l.contains("Coquille's store is down")).count())
                    .as("one line per outage when it begins:%n%s", logged).isEqualTo(2);
            assertThat(logged.lines().filter(l -> l.contains("Coquille's store answers again")).count())
                    .as("one line per outage when it ends:%n%s", logged).isEqualTo(2);
        }
    }

    private void findsTheStoreDown(OutageServer server, byte[] original, String token) throws Exception {
        // until the breaker opens, callers the caches cannot answer wait at most for a connection, then for one answer
        long bound = CONNECTION_TIMEOUT.plus(QUERY_TIMEOUT).plusSeconds(3).toMillis();
        List<Future<Long>> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String user = "visitor" + newUser++; // a viewer the caches have not seen: their own marks need the store
            waits.add(users.submit(timed(() -> {
                HttpResponse<byte[]> page = server.page(client, "/on", user);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).isEqualTo(original);
            })));
        }
        waits.add(users.submit(timed(() -> assertThat(server.vote(client, "alice", token, -1).statusCode()).isEqualTo(503))));
        for (Future<Long> wait : waits) {
            assertThat(wait.get()).as("a request while the store was being found down, in ms").isLessThan(bound);
        }
        eventually(() -> server.health().isDown(), "the store's breaker opens");
        int logged = log.size();

        // known to be down: nothing waits for the pool's connection timeout any more
        long half = CONNECTION_TIMEOUT.toMillis() / 2;
        for (int i = 0; i < 5; i++) {
            String user = "visitor" + newUser++;
            long page = timed(() -> {
                HttpResponse<byte[]> answer = server.page(client, "/on", user);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo(original);
            }).call();
            assertThat(page).as("a page once the store is known down, in ms").isLessThan(half);
            long write = timed(() -> {
                HttpResponse<String> answer = server.vote(client, "alice", token, 1);
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }).call();
            assertThat(write).as("a write once the store is known down, in ms").isLessThan(half);
        }
        HttpResponse<String> console = server.console(client);
        assertThat(console.statusCode()).isEqualTo(503);
        assertThat(console.body()).contains("database has not been answering since", "role=\"alert\"");
        assertThat(server.health().isDown()).isTrue();
        byte[] all = log.toByteArray();
        String whileDown = new String(all, logged, all.length - logged, StandardCharsets.UTF_8);
        // only a call that began before the store was known down (the view flush, say) may still report its own failure
        assertThat(whileDown).as("no request logs anything while the store is known down")
                .doesNotContain("WARN org.coquille.core.Coquille").doesNotContain("the store is down since");
    }

    private void comesBack(OutageServer server, String token) throws Exception {
        eventually(() -> !server.health().isDown(), "the background probe closes the breaker");
        eventually(() -> {
            try {
                return OutageServer.hasWidgets(server.page(client, "/on", "visitor" + newUser++).body());
            } catch (Exception e) {
                return false;
            }
        }, "the widgets come back by themselves");
        assertThat(server.vote(client, "alice", token, 1).statusCode()).isEqualTo(303);
        HttpResponse<String> console = server.console(client);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).doesNotContain("has not been answering");
    }

    private static Callable<Long> timed(ThrowingRunnable request) {
        return () -> {
            long start = System.nanoTime();
            request.run();
            return (System.nanoTime() - start) / 1_000_000;
        };
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting 30 s for: " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Writes to the real stream and keeps a copy. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream copy;

        TeeStream(OutputStream first, ByteArrayOutputStream copy) {
            this.first = first;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            copy.write(b);
            try {
                first.write(b);
            } catch (java.io.IOException e) {
                // the console went away
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            try {
                first.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console went away
            }
        }
    }
}
