package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.store.CachedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node B's listening connection is cut by the database ({@code pg_terminate_backend}) and its reconnections refused
 * for a while: meanwhile A's votes show on B within the cache's time to live (3 s here), and within a second again
 * once B has reconnected by itself. Needs {@code COQUILLE_TEST_POSTGRES_URL}.
 */
class PostgresChannelRecoveryIT {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final PageId PAGE = PageId.of("/intranet/outage.jsp");

    private String schema;
    private Coquille a;
    private Coquille b;
    private volatile boolean refused;

    @AfterEach
    void close() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (schema != null) {
            PostgresNodesIT.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Coquille node(String url, PostgresChanges.Connect listening) throws Exception {
        var settings = Map.of("coquille.workFolder", Files.createTempDirectory("coquille-node").toString(),
                "coquille.cache.ttl", TTL.toString());
        return Coquille.builder().settings(settings)
                .store(JdbcStore.open(url, null, null, Timeouts.DEFAULTS, listening))
                .key(new byte[32]).pageRules(PageRules.none()).build();
    }

    @Test
    void staysWithinTheTtlWhileCutAndWithinASecondOnceReconnected() throws Exception {
        String base = PostgresNodesIT.URL;
        assumeTrue(base != null && !base.isBlank(), "COQUILLE_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        schema = "coq_nodes_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
        PostgresNodesIT.execute("CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        a = node(url, null);
        b = node(url, () -> {
            if (refused) {
                throw new SQLException("refused by the test", "08001");
            }
            return DriverManager.getConnection(url + "&ApplicationName=coquille-listen-b");
        });
        a.store().pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.VOTE)));
        PostgresChanges channel = ((JdbcStore) ((CachedStore) b.store()).delegate()).postgresChanges();
        NodesAgreeContract.awaitOnB(() -> channel.backendPid() != 0);
        assertThat(vote(1)).as("before the cut").isLessThan(Duration.ofSeconds(1));

        refused = true;
        int cut = channel.backendPid();
        PostgresNodesIT.execute("SELECT pg_terminate_backend(" + cut + ")");
        NodesAgreeContract.awaitOnB(() -> channel.backendPid() == 0);
        for (int i = 0; i < 2; i++) {
            Duration during = vote(i % 2 == 0 ? -1 : 1);
            System.out.println("Staleness on B while its channel is cut: " + during.toMillis() + " ms");
            assertThat(during).as("bounded by the TTL").isLessThan(TTL.plusSeconds(1));
        }

        refused = false;
        NodesAgreeContract.awaitOnB(() -> channel.backendPid() != 0 && channel.backendPid() != cut);
        for (int i = 0; i < 5; i++) {
            Duration after = vote(i % 2 == 0 ? -1 : 1);
            System.out.println("Staleness on B once reconnected: " + after.toMillis() + " ms");
            assertThat(after).as("back under a second").isLessThan(Duration.ofSeconds(1));
        }
    }

    /** Alice's vote on A, and how long B took to show it. */
    private Duration vote(int value) {
        return NodesAgreeContract.staleness(() -> a.votes().vote(User.employee("alice"), PAGE, value), () -> {
            Integer mine = b.votes().summary(User.employee("bob"), PAGE).tally().total() == 1
                    ? b.votes().summary(User.employee("alice"), PAGE).mine() : null;
            return mine != null && mine == value;
        });
    }
}
