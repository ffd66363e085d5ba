package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageId;
import org.coquille.spi.IdeaStore;

/**
 * Ideas in {@code coq_idea}, votes in {@code coq_idea_vote} (primary key idea and user: one vote each) and status
 * changes in {@code coq_idea_status}.
 */
final class JdbcIdeas implements IdeaStore {

    static final String SELECT = "SELECT i.id, i.page, i.author, i.title, i.body, i.created_at, i.status,"
            + " i.answer, (SELECT COUNT(*) FROM coq_idea_vote v WHERE v.idea_id = i.id) AS votes FROM coq_idea i";

    private final Sql sql;
    private final String vote;

    JdbcIdeas(Sql sql) {
        this.sql = sql;
        this.vote = sql.dialect().insertIfAbsent("coq_idea_vote", List.of("idea_id", "user_id"), List.of("voted_at"));
    }

    @Override
    public Idea addIdea(PageId page, String author, String title, String body, Instant at) {
        Sql.fits(author, 200, "user id");
        Sql.fits(title, 500, "idea title");
        Sql.fits(body, 100_000, "idea text");
        long id = sql.write("add an idea", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_idea"
                    + " (page, author, title, body, created_at, status) VALUES (?, ?, ?, ?, ?, ?)",
                    sql.dialect().idColumn())) {
                s.setString(1, page.value());
                s.setString(2, author);
                s.setString(3, title);
                s.setString(4, body);
                s.setLong(5, at.toEpochMilli());
                s.setString(6, IdeaStatus.NEW.name());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("The database returned no id for the new idea");
                    }
                    return keys.getLong(1);
                }
            }
        });
        return new Idea(id, page, author, title, body, Sql.stored(at), IdeaStatus.NEW, null, 0);
    }

    @Override
    public Idea idea(long id) {
        return sql.read("read an idea", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE i.id = ?")) {
                s.setLong(1, id);
                List<Idea> found = list(s);
                return found.isEmpty() ? null : found.get(0);
            }
        });
    }

    @Override
    public List<Idea> ideas(PageId page) {
        return sql.read("read the ideas of a page", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE i.page = ? ORDER BY i.id")) {
                s.setString(1, page.value());
                return list(s);
            }
        });
    }

    @Override
    public boolean putIdeaVote(long ideaId, String user, Instant at) {
        Sql.fits(user, 200, "user id");
        return sql.write("record a vote for an idea", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM coq_idea WHERE id = ?")) {
                s.setLong(1, ideaId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(vote)) {
                s.setLong(1, ideaId);
                s.setString(2, user);
                s.setLong(3, at.toEpochMilli());
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean removeIdeaVote(long ideaId, String user) {
        return sql.write("withdraw a vote for an idea", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_idea_vote WHERE idea_id = ? AND user_id = ?")) {
                s.setLong(1, ideaId);
                s.setString(2, user);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Set<Long> ideaVotesOf(PageId page, String user) {
        return sql.read("read a user's votes for ideas", c -> {
            Set<Long> mine = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT v.idea_id FROM coq_idea_vote v"
                    + " JOIN coq_idea i ON i.id = v.idea_id WHERE i.page = ? AND v.user_id = ?")) {
                s.setString(1, page.value());
                s.setString(2, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        mine.add(rows.getLong(1));
                    }
                }
            }
            return Set.copyOf(mine);
        });
    }

    /** The update only matches while the status is still {@code from}: of two editors racing, one wins. */
    @Override
    public boolean changeIdeaStatus(long ideaId, IdeaStatus from, IdeaStatus to, String answer, String editor,
                                    Instant at) {
        Sql.fits(editor, 200, "user id");
        if (answer != null) {
            Sql.fits(answer, 100_000, "idea answer");
        }
        return sql.write("change the status of an idea", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE coq_idea SET status = ?, answer = ? WHERE id = ? AND status = ?")) {
                s.setString(1, to.name());
                s.setString(2, answer);
                s.setLong(3, ideaId);
                s.setString(4, from.name());
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_idea_status"
                    + " (idea_id, from_status, to_status, answer, editor, changed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, ideaId);
                s.setString(2, from.name());
                s.setString(3, to.name());
                s.setString(4, answer);
                s.setString(5, editor);
                s.setLong(6, at.toEpochMilli());
                s.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<IdeaStatusChange> ideaHistory(PageId page) {
        return sql.read("read the status history of ideas", c -> {
            List<IdeaStatusChange> changes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT h.idea_id, h.from_status, h.to_status, h.answer,"
                    + " h.editor, h.changed_at FROM coq_idea_status h JOIN coq_idea i ON i.id = h.idea_id"
                    + " WHERE i.page = ? ORDER BY h.id")) {
                s.setString(1, page.value());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new IdeaStatusChange(rows.getLong(1), IdeaStatus.valueOf(rows.getString(2)),
                                IdeaStatus.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                                Instant.ofEpochMilli(rows.getLong(6))));
                    }
                }
            }
            return List.copyOf(changes);
        });
    }

    static List<Idea> list(PreparedStatement statement) throws SQLException {
        List<Idea> ideas = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ideas.add(new Idea(rows.getLong("id"), PageId.of(rows.getString("page")), rows.getString("author"),
                        rows.getString("title"), rows.getString("body"), Instant.ofEpochMilli(rows.getLong("created_at")),
                        IdeaStatus.valueOf(rows.getString("status")), rows.getString("answer"), rows.getLong("votes")));
            }
        }
        return List.copyOf(ideas);
    }
}
