package org.coquille.store;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.spi.ActivityStore;
import org.coquille.spi.AuditStore;
import org.coquille.spi.ChangeNotice;
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
 * are the store's own parts, read through. Writes made through it forget what they change at once, and are told to
 * the other nodes through the store's {@link org.coquille.spi.ChangeChannel}, whose notices make this cache forget
 * the same entries as the write would have here. Entries also expire after a bounded time, the safety net when a
 * store has no channel or its channel is lost.
 *
 * <p>A person who wrote on one node and reads on another sees their write even before that node heard of it: the
 * node that took the write hands out a {@linkplain #writeMark() mark}; a node that has not {@linkplain #caughtUp
 * caught up} with it reads {@linkplain #fresh past its cache} for that person.
 */
public final class CachedStore implements SocialStore {

    private final SocialStore store;
    private final Caching caching;
    private final NodeChanges nodes;
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
        this.nodes = new NodeChanges(store.changes());
        this.caching = new Caching(ttl, ticker, nodes);
        this.pages = new CachedPages(store.pages(), caching);
        this.comments = new CachedComments(store.comments(), caching);
        this.votes = new CachedVotes(store.votes(), caching);
        this.polls = new CachedPolls(store.polls(), caching);
        this.reactions = new CachedReactions(store.reactions(), caching);
        this.settings = new CachedSettings(store.settings(), caching);
        this.audit = new CachedAudit(store.audit(), comments);
        this.ideas = new CachedIdeas(store.ideas(), caching);
        this.datePolls = new CachedDatePolls(store.datePolls(), caching);
        this.personalData = new CachedPersonalData(store.personalData(), caching);
        nodes.start(this::forget, () -> forget(new ChangeNotice(nodes.id(), 0, ChangeNotice.Area.EVERYTHING, null,
                null, null)));
    }

    /** Forgets what {@code notice} names, whichever node made the change, and counts it as a write. */
    private void forget(ChangeNotice notice) {
        try {
            pages.forget(notice);
            settings.forget(notice);
            comments.forget(notice);
            votes.forget(notice);
            polls.forget(notice);
            reactions.forget(notice);
            ideas.forget(notice);
            datePolls.forget(notice);
        } finally {
            caching.wrote();
        }
    }

    /**
     * This node's last write, as a short token (letters, digits, {@code -_.}) for the person who made it to carry to
     * the other nodes; it changes with every write made through this cache.
     */
    public String writeMark() {
        return nodes.mark();
    }

    /** Whether this cache has forgotten every write up to {@code mark} (a {@link #writeMark()} of any node). */
    public boolean caughtUp(String mark) {
        return nodes.caughtUp(mark);
    }

    /** Runs {@code reads} past the cache, reading the store itself, on this thread. */
    public <T> T fresh(Supplier<T> reads) {
        return caching.fresh(reads);
    }

    /** Whether this thread reads past the cache (inside {@link #fresh}). */
    public boolean readingFresh() {
        return caching.readingFresh();
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
