package org.coquille.core;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;


/**
 * Contributions of one kind on one page on one day, counted in memory and written to the store together.
 *
 * @param page   the page
 * @param day    the day, in the installation's time zone
 * @param kind   what was done
 * @param counts how many times each pseudonymous contributor did it (merged with what is stored, so
 *               unique counts stay exact when several nodes write)
 */
public record ContributionBatch(PageId page, LocalDate day, Contribution kind, Map<String, Long> counts) {

    public ContributionBatch {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        counts = Map.copyOf(counts);
        counts.values().forEach(n -> {
            if (n < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + n);
            }
        });
    }
}
