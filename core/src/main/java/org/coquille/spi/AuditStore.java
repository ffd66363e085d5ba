package org.coquille.spi;

import java.util.List;

import org.coquille.core.AuditEntry;
import org.coquille.core.CommentState;

/** Stores the audit trail of what editors did. */
public interface AuditStore {

    /** Stores {@code entry} (its id is ignored) and returns it with its id. */
    AuditEntry addAuditEntry(AuditEntry entry);

    /**
     * Changes a comment's state and records {@code entry}, in one transaction: both or neither.
     *
     * @return {@code false}, recording nothing, if there is no such comment
     */
    boolean moderateComment(long commentId, CommentState state, AuditEntry entry);

    /** The most recent entries, newest first, at most {@code limit}. */
    List<AuditEntry> auditEntries(int limit);
}
