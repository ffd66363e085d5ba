package org.coquille.spi;

import java.time.Instant;
import java.util.List;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.PageId;

/** Stores comments and their replies. */
public interface CommentStore {

    /**
     * Stores a new comment and returns it with its id.
     *
     * @param parentId the comment it replies to, or {@code null}
     */
    Comment addComment(PageId page, Long parentId, String author, String body, Instant at, CommentState state);

    /** The comment with {@code id}, or {@code null}. */
    Comment comment(long id);

    /** Every comment of {@code page} in every state, replies included, oldest first. */
    List<Comment> comments(PageId page);

    /** The most recent comments in {@code state} across all pages, newest first, at most {@code limit}. */
    List<Comment> commentsInState(CommentState state, int limit);

    /** Replaces a comment's text; returns {@code false} if there is no such comment. */
    boolean editComment(long id, String body, Instant at);

    /** Changes a comment's state; returns {@code false} if there is no such comment. */
    boolean setCommentState(long id, CommentState state);
}
