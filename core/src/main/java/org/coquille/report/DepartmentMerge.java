package org.coquille.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coquille.core.DepartmentFigures;

/**
 * The rule that keeps anyone from being singled out in the report by department. A department with fewer than the
 * minimum of people is merged into "other", with the people whose department is not known. If "other" then holds some
 * people but fewer than the minimum (one small department alone would show through it, or through the total less the
 * departments shown), the smallest departments shown join it, one at a time, until it has enough. If even everyone
 * together is too few, nothing is shown. A department's people are counted as {@link DepartmentFigures#people()}: never
 * more than there are.
 */
public final class DepartmentMerge {

    private static final Comparator<DepartmentFigures> SMALLEST_FIRST = Comparator
            .comparingLong(DepartmentFigures::people).thenComparing(DepartmentFigures::department, Comparator.reverseOrder());

    private DepartmentMerge() {
    }

    /**
     * The lines to show for {@code found} (one entry per department, {@code null} for the people without one):
     * the departments by name, then "other" if it holds anyone; empty when there are too few people to show any.
     *
     * @param minPeople the fewest people a line may be about, at least 1
     */
    public static List<DepartmentGroup> of(List<DepartmentFigures> found, int minPeople) {
        if (minPeople < 1) {
            throw new IllegalArgumentException("minPeople must be at least 1, was " + minPeople);
        }
        List<DepartmentFigures> shown = new ArrayList<>();
        List<DepartmentFigures> other = new ArrayList<>();
        for (DepartmentFigures f : found) {
            if (f.people() == 0) {
                continue;
            }
            (f.department() != null && f.people() >= minPeople ? shown : other).add(f);
        }
        shown.sort(SMALLEST_FIRST);
        while (!other.isEmpty() && people(other) < minPeople && !shown.isEmpty()) {
            other.add(shown.remove(0));
        }
        if (!other.isEmpty() && people(other) < minPeople) {
            return List.of();
        }
        List<DepartmentGroup> lines = new ArrayList<>();
        shown.stream().sorted(Comparator.comparing(DepartmentFigures::department))
                .forEach(f -> lines.add(new DepartmentGroup(f.department(), List.of(), false, f)));
        if (!other.isEmpty()) {
            DepartmentFigures sum = new DepartmentFigures(null, 0, 0, 0, 0);
            for (DepartmentFigures f : other) {
                sum = sum.plus(f, null);
            }
            List<String> merged = other.stream().map(DepartmentFigures::department)
                    .filter(java.util.Objects::nonNull).sorted().toList();
            lines.add(new DepartmentGroup(null, merged, other.stream().anyMatch(f -> f.department() == null), sum));
        }
        return List.copyOf(lines);
    }

    private static long people(List<DepartmentFigures> figures) {
        return figures.stream().mapToLong(DepartmentFigures::people).sum();
    }
}
