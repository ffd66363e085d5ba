package org.coquille.spi;

/**
 * How the nodes that share one store tell each other what they changed, so that each node's cache forgets it at once
 * rather than at the end of its time to live ({@code coquille.cache.ttl}, which stays the safety net). A store offers
 * one through {@link SocialStore#changes()}; the JDBC store's is {@code LISTEN}/{@code NOTIFY} on PostgreSQL and a
 * polled change log on MariaDB. A custom store (on Redis pub/sub, a JMS topic, its own database's channel) implements
 * these two methods.
 *
 * <p>Coquille publishes a notice after each write it made through the store has committed, and forgets what a
 * received notice names. A channel may deliver a notice late, twice, or back to the node that sent it (that node
 * ignores it); it may lose notices only while it reports itself {@linkplain Listener#lost() lost}.
 *
 * <pre>{@code
 * public final class MyStore implements SocialStore {
 *     private final ChangeChannel changes = new MyTopicChannel(topic); // publish: send; listen: subscribe
 *     @Override public ChangeChannel changes() { return changes; }
 *     ...
 * }
 * }</pre>
 */
public interface ChangeChannel {

    /** No channel: one node alone, or nodes that rely on the cache's time to live. */
    ChangeChannel NONE = new ChangeChannel() {
        @Override
        public void publish(ChangeNotice notice) {
            // nobody to tell
        }

        @Override
        public void listen(Listener listener) {
            // nothing will come
        }
    };

    /**
     * Tells the other nodes of {@code notice}, soon (a channel may send it from a thread of its own, with others).
     * Called after the change committed; must not wait long, as a request may be waiting. A failure to send is the
     * channel's to log: the write itself succeeded.
     */
    void publish(ChangeNotice notice);

    /**
     * Starts delivering every other node's notices to {@code listener}, from a thread of the channel's own; called
     * once, before the first {@link #publish}. The channel reconnects by itself when it loses its way to the others.
     */
    void listen(Listener listener);

    /** What a node does with what the channel delivers. Its methods return quickly and never throw. */
    interface Listener {

        /** Another node changed what {@code notice} names. */
        void received(ChangeNotice notice);

        /** Notices may be missed from now on (the channel lost its connection): the cache's time to live rules. */
        void lost();

        /** Notices come again after a {@link #lost()}; those of the gap may be missing, so the node forgets all. */
        void restored();

        /**
         * The id of the listening node ({@link ChangeNotice#node()}), so that a channel that hears its own notices
         * back may drop them before reading them (a notice's {@link ChangeNotice#text()} starts with its node and a
         * space); {@code null} if unknown.
         */
        default String node() {
            return null;
        }
    }
}
