package org.coquille.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One date/time slot a date poll offers.
 *
 * @param start when it starts
 * @param end   when it ends, after {@code start}
 */
public record DateSlot(Instant start, Instant end) {

    public DateSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
