package org.coquille.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment on a page, or a reply to one (one level of replies only).
 *
 * @param id       the store's id, positive
 * @param page     the page it is on
 * @param parentId the comment it replies to, or {@code null} for a top-level comment
 * @param author   the author's user id
 * @param body     the text exactly as the author typed it (rendered escaped, never as markup)
 * @param created  when it was posted
 * @param edited   when its text last changed, or {@code null} if never
 * @param state    whether it is shown
 */
public record Comment(long id, PageId page, Long parentId, String author, String body,
                      Instant created, Instant edited, CommentState state) {

    public Comment {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
    }

    public boolean isReply() {
        return parentId != null;
    }

    public Comment withBody(String newBody, Instant editedAt) {
        return new Comment(id, page, parentId, author, newBody, created, editedAt, state);
    }

    public Comment withState(CommentState newState) {
        return new Comment(id, page, parentId, author, body, created, edited, newState);
    }
}
