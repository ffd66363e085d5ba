package org.coquille.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.coquille.spi.StoreUnavailableException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows written together: each caller's row committed when it returns, and a bad row failing alone. */
class GroupCommitTest {

    /** A row: key, value; the table refuses negative values. */
    private record Row(int key, int value) { }

    private JdbcDataSource db;
    private Sql sql;
    private final AtomicInteger batches = new AtomicInteger();
    private final Map<Integer, Integer> batchSizes = new ConcurrentHashMap<>();

    @BeforeEach
    void table() throws SQLException {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:group" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k INT PRIMARY KEY, v INT NOT NULL CHECK (v >= 0))");
        }
        sql = new Sql(db, Dialect.H2, false);
    }

    private void merge(Connection c, List<Row> rows) throws SQLException {
        batchSizes.merge(rows.size(), 1, Integer::sum);
        batches.incrementAndGet();
        try (PreparedStatement s = c.prepareStatement("MERGE INTO t (k, v) KEY (k) VALUES (?, ?)")) {
            for (Row row : rows) {
                s.setInt(1, row.key());
                s.setInt(2, row.value());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private Integer stored(int key) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT v FROM t WHERE k = ?")) {
            s.setInt(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : null;
            }
        }
    }

    @Test
    void everyCallerFindsItsRowCommittedWhenItReturns() throws Exception {
        GroupCommit<Row> rows = new GroupCommit<>(sql, "write a row", Comparator.comparingInt(Row::key), this::merge);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> misses = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                misses.add(threads.submit(() -> {
                    int missing = 0;
                    for (int i = 0; i < 200; i++) {
                        int key = thread * 1_000 + i;
                        rows.write(new Row(key, i));
                        if (!Integer.valueOf(i).equals(stored(key))) {
                            missing++; // read on another connection: only a committed row shows
                        }
                    }
                    return missing;
                }));
            }
            for (Future<Integer> m : misses) {
                assertThat(m.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(16 * 200);
        }
        assertThat(batches.get()).as("never more writes than rows").isLessThanOrEqualTo(16 * 200);
    }

    @Test
    void aBadRowInABatchFailsAloneAndTheOthersAreCommitted() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<Row> rows = new GroupCommit<>(sql, "write a row", Comparator.comparingInt(Row::key), (c, batch) -> {
            if (batch.get(0).key() == 0) { // the first writer holds the way while the others queue behind it
                firstWriteStarted.countDown();
                await(othersQueued);
            }
            merge(c, batch);
        });
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<?> first = threads.submit(() -> rows.write(new Row(0, 0)));
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> good = new ArrayList<>();
            for (int key = 1; key <= 3; key++) {
                Row row = new Row(key, key * 10);
                good.add(threads.submit(() -> rows.write(row)));
            }
            Future<?> bad = threads.submit(() -> rows.write(new Row(4, -1)));
            while (rows.waiting() < 4) {
                Thread.sleep(5);
            }
            othersQueued.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> g : good) {
                g.get(10, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class)
                    .cause().hasMessageContaining("could not write a row").hasMessageContaining("SQL state 23");
        } finally {
            threads.shutdownNow();
        }
        assertThat(batchSizes).as("the four queued rows were tried together first").containsKey(4);
        assertThat(stored(1)).isEqualTo(10);
        assertThat(stored(2)).isEqualTo(20);
        assertThat(stored(3)).isEqualTo(30);
        assertThat(stored(4)).as("the bad row, and only it, is not stored").isNull();
    }

    @Test
    void oneAloneIsWrittenAsOneStatement() throws Exception {
        GroupCommit<Row> rows = new GroupCommit<>(sql, "write a row", Comparator.comparingInt(Row::key), this::merge);
        rows.write(new Row(7, 70));
        rows.write(new Row(7, 71));
        assertThat(stored(7)).as("a later write of the same key wins").isEqualTo(71);
        assertThat(batchSizes).containsOnlyKeys(1);
        assertThatThrownBy(() -> rows.write(new Row(8, -8))).isInstanceOf(StoreUnavailableException.class);
        assertThat(stored(8)).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("nobody queued");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
