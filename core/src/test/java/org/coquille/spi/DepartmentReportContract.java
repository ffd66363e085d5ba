package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;
import org.coquille.core.DepartmentFigures;
import org.coquille.core.PageId;
import org.coquille.core.ViewBatch;
import org.coquille.report.DepartmentGroup;
import org.coquille.report.DepartmentLine;
import org.coquille.report.DepartmentMonth;
import org.coquille.report.DepartmentReport;
import org.coquille.report.DepartmentReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report by department over a small hand-made data set, on every store (it runs inside {@link SocialStoreContract}):
 * the store's sums per department, the merge into "other" (including a department too small alone, which takes the
 * smallest shown one with it), the trend, and what a purge and an erasure do to the departments.
 * <p>Ventes: k1-k6; Achats: k7-k11; Juridique: k12, k13; k14 has no department. Minimum: 5 people.
 * <pre>
 * 5 Jan   read: k1-k6, k7-k11, k12, k14    k1 comments, k2 reacts, k7 votes
 * 10 Feb  read: k1-k6, k7-k11, k12, k13, k14    k1 and k2 react, k3 comments, k8 votes, k9 reacts, k13 comments
 * 2 Mar   read: k1
 * </pre>
 */
public abstract class DepartmentReportContract {

    static final PageId A = PageId.of("/news/canteen.jsp");
    static final PageId B = PageId.of("/hr/holidays.jsp");
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 10);
    static final LocalDate JAN = LocalDate.of(2026, 1, 5);
    static final LocalDate FEB = LocalDate.of(2026, 2, 10);
    static final LocalDate MAR = LocalDate.of(2026, 3, 2);

    /** The store under test, fresh and empty. */
    protected abstract SocialStore store();

    private DepartmentReports reports;

    @BeforeEach
    void fill() {
        ActivityStore activity = store().activity();
        Map<String, String> departments = new HashMap<>();
        for (int k = 1; k <= 13; k++) {
            departments.put("k" + k, k <= 6 ? "Ventes" : k <= 11 ? "Achats" : "Juridique");
        }
        activity.placeInDepartments(FEB, departments);
        store().views().addViews(List.of(views(A, JAN, keys(1, 11), "k12", "k14"), views(B, JAN, Set.of("k1"))));
        store().views().addViews(List.of(views(A, FEB, keys(1, 11), "k12", "k13", "k14"), views(A, MAR, Set.of("k1"))));
        activity.addContributions(List.of(did(A, JAN, Contribution.COMMENT, "k1"), did(A, JAN, Contribution.REACTION, "k2"),
                did(A, JAN, Contribution.VOTE, "k7")));
        activity.addContributions(List.of(did(A, FEB, Contribution.REACTION, "k1", "k2", "k9"),
                did(A, FEB, Contribution.COMMENT, "k3", "k13"), did(B, FEB, Contribution.VOTE, "k8")));
        reports = new DepartmentReports(activity, 5, Runnable::run);
    }

    private static Set<String> keys(int first, int last, String... more) {
        Set<String> keys = new java.util.HashSet<>(Set.of(more));
        for (int k = first; k <= last; k++) {
            keys.add("k" + k);
        }
        return keys;
    }

    private static ViewBatch views(PageId page, LocalDate day, Set<String> keys, String... more) {
        Set<String> all = new java.util.HashSet<>(keys);
        all.addAll(Set.of(more));
        return new ViewBatch(page, day, all.size(), all);
    }

    private static ContributionBatch did(PageId page, LocalDate day, Contribution kind, String... keys) {
        Map<String, Long> counts = new HashMap<>();
        for (String key : keys) {
            counts.put(key, 1L);
        }
        return new ContributionBatch(page, day, kind, counts);
    }

    private static Map<String, DepartmentFigures> byName(List<DepartmentFigures> figures) {
        Map<String, DepartmentFigures> found = new HashMap<>();
        figures.forEach(f -> found.put(f.department() == null ? "?" : f.department(), f));
        return found;
    }

    @Test
    void theStoreCountsEachPersonOnceUnderTheirDepartmentAndThoseWithoutOneApart() {
        Map<String, DepartmentFigures> period = byName(store().activity().departments(FROM, TO));
        assertThat(period).containsOnlyKeys("Ventes", "Achats", "Juridique", "?");
        // Ventes: k1-k6 read; k1, k2 reacted; k1, k3 wrote
        assertThat(period.get("Ventes")).isEqualTo(new DepartmentFigures("Ventes", 6, 2, 2, 3));
        assertThat(period.get("Achats")).isEqualTo(new DepartmentFigures("Achats", 5, 3, 0, 3));
        assertThat(period.get("Juridique")).isEqualTo(new DepartmentFigures("Juridique", 2, 0, 1, 1));
        assertThat(period.get("?")).isEqualTo(new DepartmentFigures(null, 1, 0, 0, 0));
        Map<String, DepartmentFigures> january = byName(store().activity().departments(FROM, JAN));
        assertThat(january.get("Ventes")).isEqualTo(new DepartmentFigures("Ventes", 6, 1, 1, 2));
        assertThat(january.get("Juridique")).isEqualTo(new DepartmentFigures("Juridique", 1, 0, 0, 0));
        assertThat(store().activity().departments(TO.plusDays(1), TO.plusDays(9))).isEmpty();
    }

    @Test
    void aSmallDepartmentIsMergedIntoOtherWithTheSmallestShownOneSoItCannotShowThrough() {
        DepartmentReport report = reports.of(FROM, TO);
        assertThat(report.known()).isTrue();
        assertThat(report.minPeople()).isEqualTo(5);
        // Juridique (2) and the unknown (1) are 3 people: too few, so Achats (5, the smallest shown) joins them
        assertThat(report.lines()).extracting(line -> line.group().department()).containsExactly("Ventes", null);
        DepartmentGroup other = report.lines().get(1).group();
        assertThat(other.merged()).containsExactly("Achats", "Juridique");
        assertThat(other.unknown()).isTrue();
        assertThat(other.figures()).isEqualTo(new DepartmentFigures(null, 8, 3, 1, 4));
        assertThat(report.lines()).allSatisfy(line -> assertThat(line.group().figures().people()).isGreaterThanOrEqualTo(5));
    }

    @Test
    void eachMonthIsMergedOnItsOwnAndTheTrendComparesTheLastTwoWholeMonths() {
        DepartmentReport report = reports.of(FROM, TO);
        assertThat(report.months()).extracting(DepartmentMonth::month)
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(report.months().get(2).whole()).isFalse();
        assertThat(report.months().get(2).lines()).as("one reader in March: nothing can be shown").isEmpty();
        assertThat(report.trendFrom()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(report.trendTo()).isEqualTo(YearMonth.of(2026, 2));
        // Ventes: 2 of 6 took part in January, 3 of 6 in February
        DepartmentLine ventes = report.lines().get(0);
        assertThat(ventes.trend()).isCloseTo(3.0 / 6 - 2.0 / 6, within(1e-9));
        // other holds Achats, Juridique and the unknown in both months: 1 of 7, then 3 of 8
        assertThat(report.lines().get(1).trend()).isCloseTo(3.0 / 8 - 1.0 / 7, within(1e-9));
        DepartmentMonth february = report.months().get(1);
        assertThat(february.lines()).extracting(line -> line.group().department()).containsExactly("Ventes", null);
        assertThat(february.lines().get(0).trend()).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(report.months().get(0).lines()).allSatisfy(line -> assertThat(line.trend()).isNull());
    }

    @Test
    void withoutTwoWholeMonthsThereIsNoTrendAndAMonthAloneCanShowEveryone() {
        DepartmentReport february = reports.of(FEB.withDayOfMonth(1), FEB.withDayOfMonth(28));
        assertThat(february.trendFrom()).isNull();
        assertThat(february.lines()).allSatisfy(line -> assertThat(line.trend()).isNull());
        assertThat(february.lines()).extracting(line -> line.group().department()).containsExactly("Ventes", null);
        // with a minimum of 1, every department shows, and "other" holds only the one person without a department
        DepartmentReport lowMinimum = new DepartmentReports(store().activity(), 1, Runnable::run).of(FROM, TO);
        assertThat(lowMinimum.lines()).extracting(line -> line.group().department())
                .containsExactly("Achats", "Juridique", "Ventes", null);
        assertThat(lowMinimum.lines().get(3).group().merged()).isEmpty();
        assertThat(lowMinimum.lines().get(3).group().figures().readers()).isEqualTo(1);
    }

    @Test
    void aPersonWhoChangesDepartmentIsCountedUnderTheNewOne() {
        store().activity().placeInDepartments(MAR.plusDays(1), Map.of("k6", "Achats"));
        Map<String, DepartmentFigures> period = byName(store().activity().departments(FROM, TO));
        assertThat(period.get("Ventes").readers()).isEqualTo(5);
        assertThat(period.get("Achats").readers()).isEqualTo(6);
        assertThat(store().activity().departmentOf("k6")).contains("Achats");
        assertThat(store().activity().departmentOf("k14")).isEmpty();
    }

    @Test
    void anErasureSwapsTheKeyOfTheDepartmentTooAndTheFiguresStay() {
        List<DepartmentFigures> before = store().activity().departments(FROM, TO);
        store().activity().replaceKey("k1", "erased-0001");
        assertThat(store().activity().departmentOf("k1")).isEqualTo(Optional.empty());
        assertThat(store().activity().departmentOf("erased-0001")).contains("Ventes");
        assertThat(store().activity().departments(FROM, TO)).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aPurgeDeletesTheDepartmentsOfKeysLastSeenBeforeIt() {
        store().activity().placeInDepartments(MAR.plusDays(5), Map.of("k1", "Ventes"));
        store().activity().purgeKeysBefore(MAR);
        assertThat(store().activity().departmentOf("k2")).isEmpty();
        assertThat(store().activity().departmentOf("k1")).contains("Ventes");
        // the keys of January and February are gone, k1's March view stays under Ventes
        assertThat(store().activity().departments(FROM, TO)).containsExactly(new DepartmentFigures("Ventes", 1, 0, 0, 0));
    }
}
