package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.*;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.PollResults;
import org.coquille.core.ResultsVisibility;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PollStore} must have: polls and their answers. Part of {@link SocialStoreContract}; a store's
 * test may implement this one alone while it builds that part.
 */
public interface PollStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    @Test
    default void createdPollReadsBackWithItsId() {
        Poll created = store().polls().createPoll(new Poll(0, PAGE, "Quel jour ?", List.of("Lundi", "Mardi", "Jeudi"),
                PollChoice.MULTIPLE, T0, T0.plus(7, ChronoUnit.DAYS), ResultsVisibility.AFTER_ANSWERING));
        assertThat(created.id()).isPositive();
        assertThat(store().polls().poll(created.id())).isEqualTo(created);
        assertThat(store().polls().polls(PAGE)).containsExactly(created);
        assertThat(store().polls().polls(OTHER)).isEmpty();
    }

    @Test
    default void everyPollIsListedWhateverItsPage() {
        Poll first = store().polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        Poll second = store().polls().createPoll(poll(OTHER, PollChoice.MULTIPLE, "Wed", "Thu"));
        Poll third = store().polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Fri", "Sat"));
        store().polls().deletePoll(third.id());
        assertThat(store().polls().allPolls()).containsExactly(first, second);
    }

    @Test
    default void unknownPollIsNullWithEmptyResults() {
        assertThat(store().polls().poll(424_242)).isNull();
        assertThat(store().polls().pollResults(424_242).participants()).isZero();
        assertThat(store().polls().pollAnswer(424_242, "alice")).isEmpty();
    }

    @Test
    default void updateReplacesThePoll() {
        Poll created = store().polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        Poll changed = new Poll(created.id(), PAGE, "New question", List.of("Wed", "Thu", "Fri"), PollChoice.MULTIPLE,
                null, T0, ResultsVisibility.AFTER_CLOSING);
        assertThat(store().polls().updatePoll(changed)).isTrue();
        assertThat(store().polls().poll(created.id())).isEqualTo(changed);
        assertThat(store().polls().updatePoll(changed.withId(999_999))).isFalse();
    }

    @Test
    default void answersAreCountedPerOption() {
        Poll created = store().polls().createPoll(poll(PAGE, PollChoice.MULTIPLE, "Mon", "Tue", "Thu"));
        store().polls().answerPoll(created.id(), "alice", Set.of(0, 2), T0);
        store().polls().answerPoll(created.id(), "bob", Set.of(2), T0);
        PollResults results = store().polls().pollResults(created.id());
        assertThat(results.votesPerOption()).containsExactly(1L, 0L, 2L);
        assertThat(results.participants()).isEqualTo(2);
        assertThat(store().polls().pollAnswer(created.id(), "alice")).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    default void answeringAgainReplacesTheAnswer() {
        Poll created = store().polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        store().polls().answerPoll(created.id(), "alice", Set.of(0), T0);
        store().polls().answerPoll(created.id(), "alice", Set.of(1), T0.plusSeconds(5));
        assertThat(store().polls().pollResults(created.id()).votesPerOption()).containsExactly(0L, 1L);
        assertThat(store().polls().pollAnswer(created.id(), "alice")).containsExactly(1);
    }

    @Test
    default void deletedPollTakesItsAnswersAlong() {
        Poll created = store().polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        store().polls().answerPoll(created.id(), "alice", Set.of(0), T0);
        assertThat(store().polls().deletePoll(created.id())).isTrue();
        assertThat(store().polls().poll(created.id())).isNull();
        assertThat(store().polls().pollAnswer(created.id(), "alice")).isEmpty();
        assertThat(store().polls().deletePoll(created.id())).isFalse();
    }
}
