package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.coquille.spi.StoreDownException;
import org.coquille.spi.StoreUnavailableException;

/**
 * Group commit for one kind of one-row write (a vote): while one request's thread writes, the rows that other
 * requests bring wait in a queue, and the next thread to write takes them all, in one transaction and one round trip
 * (a JDBC batch). Each caller returns once its own row is committed, or throws what its own row met: when a batch
 * fails for a reason other than the store being down, its rows are written again one by one, so that one bad row
 * fails alone. The database then does one commit for many rows, and each row costs no round trip of its own.
 *
 * <p>Rows are written in the order of their keys (stable: one person's two votes keep their order), so that two
 * nodes writing overlapping batches take their row locks in the same order and cannot deadlock each other.
 *
 * @param <R> a row
 */
final class GroupCommit<R> {

    /** Writes {@code rows}, in order, on {@code connection}, inside the transaction {@link GroupCommit} holds. */
    @FunctionalInterface
    interface Batch<R> {
        void write(Connection connection, List<R> rows) throws SQLException;
    }

    /** The most rows one transaction takes; the rest wait for the next. */
    static final int MAX_ROWS = 256;

    private static final class Waiting<R> {
        final R row;
        volatile boolean done;
        volatile RuntimeException failure;

        Waiting(R row) {
            this.row = row;
        }
    }

    private final Sql sql;
    private final String what;
    private final Comparator<R> order;
    private final Batch<R> batch;
    private final Queue<Waiting<R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    /**
     * @param what  what a batch does, for error messages ("record votes")
     * @param order the order rows are written in: the row's key
     */
    GroupCommit(Sql sql, String what, Comparator<R> order, Batch<R> batch) {
        this.sql = sql;
        this.what = what;
        this.order = order;
        this.batch = batch;
    }

    /** Writes {@code row}, with whatever rows wait at the time, and returns once it is committed. */
    void write(R row) {
        Waiting<R> mine = new Waiting<>(row);
        queue.add(mine);
        while (!mine.done) {
            writing.lock();
            try {
                if (!mine.done) {
                    writeWaiting();
                }
            } finally {
                writing.unlock();
            }
        }
        RuntimeException failure = mine.failure;
        if (failure instanceof StoreUnavailableException && !(failure instanceof StoreDownException)) {
            // thrown again on this thread, with its own stack, and the writing thread's failure as the cause
            throw new StoreUnavailableException(failure.getMessage(), failure);
        }
        if (failure != null) {
            throw failure; // the store known down (no stack to keep), or a bug in the batch
        }
    }

    /** How many rows wait for a writer (for tests). */
    int waiting() {
        return queue.size();
    }

    /** Takes up to {@link #MAX_ROWS} waiting rows and writes them; called holding {@link #writing}. */
    private void writeWaiting() {
        List<Waiting<R>> taken = new ArrayList<>();
        for (Waiting<R> next; taken.size() < MAX_ROWS && (next = queue.poll()) != null; ) {
            taken.add(next);
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            writeTaken(taken);
        } finally {
            // whatever happened (an Error), no caller is left waiting for a row nobody will write
            finish(taken.stream().filter(w -> !w.done).toList(),
                    new StoreUnavailableException("Coquille's store could not " + what, null));
        }
    }

    private void writeTaken(List<Waiting<R>> taken) {
        taken.sort(Comparator.comparing(w -> w.row, order));
        List<R> rows = taken.stream().map(w -> w.row).toList();
        try {
            if (rows.size() == 1) {
                sql.writeStatement(what, c -> {
                    batch.write(c, rows);
                    return null;
                });
            } else {
                sql.write(what, c -> {
                    batch.write(c, rows);
                    return null;
                });
            }
            finish(taken, null);
        } catch (RuntimeException e) {
            if (rows.size() == 1 || sql.breaker().isDown()) {
                finish(taken, e);
            } else {
                for (Waiting<R> one : taken) {
                    writeAlone(one);
                }
            }
        }
    }

    private void writeAlone(Waiting<R> one) {
        try {
            sql.writeStatement(what, c -> {
                batch.write(c, List.of(one.row));
                return null;
            });
            finish(List.of(one), null);
        } catch (RuntimeException e) {
            finish(List.of(one), e);
        }
    }

    private static <R> void finish(List<Waiting<R>> rows, RuntimeException failure) {
        for (Waiting<R> w : rows) {
            w.failure = failure;
            w.done = true;
        }
    }
}
