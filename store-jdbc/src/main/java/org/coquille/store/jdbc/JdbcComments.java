package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.PageId;
import org.coquille.spi.CommentStore;

/** Comments and replies in {@code coq_comment}, with ids the database generates. */
final class JdbcComments implements CommentStore {

    static final String SELECT = "SELECT id, page, parent_id, author, body, created_at, edited_at, state"
            + " FROM coq_comment";

    private final Sql sql;

    JdbcComments(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Comment addComment(PageId page, Long parentId, String author, String body, Instant at, CommentState state) {
        Sql.fits(author, 200, "comment author");
        Comment unsaved = new Comment(0, page, parentId, author, body, Sql.stored(at), null, state);
        long id = sql.write("add a comment", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coq_comment"
                    + " (page, parent_id, author, body, created_at, state) VALUES (?, ?, ?, ?, ?, ?)",
                    sql.dialect().idColumn())) {
                s.setString(1, page.value());
                if (parentId == null) {
                    s.setNull(2, Types.BIGINT);
                } else {
                    s.setLong(2, parentId);
                }
                s.setString(3, author);
                s.setString(4, body);
                s.setLong(5, at.toEpochMilli());
                s.setString(6, state.name());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("The database returned no id for the new comment");
                    }
                    return keys.getLong(1);
                }
            }
        });
        return new Comment(id, unsaved.page(), parentId, author, body, unsaved.created(), null, state);
    }

    @Override
    public Comment comment(long id) {
        return sql.read("read a comment", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
                s.setLong(1, id);
                List<Comment> found = list(s);
                return found.isEmpty() ? null : found.get(0);
            }
        });
    }

    @Override
    public List<Comment> comments(PageId page) {
        return sql.read("read the comments of a page", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE page = ? ORDER BY created_at, id")) {
                s.setString(1, page.value());
                return list(s);
            }
        });
    }

    @Override
    public List<Comment> commentsInState(CommentState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return sql.read("read the comments in state " + state, c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT
                    + " WHERE state = ? ORDER BY created_at DESC, id DESC LIMIT ?")) {
                s.setString(1, state.name());
                s.setInt(2, limit);
                return list(s);
            }
        });
    }

    @Override
    public boolean editComment(long id, String body, Instant at) {
        return sql.write("edit a comment", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_comment SET body = ?, edited_at = ? WHERE id = ?")) {
                s.setString(1, body);
                s.setLong(2, at.toEpochMilli());
                s.setLong(3, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean setCommentState(long id, CommentState state) {
        return sql.write("change the state of a comment", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coq_comment SET state = ? WHERE id = ?")) {
                s.setString(1, state.name());
                s.setLong(2, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    static List<Comment> list(PreparedStatement statement) throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long parent = rows.getLong("parent_id");
                Long parentId = rows.wasNull() ? null : parent;
                comments.add(new Comment(rows.getLong("id"), PageId.of(rows.getString("page")), parentId,
                        rows.getString("author"), rows.getString("body"), Sql.instant(rows, "created_at"),
                        Sql.instant(rows, "edited_at"), CommentState.valueOf(rows.getString("state"))));
            }
        }
        return List.copyOf(comments);
    }
}
