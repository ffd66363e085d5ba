package org.coquille.core;

/** What an e-mail notification tells, most wanted first. */
public enum NotificationKind {
    /** Someone replied to your comment. */
    REPLY,
    /** Someone commented on your idea. */
    IDEA_COMMENT,
    /** An editor moved your idea to another status, with their answer. */
    IDEA_STATUS,
    /** A date poll you answered was closed on a date (the event attached). */
    DATE_POLL_CLOSED,
    /** For editors: comments wait in pre-moderation (batched). */
    MODERATION
}
