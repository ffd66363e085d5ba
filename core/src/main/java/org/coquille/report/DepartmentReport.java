package org.coquille.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Participation by department over a period: who read, reacted and wrote in each department, with departments too small
 * to show alone merged into "other" ({@link DepartmentMerge}).
 *
 * @param from      the first day
 * @param to        the last day
 * @param minPeople the fewest people a line may be about
 * @param lines     the period's departments and "other", each with its trend from {@code trendFrom} to {@code trendTo}
 * @param months    month by month, as far as the period covers each
 * @param trendFrom the earlier of the two months the trend compares: the last two whole months of the period; {@code
 *                  null} when it has fewer than two
 * @param trendTo   the later one, or {@code null}
 * @param keysFrom  the first day whose keys are kept when the period reaches before it (the figures start there), or
 *                  {@code null}
 * @param known     whether anyone's department is known (a directory gives departments)
 */
public record DepartmentReport(LocalDate from, LocalDate to, int minPeople, List<DepartmentLine> lines,
                               List<DepartmentMonth> months, YearMonth trendFrom, YearMonth trendTo, LocalDate keysFrom,
                               boolean known) {

    public DepartmentReport {
        lines = List.copyOf(lines);
        months = List.copyOf(months);
    }
}
