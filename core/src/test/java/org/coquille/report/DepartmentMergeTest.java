package org.coquille.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.coquille.core.DepartmentFigures;
import org.junit.jupiter.api.Test;

/** The rule that merges small departments into "other" so that no line of the report is about fewer than the minimum. */
class DepartmentMergeTest {

    /** A department whose {@code readers} read and {@code contributors} of them took part (reacted). */
    private static DepartmentFigures dept(String name, long readers, long contributors) {
        return new DepartmentFigures(name, readers, contributors, 0, contributors);
    }

    private static List<String> names(List<DepartmentGroup> groups) {
        return groups.stream().map(g -> g.other() ? "other" + g.merged() + (g.unknown() ? "+unknown" : "") : g.department())
                .toList();
    }

    @Test
    void departmentsWithEnoughPeopleAreShownAloneByName() {
        List<DepartmentGroup> groups = DepartmentMerge.of(List.of(dept("Ventes", 12, 3), dept("Achats", 5, 1)), 5);
        assertThat(names(groups)).containsExactly("Achats", "Ventes");
        assertThat(groups.get(0).figures()).isEqualTo(dept("Achats", 5, 1));
    }

    @Test
    void smallDepartmentsAndTheUnknownAreMergedIntoOtherWithTheirFiguresAddedUp() {
        List<DepartmentGroup> groups = DepartmentMerge.of(List.of(dept("Ventes", 12, 3), dept("Juridique", 2, 1),
                dept("Direction", 1, 1), dept(null, 4, 0)), 5);
        assertThat(names(groups)).containsExactly("Ventes", "other[Direction, Juridique]+unknown");
        assertThat(groups.get(1).figures()).isEqualTo(new DepartmentFigures(null, 7, 2, 0, 2));
    }

    @Test
    void oneSmallDepartmentIsNeverMergedAloneTheSmallestShownOneJoinsIt() {
        // Juridique alone in "other" would be Juridique under another name: its 2 people would show through it
        List<DepartmentGroup> groups = DepartmentMerge.of(List.of(dept("Ventes", 12, 3), dept("Achats", 6, 2),
                dept("Informatique", 8, 1), dept("Juridique", 2, 1)), 5);
        assertThat(names(groups)).containsExactly("Informatique", "Ventes", "other[Achats, Juridique]");
        assertThat(groups.get(2).figures().people()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void departmentsJoinOtherOneAtATimeUntilItHasEnough() {
        List<DepartmentGroup> groups = DepartmentMerge.of(List.of(dept("A", 5, 0), dept("B", 5, 0), dept("C", 9, 0),
                dept(null, 1, 0)), 7);
        // A (5) and B (5) are under 7: other = A + B + unknown = 11, C stays
        assertThat(names(groups)).containsExactly("C", "other[A, B]+unknown");
        List<DepartmentGroup> two = DepartmentMerge.of(List.of(dept("A", 7, 0), dept("B", 8, 0), dept(null, 1, 0)), 7);
        // the unknown one alone is too few: A, the smallest, joins it (8), B stays
        assertThat(names(two)).containsExactly("B", "other[A]+unknown");
    }

    @Test
    void tooFewPeopleInAllShowsNothing() {
        assertThat(DepartmentMerge.of(List.of(dept("A", 2, 1), dept("B", 1, 0), dept(null, 1, 1)), 5)).isEmpty();
        assertThat(DepartmentMerge.of(List.of(), 5)).isEmpty();
    }

    @Test
    void everyoneInOtherIsShownWhenTheyAreEnoughTogether() {
        assertThat(names(DepartmentMerge.of(List.of(dept("A", 2, 1), dept("B", 3, 0)), 5))).containsExactly("other[A, B]");
    }

    @Test
    void contributorsWhoDidNotReadCountAsPeopleToo() {
        // 3 readers but 5 contributors: at least 5 people
        assertThat(names(DepartmentMerge.of(List.of(dept("A", 3, 5), dept("B", 9, 0)), 5))).containsExactly("A", "B");
    }

    @Test
    void aMinimumOfOneShowsEveryDepartmentAndZeroIsRefused() {
        assertThat(names(DepartmentMerge.of(List.of(dept("A", 1, 1), dept(null, 1, 0)), 1))).containsExactly("A", "other[]+unknown");
        assertThatThrownBy(() -> DepartmentMerge.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minPeople");
    }
}
