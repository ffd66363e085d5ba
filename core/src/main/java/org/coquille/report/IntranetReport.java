package org.coquille.report;

import java.time.LocalDate;
import java.util.List;

import org.coquille.core.ActivityFigures;

/**
 * The usage report of the whole intranet over a period.
 *
 * @param from              the first day
 * @param to                the last day
 * @param totals            every page together over the period
 * @param weeks             every page together, week by week (the funnel: viewers, reactors, commenters)
 * @param pages             each page over the period, most viewed first
 * @param mostEngaged       the pages with the highest participation rate (with enough viewers)
 * @param leastEngaged      the pages with the lowest participation rate that had any contribution
 * @param readNeverReacted  the most viewed pages nobody contributed to
 * @param concentration     how concentrated contribution is (over the days whose keys are kept)
 * @param keysFrom          the first day whose keys are kept, or {@code null} if none were purged
 * @param approximate       whether unique counts over the period are sums of weekly ones (it reaches purged days)
 */
public record IntranetReport(LocalDate from, LocalDate to, ActivityFigures totals, List<ActivityFigures> weeks,
                             List<ActivityFigures> pages, List<ActivityFigures> mostEngaged,
                             List<ActivityFigures> leastEngaged, List<ActivityFigures> readNeverReacted,
                             Concentration concentration, LocalDate keysFrom, boolean approximate) { }
