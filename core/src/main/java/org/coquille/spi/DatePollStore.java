package org.coquille.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.coquille.core.Availability;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.PageId;

/** Stores date polls and their answers: one answer per user per slot, by constraint. */
public interface DatePollStore {

    /** Stores a new, open date poll (its id and chosen slot are ignored) and returns it with its id. */
    DatePoll createDatePoll(DatePoll poll);

    /** The date poll with {@code id}, or {@code null}. */
    DatePoll datePoll(long id);

    /** The date polls of {@code page}, oldest first. */
    List<DatePoll> datePolls(PageId page);

    /** Every date poll of every page, oldest first: the editors' console lists them all, whether their page was seen or not. */
    List<DatePoll> allDatePolls();

    /**
     * Records {@code user}'s answers for the slots given, replacing their earlier answers for those slots, in
     * one transaction; an answer to a poll that does not exist is dropped.
     *
     * @param answers availability by slot index, not empty
     */
    void answerDatePoll(long pollId, String user, Map<Integer, Availability> answers, Instant at);

    /** {@code user}'s answers by slot index, empty if they have not answered. */
    Map<Integer, Availability> datePollAnswer(long pollId, String user);

    /** How the poll was answered (no slots for an unknown poll). */
    DatePollResults datePollResults(long pollId);

    /**
     * Closes an open date poll on the slot {@code chosen}.
     *
     * @return whether it was closed ({@code false}: no such poll, or already closed)
     */
    boolean closeDatePoll(long pollId, int chosen, Instant at);

    /**
     * Replaces the title and slots of an open date poll that nobody has answered yet, in one transaction (its page
     * and chosen slot are ignored).
     *
     * @return whether it was changed ({@code false}: no such poll, closed, or someone has answered it)
     */
    boolean updateDatePoll(DatePoll poll);

    /**
     * Deletes a date poll with its slots and answers.
     *
     * @return whether it existed
     */
    boolean deleteDatePoll(long pollId);
}
