package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReactionStore} must have: emoji reactions. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface ReactionStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void reactionIsCountedOncePerUser() {
        assertThat(store().reactions().setReaction(PAGE, "alice", "❤️", true, T0)).isTrue();
        assertThat(store().reactions().setReaction(PAGE, "alice", "❤️", true, T0)).isFalse();
        store().reactions().setReaction(PAGE, "bob", "❤️", true, T0);
        store().reactions().setReaction(PAGE, "bob", "🎉", true, T0);
        store().reactions().setReaction(OTHER, "bob", "🎉", true, T0);
        assertThat(store().reactions().reactionCounts(PAGE)).isEqualTo(Map.of("❤️", 2L, "🎉", 1L));
        assertThat(store().reactions().reactionsOf(PAGE, "bob")).containsExactlyInAnyOrder("❤️", "🎉");
    }

    @Test
    default void reactionTurnedOffNoLongerCounts() {
        store().reactions().setReaction(PAGE, "alice", "👍", true, T0);
        assertThat(store().reactions().setReaction(PAGE, "alice", "👍", false, T0)).isTrue();
        assertThat(store().reactions().setReaction(PAGE, "alice", "👍", false, T0)).isFalse();
        assertThat(store().reactions().reactionCounts(PAGE)).isEmpty();
        assertThat(store().reactions().reactionsOf(PAGE, "alice")).isEmpty();
    }
}
