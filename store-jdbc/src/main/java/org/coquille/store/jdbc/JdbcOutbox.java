package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.coquille.core.Delivery;
import org.coquille.core.NotificationChoice;
import org.coquille.core.NotificationKind;
import org.coquille.core.OutboxEntry;
import org.coquille.core.OutboxEntry.Status;
import org.coquille.spi.OutboxStore;

/**
 * The outbox in {@code coq_outbox}, choices in {@code coq_notify_choice}, follows in {@code coq_notify_follow}. A claim
 * is one conditional update per candidate row, so that of two senders racing for a row exactly one changes it.
 */
final class JdbcOutbox implements OutboxStore {

    private static final String COLUMNS = "id, recipient, kind, payload, created_at, due_at, digest, status, attempts,"
            + " last_error";
    private static final String DUE = "(status = 'PENDING' AND due_at <= ?) OR (status = 'CLAIMED' AND lease_until <= ?)";

    private final Sql sql;

    JdbcOutbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public OutboxEntry enqueue(OutboxEntry entry) {
        Sql.fits(entry.recipient(), 200, "recipient");
        Sql.fits(entry.payload(), OutboxEntry.MAX_PAYLOAD, "notification payload");
        long id = sql.write("queue a notification", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_outbox (recipient, kind, payload, created_at,"
                    + " due_at, digest, status, attempts) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0)", sql.dialect().idColumn())) {
                s.setString(1, entry.recipient());
                s.setString(2, entry.kind().name());
                s.setString(3, entry.payload());
                s.setLong(4, entry.created().toEpochMilli());
                s.setLong(5, entry.due().toEpochMilli());
                s.setBoolean(6, entry.digest());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("The database returned no id for the new notification");
                    }
                    return keys.getLong(1);
                }
            }
        });
        return new OutboxEntry(id, entry.recipient(), entry.kind(), entry.payload(), Sql.stored(entry.created()),
                Sql.stored(entry.due()), entry.digest(), Status.PENDING, 0, null);
    }

    @Override
    public List<OutboxEntry> claim(Instant now, Duration lease, String claimer, int max) {
        Sql.fits(claimer, 100, "claimer");
        long at = now.toEpochMilli();
        return sql.write("claim notifications to send", c -> {
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM coq_outbox WHERE " + DUE
                    + " ORDER BY due_at, id LIMIT ?")) {
                s.setLong(1, at);
                s.setLong(2, at);
                s.setInt(3, max);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(rows.getLong(1));
                    }
                }
            }
            List<OutboxEntry> claimed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_outbox SET status = 'CLAIMED', claimed_by = ?,"
                    + " lease_until = ? WHERE id = ? AND (" + DUE + ")")) {
                for (long id : candidates) {
                    s.setString(1, claimer);
                    s.setLong(2, now.plus(lease).toEpochMilli());
                    s.setLong(3, id);
                    s.setLong(4, at);
                    s.setLong(5, at);
                    if (s.executeUpdate() == 1) {
                        claimed.add(id(c, id));
                    }
                }
            }
            return List.copyOf(claimed);
        });
    }

    private static OutboxEntry id(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM coq_outbox WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return entry(rows);
            }
        }
    }

    private static OutboxEntry entry(ResultSet rows) throws SQLException {
        return new OutboxEntry(rows.getLong("id"), rows.getString("recipient"), NotificationKind.valueOf(rows.getString("kind")),
                rows.getString("payload"), Sql.instant(rows, "created_at"), Sql.instant(rows, "due_at"),
                rows.getBoolean("digest"), Status.valueOf(rows.getString("status")), rows.getInt("attempts"),
                rows.getString("last_error"));
    }

    @Override
    public boolean markSent(long id, String claimer, Instant at) {
        return settle("mark a notification sent", "status = 'SENT'", id, claimer, null);
    }

    @Override
    public boolean retryLater(long id, String claimer, Instant due, String error) {
        return settle("put a notification back", "status = 'PENDING', attempts = attempts + 1, due_at = "
                + due.toEpochMilli(), id, claimer, error);
    }

    @Override
    public boolean drop(long id, String claimer, String why) {
        return settle("drop a notification", "status = 'DROPPED'", id, claimer, why);
    }

    private boolean settle(String what, String change, long id, String claimer, String error) {
        return sql.write(what, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_outbox SET " + change + ", claimed_by = NULL,"
                    + " lease_until = NULL" + (error == null ? "" : ", last_error = ?")
                    + " WHERE id = ? AND status = 'CLAIMED' AND claimed_by = ?")) {
                int i = 1;
                if (error != null) {
                    s.setString(i++, error.length() <= 1000 ? error : error.substring(0, 999) + "…");
                }
                s.setLong(i++, id);
                s.setString(i, claimer);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<OutboxEntry> entriesFor(String recipient) {
        return sql.read("read someone's notifications", c -> {
            List<OutboxEntry> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM coq_outbox WHERE recipient = ?"
                    + " ORDER BY created_at, id")) {
                s.setString(1, recipient);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(entry(rows));
                    }
                }
            }
            return List.copyOf(found);
        });
    }

    @Override
    public Optional<NotificationChoice> choice(String user) {
        return sql.read("read a notification choice", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT delivery, language FROM coq_notify_choice WHERE user_id = ?")) {
                s.setString(1, user);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(new NotificationChoice(user, Delivery.valueOf(rows.getString(1)),
                            rows.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveChoice(NotificationChoice choice) {
        Sql.fits(choice.user(), 200, "user id");
        Sql.fits(choice.language(), 10, "language");
        sql.write("save a notification choice", c -> {
            try (PreparedStatement s = c.prepareStatement(sql.dialect().upsert("coq_notify_choice", List.of("user_id"),
                    List.of("delivery", "language")))) {
                s.setString(1, choice.user());
                s.setString(2, choice.delivery().name());
                s.setString(3, choice.language());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void follow(String topic, String user) {
        Sql.fits(topic, 200, "topic");
        Sql.fits(user, 200, "user id");
        sql.write("follow a topic", c -> {
            try (PreparedStatement s = c.prepareStatement(sql.dialect().insertIfAbsent("coq_notify_follow",
                    List.of("topic", "user_id"), List.of()))) {
                s.setString(1, topic);
                s.setString(2, user);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Set<String> followers(String topic) {
        return strings("read a topic's followers", "SELECT user_id FROM coq_notify_follow WHERE topic = ?", topic);
    }

    @Override
    public Set<String> followed(String user) {
        return strings("read what someone follows", "SELECT topic FROM coq_notify_follow WHERE user_id = ?", user);
    }

    private Set<String> strings(String what, String query, String value) {
        return sql.read(what, c -> {
            Set<String> found = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement(query)) {
                s.setString(1, value);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
            return Set.copyOf(found);
        });
    }

    @Override
    public void eraseRecipient(String user) {
        sql.write("erase someone's notifications", c -> {
            for (String table : List.of("coq_outbox WHERE recipient = ?", "coq_notify_choice WHERE user_id = ?",
                    "coq_notify_follow WHERE user_id = ?")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table)) {
                    s.setString(1, user);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }
}
