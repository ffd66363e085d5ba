package org.coquille.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageId;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.IdeaStore;

/** A page's ideas, their history and the viewer's own idea votes, read on every page view, cached. */
final class CachedIdeas implements IdeaStore {

    private final IdeaStore store;
    private final Caching caching;
    private final Cache<PageId, List<Idea>> ideas;
    private final Cache<PageId, List<IdeaStatusChange>> history;
    private final Cache<UserKey, Set<Long>> votes;

    CachedIdeas(IdeaStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.ideas = caching.cache(5_000);
        this.history = caching.cache(5_000);
        this.votes = caching.cache(100_000);
    }

    @Override
    public Idea addIdea(PageId page, String author, String title, String body, Instant at) {
        Idea idea = store.addIdea(page, author, title, body, at);
        caching.changed(ChangeNotice.Area.IDEAS, page, null, null);
        return idea;
    }

    @Override
    public Idea idea(long id) {
        return store.idea(id);
    }

    @Override
    public List<Idea> ideas(PageId page) {
        return caching.read(ideas, page, store::ideas);
    }

    @Override
    public boolean putIdeaVote(long ideaId, String user, Instant at) {
        boolean added = store.putIdeaVote(ideaId, user, at);
        voted(ideaId, user);
        return added;
    }

    @Override
    public boolean removeIdeaVote(long ideaId, String user) {
        boolean removed = store.removeIdeaVote(ideaId, user);
        voted(ideaId, user);
        return removed;
    }

    private void voted(long ideaId, String user) {
        Idea idea = store.idea(ideaId);
        if (idea != null) {
            caching.changed(ChangeNotice.Area.IDEAS, idea.page(), null, user);
        } else {
            caching.wrote();
        }
    }

    @Override
    public Set<Long> ideaVotesOf(PageId page, String user) {
        return caching.read(votes, new UserKey(page, user), k -> store.ideaVotesOf(page, user));
    }

    @Override
    public boolean changeIdeaStatus(long ideaId, IdeaStatus from, IdeaStatus to, String answer, String editor,
                                    Instant at) {
        boolean changed = store.changeIdeaStatus(ideaId, from, to, answer, editor, at);
        Idea idea = store.idea(ideaId);
        if (idea != null) {
            caching.changed(ChangeNotice.Area.IDEAS, idea.page(), null, null);
        } else {
            caching.wrote();
        }
        return changed;
    }

    @Override
    public List<IdeaStatusChange> ideaHistory(PageId page) {
        return caching.read(history, page, store::ideaHistory);
    }

    /** Forgets the ideas and history of the page {@code notice} names, and the user's own idea votes there. */
    void forget(ChangeNotice notice) {
        if (notice.area() == ChangeNotice.Area.EVERYTHING
                || notice.area() == ChangeNotice.Area.IDEAS && notice.page() == null) {
            ideas.invalidateAll();
            history.invalidateAll();
            votes.invalidateAll();
        } else if (notice.area() == ChangeNotice.Area.IDEAS) {
            ideas.invalidate(notice.page());
            history.invalidate(notice.page());
            if (notice.user() != null) {
                votes.invalidate(new UserKey(notice.page(), notice.user()));
            }
        }
    }
}
