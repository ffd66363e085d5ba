package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.coquille.spi.StoreDownException;
import org.junit.jupiter.api.Test;

/** The JDBC store's circuit breaker: which failures open it, and how its background probe closes it. */
class StoreBreakerTest {

    private static final SQLException REFUSED = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
            new ConnectException("Connection refused"));

    @Test
    void failuresToReachTheDatabaseOpenItAndTheProbeClosesItWhenTheDatabaseAnswers() throws Exception {
        AtomicBoolean answers = new AtomicBoolean(false);
        AtomicInteger probes = new AtomicInteger();
        try (StoreBreaker breaker = new StoreBreaker("test", Duration.ofMillis(20), () -> {
            probes.incrementAndGet();
            return answers.get();
        }, Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                breaker.after(breaker.before("read"), REFUSED);
            }
            assertThat(breaker.state()).isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
            assertThat(breaker.isDown()).isTrue();
            assertThatThrownBy(() -> breaker.before("add a comment")).isInstanceOf(StoreDownException.class)
                    .hasMessageContaining("could not add a comment").hasMessageContaining("SQL state 080");

            waitUntil(() -> probes.get() >= 3);
            assertThat(breaker.isDown()).as("probes that fail keep it open").isTrue();
            answers.set(true);
            waitUntil(() -> !breaker.isDown());
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
            breaker.after(breaker.before("read"), null);
        }
    }

    @Test
    void statementsTheDatabaseRefusesLeaveItClosed() {
        try (StoreBreaker breaker = new StoreBreaker("test", Duration.ofSeconds(60), () -> true, Clock.systemUTC())) {
            for (String state : new String[] {"23505", "40001", "40P01", "42P01", "22001"}) {
                breaker.after(breaker.before("write"), new SQLException("refused", state));
            }
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.isDown()).isFalse();
        }
    }

    @Test
    void whatCountsAsAnOutage() {
        assertThat(StoreBreaker.isOutage(REFUSED)).isTrue();
        assertThat(StoreBreaker.isOutage(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(StoreBreaker.isOutage(new SQLTransientConnectionException(
                "coquille - Connection is not available, request timed out after 2000ms"))).isTrue();
        assertThat(StoreBreaker.isOutage(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(StoreBreaker.isOutage(new SQLException("wrapped", null, new java.net.SocketTimeoutException("Read timed out"))))
                .isTrue();
        SQLException closed = new SQLException("Connection is closed"); // HikariCP's, with no SQL state
        assertThat(StoreBreaker.isOutage(closed)).isFalse();
        closed.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(StoreBreaker.isOutage(closed)).as("the lost connection under it").isTrue();
        assertThat(StoreBreaker.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(StoreBreaker.isOutage(new SQLException("serialization failure", "40001"))).isFalse();
        assertThat(StoreBreaker.isOutage(new SQLException("no state"))).isFalse();
    }

    @Test
    void timeoutsComeFromTheSettingsAndABadOneNamesItsKey() {
        Timeouts timeouts = Timeouts.from(Map.of(JdbcStoreProvider.CONNECTION_TIMEOUT, "PT1S",
                JdbcStoreProvider.QUERY_TIMEOUT, "PT0.5S"));
        assertThat(timeouts.connection()).isEqualTo(Duration.ofSeconds(1));
        assertThat(timeouts.query()).isEqualTo(Duration.ofMillis(500));
        assertThat(timeouts.retry()).isEqualTo(Timeouts.DEFAULTS.retry());
        assertThat(timeouts.validation()).isEqualTo(Duration.ofMillis(500));
        assertThat(Timeouts.from(Map.of())).isEqualTo(Timeouts.DEFAULTS);
        assertThatThrownBy(() -> Timeouts.from(Map.of(JdbcStoreProvider.CONNECTION_TIMEOUT, "PT0.1S")))
                .hasMessageContaining("coquille.store.connectionTimeout").hasMessageContaining("PT0.1S");
        assertThatThrownBy(() -> Timeouts.from(Map.of(JdbcStoreProvider.RETRY_INTERVAL, "soon")))
                .hasMessageContaining("coquille.store.retryInterval");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
