package org.coquille.spi;

import java.time.Instant;

import org.coquille.core.PageId;
import org.coquille.core.VoteTally;

/** Stores page votes: at most one per user per page, by constraint. */
public interface VoteStore {

    /** Records {@code user}'s vote on {@code page}, replacing any earlier one. */
    void putVote(PageId page, String user, int value, Instant at);

    /** Removes {@code user}'s vote on {@code page}; returns whether there was one. */
    boolean removeVote(PageId page, String user);

    /** {@code user}'s vote on {@code page}, or {@code null}. */
    Integer vote(PageId page, String user);

    /** The votes on {@code page}. */
    VoteTally tally(PageId page);
}
