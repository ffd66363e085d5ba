package org.coquille.spi;

import java.util.List;

import org.coquille.core.AuditEntry;

/** Stores the audit trail of what editors did. */
public interface AuditStore {

    /** Stores {@code entry} (its id is ignored) and returns it with its id. */
    AuditEntry addAuditEntry(AuditEntry entry);

    /** The most recent entries, newest first, at most {@code limit}. */
    List<AuditEntry> auditEntries(int limit);
}
