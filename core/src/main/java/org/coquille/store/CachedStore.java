package org.coquille.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.spi.ActivityStore;
import org.coquille.spi.AuditStore;
import org.coquille.spi.CommentStore;
import org.coquille.spi.DatePollStore;
import org.coquille.spi.IdeaStore;
import org.coquille.spi.PageCatalogueStore;
import org.coquille.spi.PageStore;
import org.coquille.spi.PersonalDataStore;
import org.coquille.spi.PollStore;
import org.coquille.spi.ReactionStore;
import org.coquille.spi.SettingsStore;
import org.coquille.spi.SocialStore;
import org.coquille.spi.ViewStore;
import org.coquille.spi.VoteStore;

/**
 * A read-through cache in front of another store, for the reads every page view makes (settings, pattern rules,
 * counts, comments, polls, ideas, the viewer's own votes and reactions); the other areas (views, catalogue, activity)
 * are the store's own parts, read through. Writes made through it invalidate what they change at once; entries also
 * expire after a bounded time, so that writes made by other nodes sharing the same database show within that time.
 */
public final class CachedStore implements SocialStore {

    private final SocialStore store;
    private final Caching caching;
    private final CachedPages pages;
    private final CachedComments comments;
    private final CachedVotes votes;
    private final CachedPolls polls;
    private final CachedReactions reactions;
    private final CachedSettings settings;
    private final CachedAudit audit;
    private final CachedIdeas ideas;
    private final CachedDatePolls datePolls;
    private final CachedPersonalData personalData;

    /**
     * @param store  the store to read through
     * @param ttl    how long an entry may live before it is read again
     * @param ticker the time source (a fake one in tests)
     */
    public CachedStore(SocialStore store, Duration ttl, Ticker ticker) {
        this.store = Objects.requireNonNull(store, "store");
        this.caching = new Caching(ttl, ticker);
        this.pages = new CachedPages(store.pages(), caching);
        this.comments = new CachedComments(store.comments(), caching);
        this.votes = new CachedVotes(store.votes(), caching);
        this.polls = new CachedPolls(store.polls(), caching);
        this.reactions = new CachedReactions(store.reactions(), caching);
        this.settings = new CachedSettings(store.settings(), caching, pages);
        this.audit = new CachedAudit(store.audit(), comments);
        this.ideas = new CachedIdeas(store.ideas(), caching);
        this.datePolls = new CachedDatePolls(store.datePolls(), caching);
        this.personalData = new CachedPersonalData(store.personalData(), List.of(comments::forgetAll,
                votes::forgetAll, polls::forgetAll, reactions::forgetAll, ideas::forgetAll, datePolls::forgetAll));
    }

    /**
     * How many writes were made through this cache so far. Whatever is derived from cached reads (a rendered
     * fragment) is stale once this moves.
     */
    public long writes() {
        return caching.writes();
    }

    /** The store behind the cache. */
    public SocialStore delegate() {
        return store;
    }

    @Override
    public PageStore pages() {
        return pages;
    }

    @Override
    public CommentStore comments() {
        return comments;
    }

    @Override
    public VoteStore votes() {
        return votes;
    }

    @Override
    public PollStore polls() {
        return polls;
    }

    @Override
    public ReactionStore reactions() {
        return reactions;
    }

    @Override
    public ViewStore views() {
        return store.views();
    }

    @Override
    public PageCatalogueStore catalogue() {
        return store.catalogue();
    }

    @Override
    public SettingsStore settings() {
        return settings;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public ActivityStore activity() {
        return store.activity();
    }

    @Override
    public PersonalDataStore personalData() {
        return personalData;
    }

    @Override
    public IdeaStore ideas() {
        return ideas;
    }

    @Override
    public DatePollStore datePolls() {
        return datePolls;
    }

    /** The store's own outbox: nothing in it is read on a page view. */
    @Override
    public org.coquille.spi.OutboxStore outbox() {
        return store.outbox();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        store.close();
    }
}
