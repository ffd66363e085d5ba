package org.coquille.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.coquille.core.DepartmentFigures;

/**
 * The report by department's part of {@link JdbcActivity}: {@code coq_department} holds one department per
 * pseudonymous key, and the sums join it to the intranet's daily readers ({@code coq_reader_day}) and to the
 * contributions, a key without a department falling under a {@code null} one.
 */
final class DepartmentRows {

    static final int MAX_DEPARTMENT_LENGTH = 200;

    private final Sql sql;
    private final String place;

    DepartmentRows(Sql sql) {
        this.sql = sql;
        this.place = sql.dialect().upsert("coq_department", List.of("person_key"), List.of("department", "seen_on"));
    }

    void place(LocalDate day, Map<String, String> departmentOfKey) {
        // written in the keys' order, so that concurrent flushes cannot deadlock
        Map<String, String> rows = new TreeMap<>();
        departmentOfKey.forEach((key, department) -> rows.put(
                Sql.fits(key, JdbcViews.MAX_VIEWER_KEY_LENGTH, "viewer key"),
                Sql.fits(department, MAX_DEPARTMENT_LENGTH, "department")));
        if (rows.isEmpty()) {
            return;
        }
        sql.write("record people's departments", c -> {
            try (PreparedStatement s = c.prepareStatement(place)) {
                for (Map.Entry<String, String> row : rows.entrySet()) {
                    s.setString(1, row.getKey());
                    s.setString(2, row.getValue());
                    s.setObject(3, day);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Sums for one department. */
    private static final class Sum {
        long readers;
        long reactors;
        long commenters;
        long contributors;
    }

    List<DepartmentFigures> figures(LocalDate from, LocalDate to) {
        return sql.read("sum the activity by department", c -> {
            Map<String, Sum> sums = new HashMap<>();
            query(c, "SELECT d.department, COUNT(DISTINCT r.viewer_key) FROM coq_reader_day r"
                    + " LEFT JOIN coq_department d ON d.person_key = r.viewer_key"
                    + " WHERE r.view_day BETWEEN ? AND ? GROUP BY d.department", from, to,
                    (sum, rows) -> sum.readers = rows.getLong(2), sums);
            query(c, "SELECT d.department, COUNT(DISTINCT CASE WHEN a.kind NOT IN ('C', 'I') THEN a.actor_key END),"
                    + " COUNT(DISTINCT CASE WHEN a.kind IN ('C', 'I') THEN a.actor_key END), COUNT(DISTINCT a.actor_key)"
                    + " FROM coq_contribution a LEFT JOIN coq_department d ON d.person_key = a.actor_key"
                    + " WHERE a.contrib_day BETWEEN ? AND ? GROUP BY d.department", from, to, (sum, rows) -> {
                        sum.reactors = rows.getLong(2);
                        sum.commenters = rows.getLong(3);
                        sum.contributors = rows.getLong(4);
                    }, sums);
            List<DepartmentFigures> found = new ArrayList<>(sums.size());
            sums.forEach((department, sum) -> found.add(new DepartmentFigures(department, sum.readers, sum.reactors,
                    sum.commenters, sum.contributors)));
            return List.copyOf(found);
        });
    }

    @FunctionalInterface
    private interface Reader {
        void read(Sum sum, ResultSet rows) throws SQLException;
    }

    private static void query(Connection c, String select, LocalDate from, LocalDate to, Reader reader,
                              Map<String, Sum> sums) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
            s.setObject(1, from);
            s.setObject(2, to);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    reader.read(sums.computeIfAbsent(rows.getString(1), d -> new Sum()), rows);
                }
            }
        }
    }

    Optional<String> departmentOf(String key) {
        return sql.read("read a key's department", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT department FROM coq_department WHERE person_key = ?")) {
                s.setString(1, key);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The purge's statement, taking the first day kept. */
    static final String PURGE = "DELETE FROM coq_department WHERE seen_on < ?";

    /** The statement of a key's replacement: the new key, then the old. */
    static final String REPLACE_KEY = "UPDATE coq_department SET person_key = ? WHERE person_key = ?";
}
