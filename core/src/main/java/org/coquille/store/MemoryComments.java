package org.coquille.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.PageId;
import org.coquille.spi.CommentStore;
import org.coquille.spi.PersonalDataStore;

/** The in-memory store's comments. */
final class MemoryComments implements CommentStore {

    private final Object lock;
    private final Map<Long, Comment> comments = new LinkedHashMap<>();
    private long nextId = 1;

    MemoryComments(Object lock) {
        this.lock = lock;
    }

    @Override
    public Comment addComment(PageId page, Long parentId, String author, String body, Instant at, CommentState state) {
        synchronized (lock) {
            Comment comment = new Comment(nextId++, page, parentId, author, body, at, null, state);
            comments.put(comment.id(), comment);
            return comment;
        }
    }

    @Override
    public Comment comment(long id) {
        synchronized (lock) {
            return comments.get(id);
        }
    }

    @Override
    public List<Comment> comments(PageId page) {
        synchronized (lock) {
            return comments.values().stream().filter(c -> c.page().equals(page)).toList();
        }
    }

    @Override
    public List<Comment> commentsInState(CommentState state, int limit) {
        synchronized (lock) {
            return comments.values().stream()
                    .filter(c -> c.state() == state)
                    .sorted(Comparator.comparing(Comment::created).thenComparing(Comment::id).reversed())
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public boolean editComment(long id, String body, Instant at) {
        synchronized (lock) {
            Comment comment = comments.get(id);
            if (comment == null) {
                return false;
            }
            comments.put(id, comment.withBody(body, at));
            return true;
        }
    }

    @Override
    public boolean setCommentState(long id, CommentState state) {
        synchronized (lock) {
            Comment comment = comments.get(id);
            if (comment == null) {
                return false;
            }
            comments.put(id, comment.withState(state));
            return true;
        }
    }

    List<Comment> by(String user) {
        synchronized (lock) {
            return comments.values().stream().filter(c -> c.author().equals(user)).toList();
        }
    }

    /** Leaves {@code user}'s comments as deleted placeholders without author or text, so replies keep their place. */
    void erase(String user) {
        synchronized (lock) {
            comments.replaceAll((id, c) -> c.author().equals(user)
                    ? new Comment(c.id(), c.page(), c.parentId(), PersonalDataStore.ERASED_AUTHOR, "", c.created(), null,
                            CommentState.DELETED)
                    : c);
        }
    }
}
