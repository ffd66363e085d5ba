package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.coquille.core.AuditEntry;
import org.coquille.core.CommentState;
import org.coquille.spi.AuditStore;

/** The editors' audit trail in {@code coq_audit}, with ids the database generates. */
final class JdbcAudit implements AuditStore {

    private final Sql sql;

    JdbcAudit(Sql sql) {
        this.sql = sql;
    }

    @Override
    public AuditEntry addAuditEntry(AuditEntry entry) {
        check(entry);
        long id = sql.write("record an editor's action", c -> insert(c, entry));
        return stored(entry, id);
    }

    @Override
    public boolean moderateComment(long commentId, CommentState state, AuditEntry entry) {
        check(entry);
        return sql.write("moderate a comment", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_comment SET state = ? WHERE id = ?")) {
                s.setString(1, state.name());
                s.setLong(2, commentId);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            insert(c, entry);
            return true;
        });
    }

    private static void check(AuditEntry entry) {
        Sql.fits(entry.editor(), 200, "editor id");
        Sql.fits(entry.action(), 50, "audit action");
    }

    private long insert(Connection c, AuditEntry entry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_audit"
                + " (at_time, editor, action, subject, before_state, after_state) VALUES (?, ?, ?, ?, ?, ?)",
                sql.dialect().idColumn())) {
            s.setLong(1, entry.at().toEpochMilli());
            s.setString(2, entry.editor());
            s.setString(3, entry.action());
            s.setString(4, entry.subject());
            s.setString(5, entry.before());
            s.setString(6, entry.after());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the new audit entry");
                }
                return keys.getLong(1);
            }
        }
    }

    private static AuditEntry stored(AuditEntry entry, long id) {
        return new AuditEntry(id, Sql.stored(entry.at()), entry.editor(), entry.action(), entry.subject(),
                entry.before(), entry.after());
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return sql.read("read the audit trail", c -> {
            List<AuditEntry> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, at_time, editor, action, subject, before_state,"
                    + " after_state FROM coq_audit ORDER BY at_time DESC, id DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(new AuditEntry(rows.getLong("id"), Sql.instant(rows, "at_time"), rows.getString("editor"),
                                rows.getString("action"), rows.getString("subject"), rows.getString("before_state"),
                                rows.getString("after_state")));
                    }
                }
            }
            return List.copyOf(found);
        });
    }
}
