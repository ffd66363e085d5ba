package org.coquille.internal.report;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import org.coquille.report.DepartmentGroup;
import org.coquille.report.DepartmentLine;
import org.coquille.report.DepartmentReport;

/**
 * The report by department as the intranet's report shows it ({@code report/departments.jte}): the lines named in the
 * reader's language, their trends in words, and the chart of their rates.
 */
record DepartmentsView(ReportFormat f, DepartmentReport report, DepartmentChart chart) {

    static final String CHART_ID = "coq-departments";

    static DepartmentsView of(ReportFormat f, DepartmentReport report) {
        List<String> names = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (DepartmentLine line : report.lines()) {
            names.add(name(f, line.group()));
            rates.add(line.group().figures().participationRate());
        }
        return new DepartmentsView(f, report, DepartmentChart.of(CHART_ID, f.text("report.dept.chart"), names, rates, f));
    }

    /** A line's name: its department, or "Other". */
    static String name(ReportFormat f, DepartmentGroup group) {
        return group.other() ? f.text("report.dept.other") : group.department();
    }

    String name(DepartmentGroup group) {
        return name(f, group);
    }

    /** What "other" holds, in words, or {@code null} when there is no "other" line. */
    String otherHolds() {
        return report.lines().stream().map(DepartmentLine::group).filter(DepartmentGroup::other).findFirst()
                .map(g -> {
                    List<String> parts = new ArrayList<>(g.merged());
                    if (g.unknown()) {
                        parts.add(f.text("report.dept.notKnown"));
                    }
                    return f.text("report.dept.otherHolds", String.join(", ", parts));
                }).orElse(null);
    }

    /** The trend column's heading: the two months it compares. */
    String trendHeading() {
        if (report.trendFrom() == null) {
            return f.text("report.dept.trendNone");
        }
        return f.text("report.dept.trend", month(report.trendTo()), month(report.trendFrom()));
    }

    private String month(java.time.YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, f.locale) + " " + month.getYear();
    }

    /** A trend in words: up or down so many points, steady, or none. */
    String trend(DepartmentLine line) {
        return trend(f, line.trend());
    }

    static String trend(ReportFormat f, Double trend) {
        if (trend == null) {
            return f.text("report.dept.trend.none");
        }
        double points = Math.round(trend * 1000) / 10.0;
        if (points == 0) {
            return f.text("report.dept.trend.steady");
        }
        String amount = f.decimal(Math.abs(points));
        String many = Math.abs(points) < 2 ? "1" : "n";
        return f.text((points > 0 ? "report.dept.trend.up." : "report.dept.trend.down.") + many, amount);
    }
}
