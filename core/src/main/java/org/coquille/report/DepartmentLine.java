package org.coquille.report;

import java.util.List;
import java.util.Objects;

/**
 * A line of the report by department with its trend.
 *
 * @param group the department or "other", with its figures
 * @param trend how its participation rate moved from the earlier month to the later one, in points (0.031 is 3.1
 *              points up), or {@code null} when it cannot be told: the line is not the same in both months (it is
 *              merged into "other" in one, or "other" holds other departments), or the report has no such two months
 */
public record DepartmentLine(DepartmentGroup group, Double trend) {

    public DepartmentLine {
        Objects.requireNonNull(group, "group");
    }

    /** Each of {@code now}'s lines with its trend since {@code before} (its trends all unknown when that is null). */
    static List<DepartmentLine> since(List<DepartmentGroup> before, List<DepartmentGroup> now) {
        return now.stream().map(group -> new DepartmentLine(group, before == null ? null : before.stream()
                .filter(group::sameAs).findFirst()
                .map(earlier -> group.figures().participationRate() - earlier.figures().participationRate())
                .orElse(null))).toList();
    }
}
