package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.coquille.spi.ChangeChannel;
import org.coquille.spi.ChangeNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes' channel on PostgreSQL: {@code NOTIFY} on channel {@value #CHANNEL}, sent through the store's pool right
 * after the write commits (many notices to one {@code NOTIFY} under load), and {@code LISTEN} on a connection of its
 * own, outside the pool, read with pgjdbc's {@code PGConnection.getNotifications(int)} ({@link Pgjdbc}). A lost listening connection
 * is opened again with a growing pause (a quarter of a second, doubling, at most ten seconds).
 */
final class PostgresChanges implements ChangeChannel, AutoCloseable {

    /** The channel's name. */
    static final String CHANNEL = "coquille_changes";
    /** A {@code NOTIFY} payload is at most 8000 bytes; notices are ASCII. */
    private static final int PAYLOAD = 7_900;
    private static final int WAIT_MILLIS = 500;
    private static final long CHECK_AFTER_MILLIS = 5_000;
    private static final Executor IN_PLACE = Runnable::run;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChanges.class);

    /** Opens the listening connection. */
    @FunctionalInterface
    interface Connect {
        Connection open() throws SQLException;
    }

    private final Sql sql;
    private final Connect connect;
    private final Outbox outbox;
    private volatile boolean closed;
    private volatile Connection listening;
    private volatile int backendPid;
    private Thread thread;

    PostgresChanges(Sql sql, Connect connect) {
        this.sql = sql;
        this.connect = connect;
        this.outbox = new Outbox("coquille-notify", this::send);
    }

    @Override
    public void publish(ChangeNotice notice) {
        outbox.add(notice);
    }

    @Override
    public synchronized void listen(Listener listener) {
        if (thread != null) {
            throw new IllegalStateException("The channel has a listener already");
        }
        ChannelState state = new ChannelState("PostgreSQL LISTEN/NOTIFY", listener);
        thread = new Thread(() -> run(state, listener), "coquille-listen");
        thread.setDaemon(true);
        thread.start();
    }

    private void send(List<ChangeNotice> notices) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (ChangeNotice notice : notices) {
            String text = notice.text();
            if (payload.length() > 0 && payload.length() + 1 + text.length() > PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            payload.append(payload.length() > 0 ? "\n" : "").append(text);
        }
        payloads.add(payload.toString());
        sql.read("tell the other nodes of a change", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                for (String p : payloads) {
                    s.setString(1, CHANNEL);
                    s.setString(2, p);
                    s.executeQuery().close();
                }
            }
            return null;
        });
    }

    private void run(ChannelState state, Listener listener) {
        long pause = 250;
        while (!closed) {
            try (Connection connection = connect.open()) {
                listening = connection;
                connection.setAutoCommit(true);
                connection.setNetworkTimeout(IN_PLACE, 10_000); // a dead peer fails the check below, at the latest
                Pgjdbc.Listening pg = Pgjdbc.of(connection);
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                backendPid = pg.backendPid();
                state.working();
                pause = 250;
                long quietSince = System.nanoTime();
                while (!closed) {
                    List<String> received = pg.notifications(CHANNEL, WAIT_MILLIS);
                    if (!received.isEmpty()) {
                        deliver(received, listener, listener.node() == null ? null : listener.node() + " ");
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > CHECK_AFTER_MILLIS * 1_000_000) {
                        try (Statement s = connection.createStatement()) {
                            s.execute("SELECT 1"); // a connection cut without a word fails here
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                state.failed(e);
            } finally {
                listening = null;
                backendPid = 0;
            }
            if (!closed) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private static void deliver(List<String> payloads, Listener listener, String ownPrefix) {
        for (String payload : payloads) {
            for (String line : payload.split("\n")) {
                if (ownPrefix != null && line.startsWith(ownPrefix)) {
                    continue; // this node's own notice, back: nothing to forget
                }
                ChangeNotice notice;
                try {
                    notice = ChangeNotice.parse(line);
                } catch (IllegalArgumentException e) {
                    LOG.debug("Coquille ignored a notice it cannot read (another version?): {}", line);
                    continue;
                }
                listener.received(notice);
            }
        }
    }

    /** The server process of the listening connection, or 0 while there is none: for tests that cut it. */
    int backendPid() {
        return backendPid;
    }

    @Override
    public void close() {
        closed = true;
        outbox.close();
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection", e);
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
