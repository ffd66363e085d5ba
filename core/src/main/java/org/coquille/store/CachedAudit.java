package org.coquille.store;

import java.util.List;

import org.coquille.core.AuditEntry;
import org.coquille.core.CommentState;
import org.coquille.spi.AuditStore;

/** The audit trail, read through; moderating a comment forgets its page's cached comments. */
final class CachedAudit implements AuditStore {

    private final AuditStore store;
    private final CachedComments comments;

    CachedAudit(AuditStore store, CachedComments comments) {
        this.store = store;
        this.comments = comments;
    }

    @Override
    public AuditEntry addAuditEntry(AuditEntry entry) {
        return store.addAuditEntry(entry);
    }

    @Override
    public boolean moderateComment(long commentId, CommentState state, AuditEntry entry) {
        var comment = comments.comment(commentId); // read through, never cached
        boolean changed = store.moderateComment(commentId, state, entry);
        comments.forgetPageOf(comment);
        return changed;
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) {
        return store.auditEntries(limit);
    }
}
