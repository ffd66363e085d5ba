package org.coquille.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.coquille.core.Objective;

/**
 * How a page stands against its objective's target: the rule of the usage report's progress column.
 * Contributors are the different people who contributed to the page from the day the objective was set
 * to its end date (or today, if sooner). With a target and an end date, the pace is linear: a page whose
 * contributors so far, spread over the elapsed share of the days from start to end, would reach the target
 * is on track.
 * <pre>{@code
 * // set on 1 March, target 30 by 31 March (31 days); on 10 March (10 days elapsed) 12 contributors:
 * // 12 x 31 = 372 >= 30 x 10 = 300, so on track
 * ObjectiveProgress.of(objective, 12, LocalDate.of(2026, 3, 10)).status(); // ON_TRACK
 * }</pre>
 *
 * @param contributors different contributors counted so far
 * @param status       where the page stands
 */
public record ObjectiveProgress(long contributors, Status status) {

    /** Where a page stands against its target. */
    public enum Status {
        /** As many contributors as the target, or more. */
        REACHED,
        /** At the pace so far, the target will be reached by the end date. */
        ON_TRACK,
        /** At the pace so far, the target will not be reached by the end date. */
        BEHIND,
        /** Not reached yet, and no end date to measure a pace against. */
        UNDER_WAY,
        /** The end date has passed without reaching the target. */
        ENDED_NOT_REACHED,
        /** The objective has no target. */
        NO_TARGET
    }

    public ObjectiveProgress {
        Objects.requireNonNull(status, "status");
        if (contributors < 0) {
            throw new IllegalArgumentException("contributors must not be negative, was " + contributors);
        }
    }

    /** Where a page with {@code objective} and {@code contributors} so far stands on {@code today}. */
    public static ObjectiveProgress of(Objective objective, long contributors, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Integer target = objective.target();
        if (target == null) {
            return new ObjectiveProgress(contributors, Status.NO_TARGET);
        }
        if (contributors >= target) {
            return new ObjectiveProgress(contributors, Status.REACHED);
        }
        LocalDate end = objective.endDate();
        if (end == null) {
            return new ObjectiveProgress(contributors, Status.UNDER_WAY);
        }
        if (today.isAfter(end)) {
            return new ObjectiveProgress(contributors, Status.ENDED_NOT_REACHED);
        }
        // days counted inclusively: set and ended the same day is a one-day experiment
        long total = Math.max(1, ChronoUnit.DAYS.between(objective.since(), end) + 1);
        long elapsed = Math.min(total, Math.max(1, ChronoUnit.DAYS.between(objective.since(), today) + 1));
        return new ObjectiveProgress(contributors,
                contributors * total >= (long) target * elapsed ? Status.ON_TRACK : Status.BEHIND);
    }

    /**
     * The last day whose contributions count towards {@code objective} on {@code today}: its end date, or
     * today if sooner. Before {@link Objective#since()}, nothing counts.
     */
    public static LocalDate countedUntil(Objective objective, LocalDate today) {
        LocalDate end = objective.endDate();
        return end != null && end.isBefore(today) ? end : today;
    }
}
