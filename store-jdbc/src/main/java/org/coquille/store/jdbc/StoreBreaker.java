package org.coquille.store.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;

import org.coquille.spi.StoreDownException;
import org.coquille.spi.StoreHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store's circuit breaker (resilience4j): once most recent calls failed because the database could not
 * be reached or did not answer, every call fails at once with {@link StoreDownException}, and a background thread
 * probes the database every {@link Timeouts#retry()} until it answers, which closes the breaker again. Request
 * threads never probe. One log line when the store goes down, one when it comes back.
 */
final class StoreBreaker implements StoreHealth, AutoCloseable {

    /** Probes the database: whether it answered. */
    @FunctionalInterface
    interface Probe {
        boolean answers() throws SQLException;
    }

    /**
     * The last calls looked at: the breaker opens when at least half of them found the database unreachable or
     * hung, once {@link #MINIMUM_CALLS} were made. Few, so that a low-traffic intranet finds an outage after a
     * handful of waits; half, so that one lost connection among healthy calls does not open it.
     */
    private static final int WINDOW = 5;
    private static final int MINIMUM_CALLS = 3;
    private static final float FAILURE_RATE = 50f;

    private static final Logger LOG = LoggerFactory.getLogger(StoreBreaker.class);

    private final CircuitBreaker breaker;
    private final boolean watching;
    private final Duration retry;
    private final Clock clock;
    private final ScheduledExecutorService prober;
    private volatile Instant downSince;
    private volatile String lastFailure = "no answer";

    StoreBreaker(String name, Duration retry, Probe probe, Clock clock) {
        this(name, retry, probe, clock, true);
    }

    /**
     * A breaker that never opens, for the embedded H2 database: a file in this JVM cannot become unreachable, and
     * its lock timeouts under contention must not pass for an outage.
     */
    static StoreBreaker never() {
        return new StoreBreaker("coquille-store", Duration.ofDays(1), () -> true, Clock.systemUTC(), false);
    }

    private StoreBreaker(String name, Duration retry, Probe probe, Clock clock, boolean watching) {
        this.watching = watching;
        this.retry = retry;
        this.clock = clock;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(WINDOW, MINIMUM_CALLS, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(FAILURE_RATE)
                .recordException(StoreBreaker::isOutage)
                .waitDurationInOpenState(retry)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build();
        this.breaker = CircuitBreaker.of(name, config);
        breaker.getEventPublisher().onStateTransition(this::changed);
        if (!watching) {
            this.prober = null;
            return;
        }
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coquille-store-probe");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, retry.toMillis());
        prober.scheduleWithFixedDelay(() -> probe(probe), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Instant downSince() {
        return downSince;
    }

    /** The breaker's state, for tests and the console. */
    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /**
     * Lets a call through, returning its start time for {@link #after}, or fails it at once when the store is
     * known to be down. {@code what} says what the call does, for the message.
     */
    long before(String what) {
        if (!watching) {
            return 0;
        }
        if (breaker.getState() != CircuitBreaker.State.CLOSED || !breaker.tryAcquirePermission()) {
            Instant since = downSince != null ? downSince : clock.instant();
            throw new StoreDownException("Coquille's store could not " + what + ": the store is down since " + since
                    + " (" + lastFailure + "); it is checked again every " + retry.toMillis() + " ms", since);
        }
        return System.nanoTime();
    }

    /** Records how a call let through at {@code started} ended: {@code failure} is {@code null} when the database answered. */
    void after(long started, SQLException failure) {
        if (!watching) {
            return;
        }
        long took = System.nanoTime() - started;
        if (failure == null) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            if (isOutage(failure)) {
                lastFailure = describe(failure);
            }
            breaker.onError(took, TimeUnit.NANOSECONDS, failure);
        }
    }

    private void probe(Probe probe) {
        if (breaker.getState() == CircuitBreaker.State.CLOSED || !breaker.tryAcquirePermission()) {
            return;
        }
        long started = System.nanoTime();
        SQLException failure;
        try {
            failure = probe.answers() ? null : new SQLNonTransientConnectionException("the database did not answer", "08000");
        } catch (SQLException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new SQLNonTransientConnectionException(e.toString(), "08000", e);
        }
        try {
            after(started, failure);
        } catch (RuntimeException e) {
            LOG.debug("The store probe could not record its outcome", e);
        }
    }

    private void changed(CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.State to = event.getStateTransition().getToState();
        if (to == CircuitBreaker.State.OPEN && downSince == null) {
            downSince = clock.instant();
            LOG.warn("Coquille's store is down ({}): pages are served without their widgets and writes answer 503 at once;"
                    + " the database is checked every {} ms in the background", lastFailure, retry.toMillis());
        } else if (to == CircuitBreaker.State.CLOSED && downSince != null) {
            Duration down = Duration.between(downSince, clock.instant());
            downSince = null;
            LOG.info("Coquille's store answers again after {} s down: widgets and writes are back", down.toSeconds());
        }
    }

    /**
     * Whether {@code failure} says the database could not be reached or did not answer in time, as opposed to
     * refusing one statement (a constraint, a conflict, a bug), which leaves the breaker closed. HikariCP's
     * timeout counts even without a failed connection attempt behind it: a database that hangs keeps the pool's
     * new connections waiting, and a pool exhausted for a whole connection timeout is a store to back off from.
     */
    static boolean isOutage(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isOutage(suppressed)) {
                return true;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("57014") || state.equals("HYT00") || state.equals("HYT01")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What went wrong, for the log: the SQL state, the driver's message and, when another exception lies under it
     * (a refused connection, a read timeout), that one's; never a statement.
     */
    private static String describe(SQLException failure) {
        SQLException driver = failure;
        Throwable inner = failure;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
            if (inner instanceof SQLException sql) {
                driver = sql;
            }
        }
        String state = driver.getSQLState() != null ? driver.getSQLState() : failure.getSQLState();
        String text = firstLine(driver) + (inner != driver ? " (" + firstLine(inner) + ")" : "");
        return (state == null ? "" : "SQL state " + state + ": ") + text;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }

    @Override
    public void close() {
        if (prober != null) {
            prober.shutdownNow();
        }
    }
}
