package org.coquille.spi;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageId;

/** Stores the ideas of idea boxes, their votes (one per user and idea, by constraint) and their status history. */
public interface IdeaStore {

    /** Stores a new idea, with status {@link IdeaStatus#NEW} and no votes, and returns it with its id. */
    Idea addIdea(PageId page, String author, String title, String body, Instant at);

    /** The idea with {@code id}, with its vote count, or {@code null}. */
    Idea idea(long id);

    /** The ideas of {@code page}, oldest first, with their vote counts. */
    List<Idea> ideas(PageId page);

    /**
     * Records {@code user}'s vote for an idea, if they had none.
     *
     * @return whether a vote was added ({@code false}: already voted, or no such idea)
     */
    boolean putIdeaVote(long ideaId, String user, Instant at);

    /** Withdraws {@code user}'s vote for an idea; returns whether there was one. */
    boolean removeIdeaVote(long ideaId, String user);

    /** The ids of the ideas of {@code page} that {@code user} voted for. */
    Set<Long> ideaVotesOf(PageId page, String user);

    /**
     * Moves an idea from status {@code from} to {@code to} with a public answer, and keeps the change in its
     * history, in one transaction; nothing changes if the idea's status is no longer {@code from}.
     *
     * @return whether the idea was changed
     */
    boolean changeIdeaStatus(long ideaId, IdeaStatus from, IdeaStatus to, String answer, String editor, Instant at);

    /** The status changes of the ideas of {@code page}, oldest first. */
    List<IdeaStatusChange> ideaHistory(PageId page);
}
