package org.coquille.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification waiting to be e-mailed (or sent, or dropped): the outbox lets mail leave off the request thread,
 * survive a restart and go once.
 *
 * @param id        the store's id, positive (0 for one not yet stored)
 * @param recipient the user id it is for
 * @param kind      what it tells
 * @param payload   the facts the e-mail is written from (JSON text, opaque to the store), at most 8000 characters
 * @param created   when it happened
 * @param due       when it may be sent (later for a digest or a batch)
 * @param digest    whether it goes in the recipient's daily digest rather than an e-mail of its own
 * @param status    where it stands
 * @param attempts  how many sends failed
 * @param lastError why the last send failed, or {@code null}
 */
public record OutboxEntry(long id, String recipient, NotificationKind kind, String payload, Instant created,
                          Instant due, boolean digest, Status status, int attempts, String lastError) {

    /** The longest payload, in characters. */
    public static final int MAX_PAYLOAD = 8000;

    /** Where an entry stands. */
    public enum Status {
        /** Waiting for its due time (or for a retry). */
        PENDING,
        /** Taken by a sender until its lease ends; back to the others if that sender dies. */
        CLAIMED,
        /** Handed to the mail server. */
        SENT,
        /** Not sent: the recipient unsubscribed, has no address, or the retries ran out. */
        DROPPED
    }

    public OutboxEntry {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(status, "status");
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("An outbox payload has at most " + MAX_PAYLOAD + " characters");
        }
    }

    /** A new entry, pending until {@code due}. */
    public static OutboxEntry pending(String recipient, NotificationKind kind, String payload, Instant created,
            Instant due, boolean digest) {
        return new OutboxEntry(0, recipient, kind, payload, created, due, digest, Status.PENDING, 0, null);
    }

    public OutboxEntry withId(long newId) {
        return new OutboxEntry(newId, recipient, kind, payload, created, due, digest, status, attempts, lastError);
    }
}
