package org.coquille.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.coquille.core.PageId;
import org.coquille.spi.ChangeChannel;
import org.coquille.spi.ChangeNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node among the nodes that share one store: its id, the count of the changes it made, how far it has heard
 * each other node, and the store's {@link ChangeChannel} that carries the notices both ways.
 */
final class NodeChanges implements ChangeChannel.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(NodeChanges.class);

    private final String id;
    private final ChangeChannel channel;
    /** The last sequence heard from each other node; a node that restarts has a new id. */
    private final Cache<String, Long> heard = Caffeine.newBuilder().executor(Runnable::run).maximumSize(1_000).build();
    /** This node's last change number; written under the lock of {@link #changed}, read by {@link #mark()} without it. */
    private volatile long sequence;
    private Consumer<ChangeNotice> forget = n -> { };
    private Runnable forgetAll = () -> { };

    NodeChanges(ChangeChannel channel) {
        this.channel = channel;
        byte[] random = new byte[9];
        new SecureRandom().nextBytes(random);
        this.id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Starts listening; {@code forget} evicts what a notice names, {@code forgetAll} everything. */
    void start(Consumer<ChangeNotice> forget, Runnable forgetAll) {
        this.forget = forget;
        this.forgetAll = forgetAll;
        try {
            channel.listen(this);
        } catch (RuntimeException e) {
            LOG.warn("Coquille's store offers no working change channel: other nodes' changes show after the cache's"
                    + " time to live", e);
        }
    }

    /**
     * A change made on this node, committed: tells the other nodes, then forgets it here before it returns, so that
     * the writer's next request on this node reads the change. Numbered and handed to the channel in one step under
     * a lock that covers nothing else (handing over only queues the notice), so that the channel carries this node's
     * notices in the order of their numbers. Forgetting happens outside the lock: it may wait for a read of the same
     * entry that is in flight (a database round trip), and every other write and {@link #mark()} would queue behind.
     */
    void changed(ChangeNotice.Area area, PageId page, Long item, String user) {
        ChangeNotice notice;
        synchronized (this) {
            notice = new ChangeNotice(id, sequence + 1, area, page, item, user);
            sequence = notice.sequence();
            try {
                channel.publish(notice);
            } catch (RuntimeException e) {
                LOG.debug("Coquille could not tell the other nodes of a change", e); // the channel logs its failures
            }
        }
        forget.accept(notice);
    }

    /** This node's id and last change, as {@code id.sequence}: what a person who wrote here has to see. */
    String mark() {
        return id + "." + sequence;
    }

    /** Whether this node has forgotten everything that changed up to {@code mark} (from {@link #mark()}, any node). */
    boolean caughtUp(String mark) {
        int dot = mark == null ? -1 : mark.lastIndexOf('.');
        if (dot <= 0) {
            return true; // not a mark: nothing to catch up with
        }
        String node = mark.substring(0, dot);
        long wanted;
        try {
            wanted = Long.parseLong(mark.substring(dot + 1));
        } catch (NumberFormatException e) {
            return true;
        }
        if (node.equals(id)) {
            return true; // this node's own changes are forgotten here before they are told
        }
        Long seen = heard.getIfPresent(node);
        return seen != null && seen >= wanted;
    }

    @Override
    public void received(ChangeNotice notice) {
        if (notice.node().equals(id)) {
            return;
        }
        try {
            forget.accept(notice);
        } finally {
            heard.asMap().merge(notice.node(), notice.sequence(), Math::max); // after forgetting: then it is seen
        }
    }

    @Override
    public void lost() {
        // the cache's time to live rules until restored(); the channel said why in the log
    }

    @Override
    public void restored() {
        forgetAll.run();
    }

    @Override
    public String node() {
        return id;
    }

    String id() {
        return id;
    }
}
