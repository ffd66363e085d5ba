package org.coquille.core;

import java.time.LocalDate;
import java.util.Objects;


/**
 * Which activity to add up: the days from {@code from} to {@code to} inclusive, one page or all of them,
 * split per page or not, and in time by {@code bucket}.
 *
 * @param page   the one page to count, or {@code null} for every page
 * @param from   the first day
 * @param to     the last day, not before {@code from}
 * @param byPage whether to give figures per page (else one set for all pages together)
 * @param bucket how to split the days
 */
public record ActivityQuery(PageId page, LocalDate from, LocalDate to, boolean byPage, Bucket bucket) {

    public ActivityQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(bucket, "bucket");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** All pages together over the period. */
    public static ActivityQuery intranet(LocalDate from, LocalDate to, Bucket bucket) {
        return new ActivityQuery(null, from, to, false, bucket);
    }

    /** Each page over the period. */
    public static ActivityQuery perPage(LocalDate from, LocalDate to, Bucket bucket) {
        return new ActivityQuery(null, from, to, true, bucket);
    }

    /** One page over the period. */
    public static ActivityQuery page(PageId page, LocalDate from, LocalDate to, Bucket bucket) {
        return new ActivityQuery(Objects.requireNonNull(page, "page"), from, to, true, bucket);
    }
}
