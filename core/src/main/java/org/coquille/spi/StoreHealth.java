package org.coquille.spi;

import java.time.Instant;

/**
 * What a store knows of its own reachability, for a store that watches it (the JDBC store's circuit breaker):
 * while it is known to be down, pages are served without widgets and the editors' console says so.
 */
public interface StoreHealth {

    /** A store that does not watch its reachability: never known to be down. */
    StoreHealth UNWATCHED = () -> null;

    /** When the store was found down, or {@code null} while it answers. */
    Instant downSince();

    /** Whether the store is known to be down: its calls fail at once with {@link StoreDownException}. */
    default boolean isDown() {
        return downSince() != null;
    }

    /** {@code store}'s health if it watches it, else {@link #UNWATCHED}. */
    static StoreHealth of(Object store) {
        return store instanceof StoreHealth health ? health : UNWATCHED;
    }
}
