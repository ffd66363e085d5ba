package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.coquille.core.PageId;
import org.coquille.spi.ReactionStore;

/** Emoji reactions in {@code coq_reaction}, whose primary key (page, user, emoji) makes each count once. */
final class JdbcReactions implements ReactionStore {

    /** The longest emoji (a sequence of code points joined by zero-width joiners fits), in characters. */
    static final int MAX_EMOJI_LENGTH = 50;

    private final Sql sql;
    private final String insert;

    JdbcReactions(Sql sql) {
        this.sql = sql;
        this.insert = sql.dialect().insertIfAbsent("coq_reaction", List.of("page", "user_id", "emoji"),
                List.of("reacted_at"));
    }

    @Override
    public boolean setReaction(PageId page, String user, String emoji, boolean on, Instant at) {
        Sql.fits(user, 200, "user id");
        Sql.fits(emoji, MAX_EMOJI_LENGTH, "reaction");
        if (on) {
            return sql.write("add a reaction", c -> {
                try (PreparedStatement s = c.prepareStatement(insert)) {
                    s.setString(1, page.value());
                    s.setString(2, user);
                    s.setString(3, emoji);
                    s.setLong(4, at.toEpochMilli());
                    return s.executeUpdate() > 0;
                }
            });
        }
        return sql.write("remove a reaction", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM coq_reaction WHERE page = ? AND user_id = ? AND emoji = ?")) {
                s.setString(1, page.value());
                s.setString(2, user);
                s.setString(3, emoji);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Map<String, Long> reactionCounts(PageId page) {
        return sql.read("count the reactions of a page", c -> {
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT emoji, COUNT(*) FROM coq_reaction WHERE page = ? GROUP BY emoji")) {
                s.setString(1, page.value());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return Collections.unmodifiableMap(counts);
        });
    }

    @Override
    public Set<String> reactionsOf(PageId page, String user) {
        return sql.read("read a user's reactions", c -> {
            Set<String> emoji = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT emoji FROM coq_reaction WHERE page = ? AND user_id = ?")) {
                s.setString(1, page.value());
                s.setString(2, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        emoji.add(rows.getString(1));
                    }
                }
            }
            return Set.copyOf(emoji);
        });
    }
}
