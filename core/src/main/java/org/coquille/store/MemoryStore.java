package org.coquille.store;

import org.coquille.spi.ActivityStore;
import org.coquille.spi.AuditStore;
import org.coquille.spi.CommentStore;
import org.coquille.spi.DatePollStore;
import org.coquille.spi.IdeaStore;
import org.coquille.spi.PageCatalogueStore;
import org.coquille.spi.OutboxStore;
import org.coquille.spi.PageStore;
import org.coquille.spi.PersonalDataStore;
import org.coquille.spi.PollStore;
import org.coquille.spi.ReactionStore;
import org.coquille.spi.SettingsStore;
import org.coquille.spi.SocialStore;
import org.coquille.spi.ViewStore;
import org.coquille.spi.VoteStore;

/**
 * A store that keeps everything in memory, for tests and demos, put together from one part per area. Thread-safe:
 * the parts whose changes span areas (moderation, settings imports, erasing a person) share one lock, which makes
 * each change atomic. Nothing survives a restart.
 */
public final class MemoryStore implements SocialStore {

    final Object lock = new Object();
    final MemoryComments comments = new MemoryComments(lock);
    final MemoryVotes votes = new MemoryVotes(lock);
    final MemoryPolls polls = new MemoryPolls();
    final MemoryReactions reactions = new MemoryReactions(lock);
    final MemoryIdeas ideas = new MemoryIdeas();
    final MemoryDatePolls datePolls = new MemoryDatePolls();
    private final MemoryPages pages = new MemoryPages(lock);
    private final MemoryActivity activity = new MemoryActivity(lock);
    private final MemoryCatalogue catalogue = new MemoryCatalogue(lock, activity);
    private final MemorySettings settings = new MemorySettings(lock, pages);
    private final MemoryAudit audit = new MemoryAudit(lock, comments);
    private final MemoryPersonalData personalData = new MemoryPersonalData(this);
    private final MemoryOutbox outbox = new MemoryOutbox();

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
        return activity;
    }

    @Override
    public PageCatalogueStore catalogue() {
        return catalogue;
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
        return activity;
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

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public String describe() {
        return "in-memory store (nothing is kept after a restart)";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
