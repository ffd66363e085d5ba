package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import java.util.Map;

import org.coquille.core.VoteTally;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VoteStore} must have: page votes. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface VoteStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void noVotesIsAnEmptyTally() {
        assertThat(store().votes().tally(PAGE)).isEqualTo(VoteTally.EMPTY);
        assertThat(store().votes().vote(PAGE, "alice")).isNull();
    }

    @Test
    default void voteTwiceCountsOnce() {
        store().votes().putVote(PAGE, "alice", 1, T0);
        store().votes().putVote(PAGE, "alice", 1, T0.plusSeconds(1));
        assertThat(store().votes().tally(PAGE).total()).isEqualTo(1);
    }

    @Test
    default void changedVoteReplacesTheOldOne() {
        store().votes().putVote(PAGE, "alice", 1, T0);
        store().votes().putVote(PAGE, "alice", -1, T0.plusSeconds(1));
        assertThat(store().votes().vote(PAGE, "alice")).isEqualTo(-1);
        assertThat(store().votes().tally(PAGE).counts()).isEqualTo(Map.of(-1, 1L));
    }

    @Test
    default void tallyCountsEachValuePerPage() {
        store().votes().putVote(PAGE, "alice", 5, T0);
        store().votes().putVote(PAGE, "bob", 4, T0);
        store().votes().putVote(PAGE, "carol", 5, T0);
        store().votes().putVote(OTHER, "alice", 1, T0);
        VoteTally tally = store().votes().tally(PAGE);
        assertThat(tally.counts()).isEqualTo(Map.of(4, 1L, 5, 2L));
        assertThat(tally.average()).isEqualTo(14.0 / 3);
    }

    @Test
    default void removedVoteNoLongerCounts() {
        store().votes().putVote(PAGE, "alice", 1, T0);
        assertThat(store().votes().removeVote(PAGE, "alice")).isTrue();
        assertThat(store().votes().removeVote(PAGE, "alice")).isFalse();
        assertThat(store().votes().tally(PAGE).total()).isZero();
    }
}
