package org.coquille.store.jdbc;

import org.coquille.spi.ChangeChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a node hears the other nodes: says once in the log when it stops (WARN, with why) and once when it hears
 * them again (INFO), and tells the node's listener, which relies on the cache's time to live meanwhile and forgets
 * everything once back.
 */
final class ChannelState {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelState.class);

    private final String how;
    private final ChangeChannel.Listener listener;
    private boolean heard;
    private boolean lost;

    /** @param how the channel, for the log, such as {@code "PostgreSQL LISTEN/NOTIFY"} */
    ChannelState(String how, ChangeChannel.Listener listener) {
        this.how = how;
        this.listener = listener;
    }

    /**
     * The channel works: after a loss, said once. The listener forgets what it may have missed then, and also the
     * first time, for what it cached before the channel was up.
     */
    synchronized void working() {
        if (lost) {
            lost = false;
            LOG.info("Coquille hears the other nodes' changes again through {}", how);
            listener.restored();
        } else if (!heard) {
            LOG.debug("Coquille hears the other nodes' changes through {}", how);
            listener.restored();
        }
        heard = true;
    }

    /** The channel failed: said once until it works again. */
    synchronized void failed(Exception why) {
        if (!lost) {
            lost = true;
            LOG.warn("Coquille lost {} to the other nodes: their changes show here within the cache's time to live"
                    + " until it is back; reconnecting ({})", how, why.toString());
            listener.lost();
        }
    }

    synchronized boolean isLost() {
        return lost;
    }
}
