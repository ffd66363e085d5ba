package org.coquille.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

import org.coquille.core.Objective;

/** The columns that hold a page's or a pattern's objective, next to its other settings (V5). */
final class ObjectiveColumns {

    /** The columns, in the order {@link #bind} sets them. */
    static final List<String> NAMES = List.of("objective_purpose", "objective_text", "objective_target",
            "objective_end", "objective_since");

    private ObjectiveColumns() {
    }

    /** Fails before writing when the description is longer than its column. */
    static void check(Objective objective) {
        if (objective != null && objective.text() != null) {
            Sql.fits(objective.text(), Objective.MAX_TEXT_LENGTH, "objective description");
        }
    }

    /** Sets the five columns from parameter {@code first} on; all NULL for no objective. */
    static void bind(PreparedStatement s, int first, Objective objective) throws SQLException {
        if (objective == null) {
            for (int i = 0; i < NAMES.size(); i++) {
                s.setNull(first + i, i == 2 ? Types.INTEGER : i >= 3 ? Types.DATE : Types.VARCHAR);
            }
            return;
        }
        s.setString(first, objective.purpose().name());
        if (objective.text() == null) {
            s.setNull(first + 1, Types.VARCHAR);
        } else {
            s.setString(first + 1, objective.text());
        }
        if (objective.target() == null) {
            s.setNull(first + 2, Types.INTEGER);
        } else {
            s.setInt(first + 2, objective.target());
        }
        if (objective.endDate() == null) {
            s.setNull(first + 3, Types.DATE);
        } else {
            s.setObject(first + 3, objective.endDate());
        }
        s.setObject(first + 4, objective.since());
    }

    /** The objective of the current row, or {@code null}. */
    static Objective read(ResultSet rows) throws SQLException {
        String purpose = rows.getString("objective_purpose");
        if (purpose == null) {
            return null;
        }
        int target = rows.getInt("objective_target");
        Integer maybeTarget = rows.wasNull() ? null : target;
        return new Objective(Objective.Purpose.valueOf(purpose), rows.getString("objective_text"), maybeTarget,
                rows.getObject("objective_end", LocalDate.class), rows.getObject("objective_since", LocalDate.class));
    }
}
