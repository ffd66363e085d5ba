package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.Availability;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.DateSlot;
import org.coquille.core.PageId;
import org.coquille.spi.DatePollStore;

/**
 * Date polls in {@code coq_date_poll} and {@code coq_date_slot}; answers in {@code coq_date_answer}, whose primary
 * key (poll, user, slot) allows one answer per user and slot.
 */
final class JdbcDatePolls implements DatePollStore {

    private static final String SELECT = "SELECT p.id, p.page, p.title, p.chosen_slot, s.slot_index, s.starts_at,"
            + " s.ends_at FROM coq_date_poll p LEFT JOIN coq_date_slot s ON s.poll_id = p.id";

    private final Sql sql;
    private final String answer;

    JdbcDatePolls(Sql sql) {
        this.sql = sql;
        this.answer = sql.dialect().upsert("coq_date_answer", List.of("poll_id", "user_id", "slot_index"),
                List.of("availability", "answered_at"));
    }

    @Override
    public DatePoll createDatePoll(DatePoll poll) {
        Sql.fits(poll.title(), 1000, "date poll title");
        long id = sql.write("create a date poll", c -> {
            long created;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_date_poll (page, title) VALUES (?, ?)",
                    sql.dialect().idColumn())) {
                s.setString(1, poll.page().value());
                s.setString(2, poll.title());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("The database returned no id for the new date poll");
                    }
                    created = keys.getLong(1);
                }
            }
            insertSlots(c, created, poll.slots());
            return created;
        });
        List<DateSlot> slots = poll.slots().stream()
                .map(slot -> new DateSlot(Sql.stored(slot.start()), Sql.stored(slot.end()))).toList();
        return new DatePoll(id, poll.page(), poll.title(), slots, null);
    }

    @Override
    public DatePoll datePoll(long id) {
        return sql.read("read a date poll", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE p.id = ? ORDER BY s.slot_index")) {
                s.setLong(1, id);
                List<DatePoll> found = list(s);
                return found.isEmpty() ? null : found.get(0);
            }
        });
    }

    @Override
    public List<DatePoll> datePolls(PageId page) {
        return sql.read("read the date polls of a page", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE p.page = ? ORDER BY p.id, s.slot_index")) {
                s.setString(1, page.value());
                return list(s);
            }
        });
    }

    @Override
    public List<DatePoll> allDatePolls() {
        return sql.read("read every date poll", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY p.id, s.slot_index")) {
                return list(s);
            }
        });
    }

    @Override
    public void answerDatePoll(long pollId, String user, Map<Integer, Availability> given, Instant at) {
        Sql.fits(user, 200, "user id");
        if (given.isEmpty()) {
            throw new IllegalArgumentException("A date poll answer covers at least one slot");
        }
        Map<Integer, Availability> sorted = new TreeMap<>(given);
        sql.write("record a date poll answer", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM coq_date_poll WHERE id = ?")) {
                s.setLong(1, pollId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(answer)) {
                for (Map.Entry<Integer, Availability> e : sorted.entrySet()) {
                    s.setLong(1, pollId);
                    s.setString(2, user);
                    s.setInt(3, e.getKey());
                    s.setString(4, e.getValue().name());
                    s.setLong(5, at.toEpochMilli());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    @Override
    public Map<Integer, Availability> datePollAnswer(long pollId, String user) {
        return sql.read("read a date poll answer", c -> {
            Map<Integer, Availability> mine = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT slot_index, availability FROM coq_date_answer WHERE poll_id = ? AND user_id = ?")) {
                s.setLong(1, pollId);
                s.setString(2, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        mine.put(rows.getInt(1), Availability.valueOf(rows.getString(2)));
                    }
                }
            }
            return Map.copyOf(mine);
        });
    }

    @Override
    public DatePollResults datePollResults(long pollId) {
        // one statement, so that the counts come from one snapshot
        return sql.read("count the answers of a date poll", c -> {
            List<DatePollResults.SlotTally> slots = new ArrayList<>();
            long participants = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT s.slot_index,"
                    + count(Availability.YES) + ", " + count(Availability.IF_NEED_BE) + ", " + count(Availability.NO)
                    + ", (SELECT COUNT(DISTINCT a.user_id) FROM coq_date_answer a WHERE a.poll_id = s.poll_id)"
                    + " FROM coq_date_slot s WHERE s.poll_id = ? ORDER BY s.slot_index")) {
                s.setLong(1, pollId);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        slots.add(new DatePollResults.SlotTally(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                        participants = rows.getLong(5);
                    }
                }
            }
            return new DatePollResults(pollId, slots, participants);
        });
    }

    private static String count(Availability availability) {
        return " (SELECT COUNT(*) FROM coq_date_answer a WHERE a.poll_id = s.poll_id AND a.slot_index = s.slot_index"
                + " AND a.availability = '" + availability.name() + "')";
    }

    @Override
    public boolean closeDatePoll(long pollId, int chosen, Instant at) {
        return sql.write("close a date poll", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_date_poll SET chosen_slot = ?, closed_at = ?"
                    + " WHERE id = ? AND chosen_slot IS NULL")) {
                s.setInt(1, chosen);
                s.setLong(2, at.toEpochMilli());
                s.setLong(3, pollId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean updateDatePoll(DatePoll poll) {
        Sql.fits(poll.title(), 1000, "date poll title");
        return sql.write("change a date poll", c -> {
            // answers refer to slots by index: a poll someone answered keeps its slots
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_date_poll SET title = ? WHERE id = ?"
                    + " AND chosen_slot IS NULL AND NOT EXISTS (SELECT 1 FROM coq_date_answer a WHERE a.poll_id = ?)")) {
                s.setString(1, poll.title());
                s.setLong(2, poll.id());
                s.setLong(3, poll.id());
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_date_slot WHERE poll_id = ?")) {
                s.setLong(1, poll.id());
                s.executeUpdate();
            }
            insertSlots(c, poll.id(), poll.slots());
            return true;
        });
    }

    @Override
    public boolean deleteDatePoll(long pollId) {
        // slots and answers go with it: ON DELETE CASCADE
        return sql.write("delete a date poll", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_date_poll WHERE id = ?")) {
                s.setLong(1, pollId);
                return s.executeUpdate() > 0;
            }
        });
    }

    private static void insertSlots(Connection c, long pollId, List<DateSlot> slots) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO coq_date_slot (poll_id, slot_index, starts_at, ends_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < slots.size(); i++) {
                s.setLong(1, pollId);
                s.setInt(2, i);
                s.setLong(3, slots.get(i).start().toEpochMilli());
                s.setLong(4, slots.get(i).end().toEpochMilli());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static List<DatePoll> list(PreparedStatement statement) throws SQLException {
        Map<Long, DatePoll> polls = new LinkedHashMap<>();
        Map<Long, List<DateSlot>> slots = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong("id");
                if (!polls.containsKey(id)) {
                    int slot = rows.getInt("chosen_slot");
                    Integer chosen = rows.wasNull() ? null : slot;
                    polls.put(id, new DatePoll(id, PageId.of(rows.getString("page")), rows.getString("title"), List.of(),
                            chosen));
                    slots.put(id, new ArrayList<>());
                }
                Instant start = Sql.instant(rows, "starts_at");
                if (start != null) {
                    slots.get(id).add(new DateSlot(start, Instant.ofEpochMilli(rows.getLong("ends_at"))));
                }
            }
        }
        List<DatePoll> result = new ArrayList<>();
        polls.forEach((id, p) -> result.add(new DatePoll(id, p.page(), p.title(), slots.get(id), p.chosen())));
        return List.copyOf(result);
    }
}
