package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.core.VoteTally;
import org.coquille.spi.VoteStore;

/** Page votes in {@code coq_vote}, whose primary key (page, user) allows one vote per user and page. */
final class JdbcVotes implements VoteStore {

    private final Sql sql;
    private final String upsert;

    JdbcVotes(Sql sql) {
        this.sql = sql;
        this.upsert = sql.dialect().upsert("coq_vote", List.of("page", "user_id"), List.of("vote_value", "voted_at"));
    }

    @Override
    public void putVote(PageId page, String user, int value, Instant at) {
        Sql.fits(user, 200, "user id");
        sql.writeStatement("record a vote", c -> {
            try (PreparedStatement s = c.prepareStatement(upsert)) {
                s.setString(1, page.value());
                s.setString(2, user);
                s.setInt(3, value);
                s.setLong(4, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean removeVote(PageId page, String user) {
        return sql.writeStatement("remove a vote", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coq_vote WHERE page = ? AND user_id = ?")) {
                s.setString(1, page.value());
                s.setString(2, user);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Integer vote(PageId page, String user) {
        return sql.read("read a vote", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT vote_value FROM coq_vote WHERE page = ? AND user_id = ?")) {
                s.setString(1, page.value());
                s.setString(2, user);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : null;
                }
            }
        });
    }

    @Override
    public VoteTally tally(PageId page) {
        return sql.read("count the votes of a page", c -> {
            Map<Integer, Long> counts = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT vote_value, COUNT(*) FROM coq_vote WHERE page = ? GROUP BY vote_value")) {
                s.setString(1, page.value());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getInt(1), rows.getLong(2));
                    }
                }
            }
            return VoteTally.of(counts);
        });
    }
}
