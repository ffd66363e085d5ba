package org.coquille.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One month of the report by department, as far as the report's period covers it.
 *
 * @param month the month
 * @param from  its first day in the period
 * @param to    its last day in the period
 * @param lines its departments and "other" (merged for that month alone), each with its trend since the month before
 *              in the period
 */
public record DepartmentMonth(YearMonth month, LocalDate from, LocalDate to, List<DepartmentLine> lines) {

    public DepartmentMonth {
        lines = List.copyOf(lines);
    }

    /** Whether the period covers the whole month. */
    public boolean whole() {
        return from.equals(month.atDay(1)) && to.equals(month.atEndOfMonth());
    }
}
