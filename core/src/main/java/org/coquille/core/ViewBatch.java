package org.coquille.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Views of one page on one day, counted in memory and written to the store together.
 *
 * @param page       the page
 * @param day        the day
 * @param views      how many views to add
 * @param viewerKeys the pseudonymous keys of the people who viewed it (merged with those stored, so unique
 *                   counts stay exact when several nodes write)
 */
public record ViewBatch(PageId page, LocalDate day, long views, Set<String> viewerKeys) {

    public ViewBatch {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(day, "day");
        viewerKeys = Set.copyOf(viewerKeys);
        if (views < 0) {
            throw new IllegalArgumentException("views must not be negative: " + views);
        }
    }
}
