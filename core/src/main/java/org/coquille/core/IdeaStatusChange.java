package org.coquille.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One status change of an idea, kept and shown on the idea.
 *
 * @param idea   the idea's id
 * @param from   the status before
 * @param to     the status after
 * @param answer the public answer that came with it, or {@code null}
 * @param editor the editor who made it
 * @param at     when
 */
public record IdeaStatusChange(long idea, IdeaStatus from, IdeaStatus to, String answer, String editor, Instant at) {

    public IdeaStatusChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(at, "at");
    }
}
