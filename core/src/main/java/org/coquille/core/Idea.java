package org.coquille.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An idea an employee submitted on a page, with its current status, the editors' latest public answer and
 * its number of votes.
 *
 * @param id      the store's id, positive
 * @param page    the page it was submitted on
 * @param author  the user id of who submitted it
 * @param title   its short title
 * @param body    its text
 * @param created when it was submitted
 * @param status  its current status
 * @param answer  the editors' latest public answer, or {@code null}
 * @param votes   how many users voted for it
 */
public record Idea(long id, PageId page, String author, String title, String body, Instant created,
                   IdeaStatus status, String answer, long votes) {

    public Idea {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
    }

    public Idea withStatus(IdeaStatus newStatus, String newAnswer) {
        return new Idea(id, page, author, title, body, created, newStatus, newAnswer, votes);
    }

    /** Whether its author had their data erased: the idea stays, for its votes, answer and comments, without text. */
    public boolean isErased() {
        return author.equals(User.ERASED_ID);
    }

    /** The title to show: the idea's own, or once its author was erased, a line saying it was withdrawn. */
    public String shownTitle(Messages messages) {
        return isErased() ? messages.get("ui.ideas.erased") : title;
    }

    /** This idea without its author, title and text, as a person's erasure leaves it. */
    public Idea erased() {
        return new Idea(id, page, User.ERASED_ID, "", "", created, status, answer, votes);
    }

    public Idea withVotes(long count) {
        return new Idea(id, page, author, title, body, created, status, answer, count);
    }
}
