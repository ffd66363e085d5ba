package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.coquille.core.Availability;
import org.coquille.core.CommentState;
import org.coquille.core.Idea;
import org.coquille.core.PageId;
import org.coquille.core.UserData;
import org.coquille.spi.PersonalDataStore;

/**
 * One person's comments, votes, poll answers, reactions, ideas, idea votes and date-poll answers, read for an export
 * or erased, by user id.
 */
final class JdbcPersonalData implements PersonalDataStore {

    private final Sql sql;

    JdbcPersonalData(Sql sql) {
        this.sql = sql;
    }

    @Override
    public UserData userData(String user) {
        return sql.read("read one person's data", c -> {
            List<org.coquille.core.Comment> comments;
            try (PreparedStatement s = c.prepareStatement(JdbcComments.SELECT + " WHERE author = ? ORDER BY created_at, id")) {
                s.setString(1, user);
                comments = JdbcComments.list(s);
            }
            List<UserData.Vote> votes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT page, vote_value, voted_at FROM coq_vote WHERE user_id = ? ORDER BY page")) {
                s.setString(1, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        votes.add(new UserData.Vote(PageId.of(rows.getString(1)), rows.getInt(2),
                                Sql.instant(rows, "voted_at")));
                    }
                }
            }
            record Ballot(long poll, PageId page, java.time.Instant at, TreeSet<Integer> options) { }
            Map<Long, Ballot> ballots = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT b.poll_id, p.page, b.answered_at, a.option_index"
                    + " FROM coq_poll_ballot b JOIN coq_poll p ON p.id = b.poll_id"
                    + " LEFT JOIN coq_poll_answer a ON a.poll_id = b.poll_id AND a.user_id = b.user_id"
                    + " WHERE b.user_id = ? ORDER BY b.poll_id, a.option_index")) {
                s.setString(1, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        Ballot ballot = ballots.computeIfAbsent(rows.getLong(1), id -> {
                            try {
                                return new Ballot(id, PageId.of(rows.getString(2)), Sql.instant(rows, "answered_at"),
                                        new TreeSet<>());
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        int option = rows.getInt(4);
                        if (!rows.wasNull()) {
                            ballot.options().add(option);
                        }
                    }
                }
            }
            List<UserData.Answer> answers = ballots.values().stream()
                    .map(b -> new UserData.Answer(b.poll(), b.page(), b.options(), b.at())).toList();
            List<UserData.Reaction> reactions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT page, emoji, reacted_at FROM coq_reaction WHERE user_id = ? ORDER BY page, emoji")) {
                s.setString(1, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        reactions.add(new UserData.Reaction(PageId.of(rows.getString(1)), rows.getString(2),
                                Sql.instant(rows, "reacted_at")));
                    }
                }
            }
            List<Idea> ideas;
            try (PreparedStatement s = c.prepareStatement(JdbcIdeas.SELECT + " WHERE i.author = ? ORDER BY i.id")) {
                s.setString(1, user);
                ideas = JdbcIdeas.list(s);
            }
            List<UserData.IdeaVote> ideaVotes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT v.idea_id, i.page FROM coq_idea_vote v"
                    + " JOIN coq_idea i ON i.id = v.idea_id WHERE v.user_id = ? ORDER BY v.idea_id")) {
                s.setString(1, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        ideaVotes.add(new UserData.IdeaVote(rows.getLong(1), PageId.of(rows.getString(2))));
                    }
                }
            }
            return new UserData(user, comments, votes, answers, reactions, ideas, ideaVotes, dateAnswers(c, user));
        });
    }

    @Override
    public void eraseUser(String user) {
        sql.write("erase one person's data", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_comment SET author = ?, body = ?, edited_at = NULL,"
                    + " state = ? WHERE author = ?")) {
                s.setString(1, ERASED_AUTHOR);
                s.setString(2, "");
                s.setString(3, CommentState.DELETED.name());
                s.setString(4, user);
                s.executeUpdate();
            }
            // ideas stay, for their votes, answers and comments, without their author and text
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_idea SET author = ?, title = ?, body = ?"
                    + " WHERE author = ?")) {
                s.setString(1, ERASED_AUTHOR);
                s.setString(2, "");
                s.setString(3, "");
                s.setString(4, user);
                s.executeUpdate();
            }
            for (String delete : List.of("DELETE FROM coq_vote WHERE user_id = ?",
                    "DELETE FROM coq_poll_answer WHERE user_id = ?", "DELETE FROM coq_poll_ballot WHERE user_id = ?",
                    "DELETE FROM coq_reaction WHERE user_id = ?", "DELETE FROM coq_idea_vote WHERE user_id = ?",
                    "DELETE FROM coq_date_answer WHERE user_id = ?")) {
                try (PreparedStatement s = c.prepareStatement(delete)) {
                    s.setString(1, user);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private static List<UserData.DateAnswer> dateAnswers(Connection c, String user) throws SQLException {
        record Given(PageId page, Map<Integer, Availability> slots) { }
        Map<Long, Given> byPoll = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.poll_id, p.page, a.slot_index, a.availability"
                + " FROM coq_date_answer a JOIN coq_date_poll p ON p.id = a.poll_id WHERE a.user_id = ?"
                + " ORDER BY a.poll_id, a.slot_index")) {
            s.setString(1, user);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    PageId page = PageId.of(rows.getString(2));
                    byPoll.computeIfAbsent(rows.getLong(1), poll -> new Given(page, new TreeMap<>()))
                            .slots().put(rows.getInt(3), Availability.valueOf(rows.getString(4)));
                }
            }
        }
        List<UserData.DateAnswer> answers = new ArrayList<>();
        byPoll.forEach((poll, given) -> answers.add(new UserData.DateAnswer(poll, given.page(), given.slots())));
        return answers;
    }
}
