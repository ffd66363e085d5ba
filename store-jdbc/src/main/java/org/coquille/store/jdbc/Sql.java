package org.coquille.store.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.coquille.spi.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections, transactions and failures for the JDBC store: reads run in auto-commit, writes in one
 * transaction retried on a write conflict, and every {@link SQLException} leaves as a
 * {@link StoreUnavailableException} that says what could not be done. Every call crosses the store's circuit
 * breaker here, and waits at most the network timeout for each answer of the database.
 */
final class Sql {

    /** Work done on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A write is tried this many times (retried once) when it loses a race (unique violation, deadlock, serialization). */
    static final int ATTEMPTS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final boolean forceReadCommitted;
    private final StoreBreaker breaker;
    private final int answerTimeoutMillis;
    private volatile boolean closed;

    /**
     * @param forceReadCommitted whether the connections may come at another isolation level (a host's
     *                           pool), so that each write must switch to read committed and back
     */
    Sql(DataSource dataSource, Dialect dialect, boolean forceReadCommitted) {
        this(dataSource, dialect, forceReadCommitted, Timeouts.DEFAULTS);
    }

    /**
     * @param timeouts how long to wait for each answer of the database, and how often to probe it once it is found
     *                 down; neither applies to H2, the embedded database, which has no network to lose
     */
    Sql(DataSource dataSource, Dialect dialect, boolean forceReadCommitted, Timeouts timeouts) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.forceReadCommitted = forceReadCommitted;
        this.answerTimeoutMillis = dialect == Dialect.H2 ? 0 : (int) Math.min(Integer.MAX_VALUE, timeouts.query().toMillis());
        this.breaker = dialect == Dialect.H2 ? StoreBreaker.never()
                : new StoreBreaker("coquille-store", timeouts.retry(), this::answers, java.time.Clock.systemUTC());
    }

    /** The store's circuit breaker: whether it is known to be down. */
    StoreBreaker breaker() {
        return breaker;
    }

    Dialect dialect() {
        return dialect;
    }

    void close() {
        closed = true;
        breaker.close();
    }

    /** Runs {@code work} in auto-commit mode; {@code what} says what it does, for the error message. */
    <T> T read(String what, Work<T> work) {
        checkOpen(what);
        long started = breaker.before(what);
        SQLException failure = null;
        try (Borrowed borrowed = borrow()) {
            Connection connection = borrowed.connection;
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            failure = e;
            throw unavailable(what, e);
        } finally {
            breaker.after(started, failure);
        }
    }

    /**
     * Runs {@code work} in one transaction, committed at the end. If the database refuses it because a
     * concurrent writer won a race, the whole transaction is tried again, up to {@value #ATTEMPTS} times.
     */
    <T> T write(String what, Work<T> work) {
        return write(what, work, false);
    }

    /**
     * Runs {@code work}, one statement that is atomic by itself (an upsert, a delete), in auto-commit mode: as
     * {@link #write} but without the round trip of a separate {@code COMMIT}.
     */
    <T> T writeStatement(String what, Work<T> work) {
        return write(what, work, true);
    }

    private <T> T write(String what, Work<T> work, boolean oneStatement) {
        for (int attempt = 1; ; attempt++) {
            checkOpen(what);
            long started = breaker.before(what);
            SQLException conflict;
            try {
                T result = oneStatement ? alone(work) : transaction(work);
                breaker.after(started, null);
                return result;
            } catch (SQLException e) {
                breaker.after(started, e);
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw unavailable(what, e);
                }
                conflict = e;
            } catch (RuntimeException | Error e) {
                breaker.after(started, null); // the database answered; the work itself failed
                throw e;
            }
            LOG.debug("Trying again to {} after a write conflict (SQL state {})", what, conflict.getSQLState());
            pause(what, conflict, attempt);
        }
    }

    /**
     * Runs {@code work} in a read-committed transaction: the upserts and unique keys make concurrent
     * writers wait for each other there, where a stricter level would fail them with serialization errors.
     */
    private <T> T transaction(Work<T> work) throws SQLException {
        try (Borrowed borrowed = borrow()) {
            Connection connection = borrowed.connection;
            int isolation = forceReadCommitted ? connection.getTransactionIsolation() : Connection.TRANSACTION_READ_COMMITTED;
            if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                try {
                    restore(connection, isolation, autoCommit);
                } catch (SQLException restore) {
                    e.addSuppressed(restore); // a lost connection's "closed" must not hide why it was lost
                }
                throw e;
            }
            restore(connection, isolation, autoCommit);
            return result;
        }
    }

    /** Runs one statement in auto-commit mode at read committed, on a borrowed connection. */
    private <T> T alone(Work<T> work) throws SQLException {
        try (Borrowed borrowed = borrow()) {
            Connection connection = borrowed.connection;
            int isolation = forceReadCommitted ? connection.getTransactionIsolation() : Connection.TRANSACTION_READ_COMMITTED;
            boolean autoCommit = connection.getAutoCommit();
            if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                restore(connection, isolation, autoCommit);
            }
        }
    }

    private static void restore(Connection connection, int isolation, boolean autoCommit) throws SQLException {
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
            connection.setTransactionIsolation(isolation);
        }
        connection.setAutoCommit(autoCommit);
    }

    /** Whether the database answers: the background probe of a store found down. */
    private boolean answers() throws SQLException {
        try (Borrowed borrowed = borrow()) {
            int seconds = (int) Math.max(1, (answerTimeoutMillis + 999) / 1000);
            return borrowed.connection.isValid(seconds);
        }
    }

    /** Runs the network timeout's callbacks on the thread that notices it: the driver only closes its socket there. */
    private static final Executor IN_PLACE = Runnable::run;

    /**
     * A connection from the pool, set to wait at most {@link Timeouts#query()} for each answer; given back with the
     * network timeout it came with (a host's pool keeps its own settings).
     */
    private Borrowed borrow() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (answerTimeoutMillis <= 0) {
            return new Borrowed(connection, -1);
        }
        try {
            int previous = connection.getNetworkTimeout();
            if (previous == answerTimeoutMillis) {
                return new Borrowed(connection, -1);
            }
            connection.setNetworkTimeout(IN_PLACE, answerTimeoutMillis);
            return new Borrowed(connection, previous);
        } catch (SQLFeatureNotSupportedException | AbstractMethodError e) {
            return new Borrowed(connection, -1); // a driver without network timeouts: the pool's own limits apply
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException close) {
                e.addSuppressed(close);
            }
            throw e;
        }
    }

    /** A borrowed connection and the network timeout to put back, or -1 to leave it. */
    private record Borrowed(Connection connection, int previousTimeout) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                if (previousTimeout >= 0 && !connection.isClosed()) {
                    connection.setNetworkTimeout(IN_PLACE, previousTimeout);
                }
            } finally {
                connection.close();
            }
        }
    }

    /** Whether {@code e} means another transaction won a race, so that trying again can succeed. */
    static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("23") || state.equals("40001") || state.equals("40P01"))) {
                    return true;
                }
                if (sql.getErrorCode() == 1213) { // MariaDB: deadlock found when trying to get lock
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static void pause(String what, SQLException e, int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(what, e);
        }
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new StoreUnavailableException("Coquille's store could not " + what + ": the store is closed", null);
        }
    }

    /** The exception for {@code e}: what failed and the SQL state, never the statement or its values. */
    static StoreUnavailableException unavailable(String what, SQLException e) {
        SQLException first = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = first.getSQLState() == null ? "" : " (SQL state " + first.getSQLState() + ")";
        return new StoreUnavailableException("Coquille's store could not " + what + state, e);
    }

    static void setNullableMillis(PreparedStatement statement, int index, Instant at) throws SQLException {
        if (at == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, at.toEpochMilli());
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** {@code at} as it reads back: to the millisecond. */
    static Instant stored(Instant at) {
        return at == null ? null : Instant.ofEpochMilli(at.toEpochMilli());
    }

    /** Rejects a value longer than its column, rather than letting a database truncate it. */
    static String fits(String value, int max, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("A " + what + " has at most " + max + " characters, was " + value.length());
        }
        return value;
    }
}
