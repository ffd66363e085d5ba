package org.coquille.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.coquille.spi.ChangeNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change notices of this node waiting to be sent, sent in their order by one thread of their own, as many at a
 * time as have gathered within {@value #LINGER_MILLIS} ms of the first: a write hands its notice over and goes on, and
 * under load one statement carries many notices (measured: sending each alone took a sixth of the server's time at
 * 650 votes a second). A notice that cannot be sent (the store is down, the queue is full) is dropped, said once in the log: the
 * other nodes then see that change within the cache's time to live.
 */
final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int CAPACITY = 10_000;
    private static final int BATCH = 500;
    /** How long the first notice waits for others to go with it. */
    static final long LINGER_MILLIS = 5;

    private final BlockingQueue<ChangeNotice> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Consumer<List<ChangeNotice>> send;
    private final Thread thread;
    private volatile boolean closed;
    private boolean failing;

    /** @param send sends the notices given, in order, or throws */
    Outbox(String threadName, Consumer<List<ChangeNotice>> send) {
        this.send = send;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    void add(ChangeNotice notice) {
        if (!queue.offer(notice) && !failing) {
            failing = true;
            LOG.warn("Coquille could not tell the other nodes of its changes fast enough (more than {} waiting): they"
                    + " see them within the cache's time to live", CAPACITY);
        }
    }

    private void run() {
        List<ChangeNotice> batch = new ArrayList<>(BATCH);
        while (!closed) {
            try {
                ChangeNotice first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                Thread.sleep(LINGER_MILLIS);
                queue.drainTo(batch, BATCH - 1);
                send.accept(batch);
                if (failing) {
                    failing = false;
                    LOG.info("Coquille tells the other nodes of its changes again");
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing && !closed) {
                    failing = true;
                    LOG.warn("Coquille could not tell the other nodes of {} change(s): they see them within the cache's"
                            + " time to live ({})", batch.size(), e.toString());
                }
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
