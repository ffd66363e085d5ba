package org.coquille.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How activity is split in time: the whole period, day by day, or week by week (weeks start on Monday). */
public enum Bucket {
    PERIOD,
    DAY,
    WEEK;

    /** The first day of the bucket {@code day} falls in; {@code null} for {@link #PERIOD}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case PERIOD -> null;
            case DAY -> day;
            case WEEK -> weekOf(day);
        };
    }

    /** The Monday of {@code day}'s week. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
