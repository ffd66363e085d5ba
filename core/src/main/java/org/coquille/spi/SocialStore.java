package org.coquille.spi;

/**
 * Everything Coquille stores, as one part per area. A store is put together from its parts, and a
 * third-party store implements and tests one area at a time (the contract suite is split the same way).
 * Implementations are thread-safe; the unique rules (one vote per user and page, one answer per user and
 * poll, one reaction per user, emoji and page, one vote per user and idea, one answer per user and
 * date-poll slot) hold under concurrent writers, and every multi-row change is atomic.
 *
 * <p>Each accessor returns the same part every time.
 */
public interface SocialStore extends AutoCloseable {

    /** Each page's own settings. */
    PageStore pages();

    /** Comments and their states. */
    CommentStore comments();

    /** Page votes. */
    VoteStore votes();

    /** Polls and their answers. */
    PollStore polls();

    /** Emoji reactions. */
    ReactionStore reactions();

    /** Page views per day. */
    ViewStore views();

    /** The pages Coquille has served. */
    PageCatalogueStore catalogue();

    /** URL pattern rules, and the settings changes that span pages (delete, import). */
    SettingsStore settings();

    /** The moderation audit trail. */
    AuditStore audit();

    /** Contributions and the sums of the usage report. */
    ActivityStore activity();

    /** One person's data, for export and erasure. */
    PersonalDataStore personalData();

    /** The idea box. */
    IdeaStore ideas();

    /** Date polls. */
    DatePollStore datePolls();

    /**
     * How the nodes that share this store tell each other what they changed, so that their caches agree within a
     * moment; {@link ChangeChannel#NONE} (the default) for a store that one node alone uses, or whose nodes may stay
     * apart for the cache's time to live.
     */
    default ChangeChannel changes() {
        return ChangeChannel.NONE;
    }

    /**
     * The e-mail outbox and people's notification choices. A store without one (written before notifications) keeps
     * them off: this default says so.
     *
     * @throws UnsupportedOperationException when this store keeps no outbox
     */
    default OutboxStore outbox() {
        throw new UnsupportedOperationException("This store keeps no e-mail outbox");
    }

    /** A short description for logs, such as {@code "H2 at /srv/intranet/coquille"}; never a password. */
    String describe();

    /** Releases the store's connections; a store it was handed (a {@code DataSource}) stays open. */
    @Override
    void close();
}
