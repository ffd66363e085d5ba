package org.coquille.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coquille.core.NotificationChoice;
import org.coquille.core.OutboxEntry;

/**
 * The e-mail outbox, people's notification choices and what they follow. Senders on several nodes share it: an
 * entry is claimed by one sender for a lease, so it is sent once, and comes back to the others if that sender dies
 * before saying how it went.
 */
public interface OutboxStore {

    /** Stores a new pending entry; returns it with its id. */
    OutboxEntry enqueue(OutboxEntry entry);

    /**
     * Claims for {@code claimer} up to {@code max} entries that are due at {@code now}: pending ones, and claimed ones
     * whose lease ended. Each is claimed by one caller only, even under concurrent claimers; oldest due first.
     *
     * @return the entries claimed, with status {@link OutboxEntry.Status#CLAIMED}
     */
    List<OutboxEntry> claim(Instant now, Duration lease, String claimer, int max);

    /** Marks a claimed entry sent; {@code false} if {@code claimer} no longer holds it. */
    boolean markSent(long id, String claimer, Instant at);

    /** Puts a claimed entry back, due at {@code due}, one attempt more; {@code false} if {@code claimer} no longer holds it. */
    boolean retryLater(long id, String claimer, Instant due, String error);

    /** Gives up on a claimed entry; {@code false} if {@code claimer} no longer holds it. */
    boolean drop(long id, String claimer, String why);

    /** The entries for {@code recipient}, in every status, oldest first. */
    List<OutboxEntry> entriesFor(String recipient);

    /** {@code user}'s notification choice, if they made one. */
    Optional<NotificationChoice> choice(String user);

    /** Saves (or replaces) a person's notification choice. */
    void saveChoice(NotificationChoice choice);

    /** {@code user} follows {@code topic} (such as a date poll they answered); twice is once. */
    void follow(String topic, String user);

    /** Who follows {@code topic}. */
    Set<String> followers(String topic);

    /** The topics {@code user} follows. */
    Set<String> followed(String user);

    /** Deletes everything about {@code user}: their entries, choice and follows. */
    void eraseRecipient(String user);
}
