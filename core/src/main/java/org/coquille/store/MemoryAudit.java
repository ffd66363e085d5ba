package org.coquille.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coquille.core.AuditEntry;
import org.coquille.core.CommentState;
import org.coquille.spi.AuditStore;

/** The in-memory store's audit trail; moderation changes the comment and records the entry under one lock. */
final class MemoryAudit implements AuditStore {

    private final Object lock;
    private final MemoryComments comments;
    private final List<AuditEntry> entries = new ArrayList<>();
    private long nextId = 1;

    MemoryAudit(Object lock, MemoryComments comments) {
        this.lock = lock;
        this.comments = comments;
    }

    @Override
    public AuditEntry addAuditEntry(AuditEntry entry) {
        synchronized (lock) {
            AuditEntry stored = entry.withId(nextId++);
            entries.add(stored);
            return stored;
        }
    }

    @Override
    public boolean moderateComment(long commentId, CommentState state, AuditEntry entry) {
        synchronized (lock) {
            if (!comments.setCommentState(commentId, state)) {
                return false;
            }
            addAuditEntry(entry);
            return true;
        }
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) {
        synchronized (lock) {
            return entries.stream().sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed())
                    .limit(limit).toList();
        }
    }
}
