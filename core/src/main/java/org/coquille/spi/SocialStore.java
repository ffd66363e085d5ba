package org.coquille.spi;

/**
 * Everything Coquille stores, in one place. Implementations are thread-safe; the unique rules
 * (one vote per user and page, one answer per user and poll, one reaction per user, emoji and
 * page, one vote per user and idea, one answer per user and date-poll slot) hold under concurrent
 * writers, and every multi-row change is atomic.
 */
public interface SocialStore extends PageStore, CommentStore, VoteStore, PollStore, ReactionStore, ViewStore,
        PageCatalogueStore, SettingsStore, AuditStore,
        ActivityStore, PersonalDataStore, IdeaStore, DatePollStore,
        AutoCloseable {

    /** A short description for logs, such as {@code "H2 at /srv/intranet/coquille"}; never a password. */
    String describe();

    /** Releases the store's connections; a store it was handed (a {@code DataSource}) stays open. */
    @Override
    void close();
}
