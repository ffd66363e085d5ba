package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.PollResults;
import org.coquille.core.ResultsVisibility;
import org.coquille.spi.PollStore;

/**
 * Polls in {@code coq_poll} and {@code coq_poll_option}; answers as one {@code coq_poll_ballot} row per
 * participant (the participant count) and one {@code coq_poll_answer} row per chosen option. Deleting a
 * poll cascades to its options, ballots and answers.
 */
final class JdbcPolls implements PollStore {

    private static final String SELECT = "SELECT p.id, p.page, p.question, p.choice, p.opens_at, p.closes_at,"
            + " p.results, o.option_index, o.label FROM coq_poll p LEFT JOIN coq_poll_option o ON o.poll_id = p.id";

    private final Sql sql;
    private final String ballot;

    JdbcPolls(Sql sql) {
        this.sql = sql;
        this.ballot = sql.dialect().upsert("coq_poll_ballot", List.of("poll_id", "user_id"), List.of("answered_at"));
    }

    @Override
    public Poll createPoll(Poll poll) {
        check(poll);
        long id = sql.write("create a poll", c -> {
            long created;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_poll"
                    + " (page, question, choice, opens_at, closes_at, results) VALUES (?, ?, ?, ?, ?, ?)",
                    sql.dialect().idColumn())) {
                s.setString(1, poll.page().value());
                setFields(s, poll, 2);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("The database returned no id for the new poll");
                    }
                    created = keys.getLong(1);
                }
            }
            insertOptions(c, created, poll.options());
            return created;
        });
        return stored(poll.withId(id));
    }

    @Override
    public boolean updatePoll(Poll poll) {
        check(poll);
        return sql.write("update a poll", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_poll SET page = ?, question = ?, choice = ?,"
                    + " opens_at = ?, closes_at = ?, results = ? WHERE id = ?")) {
                s.setString(1, poll.page().value());
                setFields(s, poll, 2);
                s.setLong(7, poll.id());
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_poll_option WHERE poll_id = ?")) {
                s.setLong(1, poll.id());
                s.executeUpdate();
            }
            insertOptions(c, poll.id(), poll.options());
            return true;
        });
    }

    @Override
    public boolean deletePoll(long pollId) {
        // options, ballots and their answers go with it: ON DELETE CASCADE
        return sql.write("delete a poll", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_poll WHERE id = ?")) {
                s.setLong(1, pollId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Poll poll(long pollId) {
        return sql.read("read a poll", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE p.id = ? ORDER BY o.option_index")) {
                s.setLong(1, pollId);
                List<Poll> found = list(s);
                return found.isEmpty() ? null : found.get(0);
            }
        });
    }

    @Override
    public List<Poll> polls(PageId page) {
        return sql.read("read the polls of a page", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE p.page = ? ORDER BY p.id, o.option_index")) {
                s.setString(1, page.value());
                return list(s);
            }
        });
    }

    @Override
    public List<Poll> allPolls() {
        return sql.read("read every poll", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY p.id, o.option_index")) {
                return list(s);
            }
        });
    }

    /**
     * Writes the ballot first: its upsert locks the (poll, user) row, so concurrent answers from one user
     * queue behind each other instead of mixing their options. An answer to a poll that no longer exists
     * is dropped, as deleting the poll would have dropped it.
     */
    @Override
    public void answerPoll(long pollId, String user, Set<Integer> options, Instant at) {
        Sql.fits(user, 200, "user id");
        if (options.isEmpty()) {
            throw new IllegalArgumentException("A poll answer chooses at least one option");
        }
        Set<Integer> sorted = new TreeSet<>(options);
        sql.write("record a poll answer", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM coq_poll WHERE id = ?")) {
                s.setLong(1, pollId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(ballot)) {
                s.setLong(1, pollId);
                s.setString(2, user);
                s.setLong(3, at.toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_poll_answer WHERE poll_id = ? AND user_id = ?")) {
                s.setLong(1, pollId);
                s.setString(2, user);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO coq_poll_answer (poll_id, user_id, option_index) VALUES (?, ?, ?)")) {
                for (int option : sorted) {
                    s.setLong(1, pollId);
                    s.setString(2, user);
                    s.setInt(3, option);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    @Override
    public Set<Integer> pollAnswer(long pollId, String user) {
        return sql.read("read a poll answer", c -> {
            Set<Integer> chosen = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT option_index FROM coq_poll_answer WHERE poll_id = ? AND user_id = ?")) {
                s.setLong(1, pollId);
                s.setString(2, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        chosen.add(rows.getInt(1));
                    }
                }
            }
            return Set.copyOf(chosen);
        });
    }

    @Override
    public PollResults pollResults(long pollId) {
        // one statement, so that the counts come from one snapshot
        return sql.read("count the answers of a poll", c -> {
            List<Long> perOption = new ArrayList<>();
            long participants = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT o.option_index,"
                    + " (SELECT COUNT(*) FROM coq_poll_answer a WHERE a.poll_id = o.poll_id AND a.option_index = o.option_index),"
                    + " (SELECT COUNT(*) FROM coq_poll_ballot b WHERE b.poll_id = o.poll_id)"
                    + " FROM coq_poll_option o WHERE o.poll_id = ? ORDER BY o.option_index")) {
                s.setLong(1, pollId);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        perOption.add(rows.getLong(2));
                        participants = rows.getLong(3);
                    }
                }
            }
            return new PollResults(pollId, perOption, participants);
        });
    }

    private static void check(Poll poll) {
        Sql.fits(poll.question(), 2000, "poll question");
        poll.options().forEach(option -> Sql.fits(option, 1000, "poll option"));
    }

    private static void setFields(PreparedStatement s, Poll poll, int first) throws SQLException {
        s.setString(first, poll.question());
        s.setString(first + 1, poll.choice().name());
        Sql.setNullableMillis(s, first + 2, poll.opensAt());
        Sql.setNullableMillis(s, first + 3, poll.closesAt());
        s.setString(first + 4, poll.results().name());
    }

    private static void insertOptions(Connection c, long pollId, List<String> options) throws SQLException {
        if (options.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO coq_poll_option (poll_id, option_index, label) VALUES (?, ?, ?)")) {
            for (int i = 0; i < options.size(); i++) {
                s.setLong(1, pollId);
                s.setInt(2, i);
                s.setString(3, options.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Poll stored(Poll poll) {
        return new Poll(poll.id(), poll.page(), poll.question(), poll.options(), poll.choice(),
                Sql.stored(poll.opensAt()), Sql.stored(poll.closesAt()), poll.results());
    }

    private static List<Poll> list(PreparedStatement statement) throws SQLException {
        Map<Long, Poll> polls = new LinkedHashMap<>();
        Map<Long, List<String>> options = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong("id");
                if (!polls.containsKey(id)) {
                    polls.put(id, new Poll(id, PageId.of(rows.getString("page")), rows.getString("question"), List.of(),
                            PollChoice.valueOf(rows.getString("choice")), Sql.instant(rows, "opens_at"),
                            Sql.instant(rows, "closes_at"), ResultsVisibility.valueOf(rows.getString("results"))));
                    options.put(id, new ArrayList<>());
                }
                String label = rows.getString("label");
                if (label != null) {
                    options.get(id).add(label);
                }
            }
        }
        List<Poll> result = new ArrayList<>();
        polls.forEach((id, p) -> result.add(new Poll(id, p.page(), p.question(), options.get(id), p.choice(),
                p.opensAt(), p.closesAt(), p.results())));
        return List.copyOf(result);
    }
}
