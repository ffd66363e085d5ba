package org.coquille.store.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.time.format.DateTimeParseException;

/**
 * How long the JDBC store lets a caller wait on its database, and how often it checks a database found down.
 *
 * @param connection how long a caller waits for a connection (HikariCP's {@code connectionTimeout})
 * @param query      how long a caller waits for any one answer of the database on a connection it holds
 *                   (JDBC's network timeout), so that a database that accepts connections but hangs holds no
 *                   thread longer than this
 * @param retry      how often, once the store is found down, a background probe checks whether it answers again
 */
record Timeouts(Duration connection, Duration query, Duration retry) {

    /**
     * The defaults: 2 s for a connection, 3 s for an answer (the slowest report query measured takes 1.2 s), a
     * probe every 2 s. Until the breaker opens, a caller waits at most 2 s + 1 s (HikariCP validating a pooled
     * connection) + 3 s = 6 s on a database that hangs, 2 s on one that refuses connections.
     */
    static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2));

    /**
     * The embedded H2 database's: no network to lose, so no breaker; its writers wait up to 10 s on each other's
     * locks ({@code LOCK_TIMEOUT}), so a caller may wait as long for a connection, as before.
     */
    static final Timeouts EMBEDDED = new Timeouts(Duration.ofSeconds(10), DEFAULTS.query, DEFAULTS.retry);

    /** HikariCP accepts no shorter connection timeout (and validates connections in half of it, at least 250 ms). */
    private static final Duration SHORTEST_CONNECTION = Duration.ofMillis(500);

    Timeouts {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(retry, "retry");
    }

    /** The timeouts {@code settings} give, the defaults filling the rest; a bad value names its key. */
    static Timeouts from(Map<String, String> settings) {
        return new Timeouts(duration(settings, JdbcStoreProvider.CONNECTION_TIMEOUT, DEFAULTS.connection, SHORTEST_CONNECTION),
                duration(settings, JdbcStoreProvider.QUERY_TIMEOUT, DEFAULTS.query, Duration.ofMillis(1)),
                duration(settings, JdbcStoreProvider.RETRY_INTERVAL, DEFAULTS.retry, Duration.ofMillis(10)));
    }

    /** HikariCP's {@code validationTimeout}, which must be shorter than its {@code connectionTimeout}. */
    Duration validation() {
        Duration half = connection.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : half;
    }

    private static Duration duration(Map<String, String> settings, String key, Duration fallback, Duration least) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.compareTo(least) >= 0 && d.compareTo(Duration.ofDays(1)) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("Setting " + key + " is '" + value + "'; allowed: an ISO-8601 duration of "
                + least.toMillis() + " ms to a day, such as " + fallback);
    }
}
