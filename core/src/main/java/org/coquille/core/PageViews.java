package org.coquille.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A page's audience on one day.
 *
 * @param page          the page
 * @param day           the day, in the installation's time zone
 * @param views         how many times it was served with Coquille on it
 * @param uniqueViewers how many different people viewed it
 */
public record PageViews(PageId page, LocalDate day, long views, long uniqueViewers) {

    public PageViews {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(day, "day");
    }
}
