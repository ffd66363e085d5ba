package org.coquille.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing an editor did in the console, kept in the store's audit trail.
 *
 * @param id      the store's id, positive (0 for an entry not yet stored)
 * @param at      when
 * @param editor  who (their user id)
 * @param action  what, such as {@code comment.hide} or {@code page.settings}
 * @param subject what it was done to, such as {@code comment 42} or a page id
 * @param before  the state before, or {@code null}
 * @param after   the state after, or {@code null}
 */
public record AuditEntry(long id, Instant at, String editor, String action, String subject, String before,
                         String after) {

    /** The longest before or after state kept, in characters. */
    public static final int MAX_STATE_LENGTH = 2000;

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        before = cut(before);
        after = cut(after);
        subject = cut(subject);
    }

    private static String cut(String value) {
        if (value == null || value.length() <= MAX_STATE_LENGTH) {
            return value;
        }
        int end = MAX_STATE_LENGTH - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    public AuditEntry withId(long newId) {
        return new AuditEntry(newId, at, editor, action, subject, before, after);
    }
}
