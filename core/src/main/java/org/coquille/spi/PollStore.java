package org.coquille.spi;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollResults;

/** Stores polls and their answers: one answer per user per poll, by constraint. */
public interface PollStore {

    /** Stores a new poll (its id is ignored) and returns it with its id. */
    Poll createPoll(Poll poll);

    /** Replaces the stored poll with the same id; returns {@code false} if there is none. */
    boolean updatePoll(Poll poll);

    /** Deletes a poll and its answers; returns {@code false} if there was none. */
    boolean deletePoll(long pollId);

    /** The poll with {@code pollId}, or {@code null}. */
    Poll poll(long pollId);

    /** The polls of {@code page}, oldest first. */
    List<Poll> polls(PageId page);

    /** Every poll of every page, oldest first: the editors' console lists them all, whether their page was seen or not. */
    List<Poll> allPolls();

    /**
     * Records {@code user}'s answer, replacing any earlier one, in one transaction.
     *
     * @param options the chosen option indexes, not empty
     */
    void answerPoll(long pollId, String user, Set<Integer> options, Instant at);

    /** The option indexes {@code user} chose, empty if they have not answered. */
    Set<Integer> pollAnswer(long pollId, String user);

    /** How the poll was answered (zero everywhere for an unknown poll). */
    PollResults pollResults(long pollId);
}
