package org.coquille.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.coquille.core.PageId;

/** Stores emoji reactions: at most one per user per emoji per page, by constraint. */
public interface ReactionStore {

    /**
     * Turns {@code user}'s {@code emoji} reaction on {@code page} on or off. Idempotent: setting a state
     * twice changes nothing the second time, so a double click cannot count twice.
     *
     * @return whether anything changed
     */
    boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at);

    /** How many users reacted with each emoji on {@code page}; emoji nobody used are absent. */
    Map<String, Long> reactionCounts(PageId page);

    /** The emoji {@code user} has on {@code page}. */
    Set<String> reactionsOf(PageId page, String user);
}
