package org.coquille.report;

import java.time.LocalDate;
import java.util.List;

import org.coquille.core.ActivityFigures;
import org.coquille.core.PageId;

/**
 * The usage report of one page over a period.
 *
 * @param page        the page
 * @param from        the first day
 * @param to          the last day
 * @param totals      the page's figures over the period
 * @param weeks       its figures week by week (weeks with no activity are there, with zeros)
 * @param approximate whether unique counts over the period are sums of weekly ones (it reaches purged days)
 */
public record PageReport(PageId page, LocalDate from, LocalDate to, ActivityFigures totals,
                         List<ActivityFigures> weeks, boolean approximate) { }
