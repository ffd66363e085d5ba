package org.coquille.report;

import java.util.List;
import java.util.Objects;

import org.coquille.core.DepartmentFigures;

/**
 * One line of the report by department: a department with enough people to be shown alone, or "other", which holds
 * the departments too small to be, and the people whose department is not known.
 *
 * @param department the department, or {@code null} for "other"
 * @param merged     for "other", the departments it holds, by name; empty for a department
 * @param unknown    for "other", whether it holds people whose department is not known
 * @param figures    the figures of the line (for "other", those of everything it holds, added up)
 */
public record DepartmentGroup(String department, List<String> merged, boolean unknown, DepartmentFigures figures) {

    public DepartmentGroup {
        merged = List.copyOf(merged);
        Objects.requireNonNull(figures, "figures");
    }

    /** Whether this is the "other" line. */
    public boolean other() {
        return department == null;
    }

    /** Whether {@code group} is the same line: the same department, or "other" holding the same departments. */
    public boolean sameAs(DepartmentGroup group) {
        return Objects.equals(department, group.department) && merged.equals(group.merged) && unknown == group.unknown;
    }
}
