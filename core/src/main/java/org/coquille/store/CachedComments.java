package org.coquille.store;

import java.time.Instant;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.PageId;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.CommentStore;

/** A page's comments, read on every page view, cached; the moderation queue is read through. */
final class CachedComments implements CommentStore {

    private final CommentStore store;
    private final Caching caching;
    private final Cache<PageId, List<Comment>> comments;

    CachedComments(CommentStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
        this.comments = caching.cache(5_000);
    }

    @Override
    public Comment addComment(PageId page, Long parentId, String author, String body, Instant at, CommentState state) {
        Comment comment = store.addComment(page, parentId, author, body, at, state);
        forget(page);
        return comment;
    }

    @Override
    public Comment comment(long id) {
        return store.comment(id);
    }

    @Override
    public List<Comment> comments(PageId page) {
        return caching.read(comments, page, store::comments);
    }

    @Override
    public List<Comment> commentsInState(CommentState state, int limit) {
        return store.commentsInState(state, limit);
    }

    @Override
    public boolean editComment(long id, String body, Instant at) {
        Comment comment = store.comment(id);
        boolean changed = store.editComment(id, body, at);
        forgetPageOf(comment);
        return changed;
    }

    @Override
    public boolean setCommentState(long id, CommentState state) {
        Comment comment = store.comment(id);
        boolean changed = store.setCommentState(id, state);
        forgetPageOf(comment);
        return changed;
    }

    /** Forgets the comments of {@code comment}'s page (read before the change); counts a write either way. */
    void forgetPageOf(Comment comment) {
        if (comment != null) {
            forget(comment.page());
        } else {
            caching.wrote();
        }
    }

    private void forget(PageId page) {
        caching.changed(ChangeNotice.Area.COMMENTS, page, null, null);
    }

    /** Forgets the comments of the page {@code notice} names, or of every page. */
    void forget(ChangeNotice notice) {
        if (notice.area() == ChangeNotice.Area.EVERYTHING
                || notice.area() == ChangeNotice.Area.COMMENTS && notice.page() == null) {
            comments.invalidateAll();
        } else if (notice.area() == ChangeNotice.Area.COMMENTS) {
            comments.invalidate(notice.page());
        }
    }
}
