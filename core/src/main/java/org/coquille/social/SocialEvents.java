package org.coquille.social;

import org.coquille.core.Comment;
import org.coquille.core.DatePoll;
import org.coquille.core.Idea;
import org.coquille.core.User;

/**
 * Told of what the use cases accepted that someone may want to hear of (notifications). Called on the request thread
 * after the change is stored: an implementation must be quick, and what it throws is logged and ignored.
 */
public interface SocialEvents {

    /** Tells nothing. */
    SocialEvents NONE = new SocialEvents() { };

    /**
     * A comment was posted.
     *
     * @param parent the comment it replies to, or {@code null}
     * @param idea   the idea whose thread it is on, or {@code null}
     */
    default void commented(Comment comment, Comment parent, Idea idea) {
    }

    /** An editor moved an idea to another status, with their answer (maybe {@code null}). */
    default void ideaStatusChanged(Idea idea, User editor, String answer) {
    }

    /** Someone answered a date poll. */
    default void datePollAnswered(User user, DatePoll poll) {
    }

    /** An editor closed a date poll on a slot. */
    default void datePollClosed(DatePoll poll) {
    }
}
