package org.coquille.internal.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.report.ObjectiveStanding;

/**
 * The report's objectives section ({@code report/objectives.jte}): the pages with widgets on, grouped by objective
 * (one table per purpose, in the list's order), each with its target, contributors since the objective was set, end
 * date and status in words; then those without objective.
 *
 * @param none    whether no page has widgets on
 * @param groups  one per purpose with pages
 * @param without the pages without objective
 */
record ObjectivesView(boolean none, List<Group> groups, List<PageId> without, LocalDate from, LocalDate to) {

    /** The pages of one purpose, under {@code title}. */
    record Group(String title, List<Row> rows) { }

    /** One page's objective and standing, in words; {@code status} is the CSS suffix of its status. */
    record Row(PageId page, String objective, String target, String contributors, String since, String end,
               String status, String statusText) { }

    static ObjectivesView of(ReportFormat f, List<ObjectiveStanding> standings, LocalDate from, LocalDate to) {
        Map<Objective.Purpose, List<Row>> byPurpose = new EnumMap<>(Objective.Purpose.class);
        List<PageId> without = new ArrayList<>();
        for (ObjectiveStanding s : standings) {
            if (s.objective() == null) {
                without.add(s.page());
            } else {
                byPurpose.computeIfAbsent(s.objective().purpose(), p -> new ArrayList<>()).add(row(f, s));
            }
        }
        List<Group> groups = new ArrayList<>();
        byPurpose.forEach((purpose, rows) -> groups.add(new Group(
                f.text("report.objectives.group", f.text("objective.purpose." + purpose.code())), rows)));
        return new ObjectivesView(standings.isEmpty(), groups, without, from, to);
    }

    private static Row row(ReportFormat f, ObjectiveStanding s) {
        Objective o = s.objective();
        String status = s.progress().status().name().toLowerCase(Locale.ROOT);
        return new Row(s.page(), o.text() == null ? f.text("objective.purpose." + o.purpose().code()) : o.text(),
                o.target() == null ? f.text("report.objectives.noTarget") : f.integer(o.target()),
                f.integer(s.progress().contributors()) + (s.approximate() ? " " + f.text("report.objectives.approximate") : ""),
                f.date(o.since()), o.endDate() == null ? f.text("report.objectives.noEnd") : f.date(o.endDate()),
                status.replace('_', '-'), f.text("report.status." + status));
    }
}
