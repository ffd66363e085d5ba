package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.core.Availability;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.DatePollResults.SlotTally;
import org.coquille.core.PageRules;
import org.coquille.social.DatePolls;
import org.coquille.core.DateSlot;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.social.Pages;
import org.junit.jupiter.api.Test;

/**
 * The date poll part of the store contract: every {@link SocialStore} test runs it through
 * {@link SocialStoreContract}. One answer per user and slot under concurrent writers, the best slots, closing once,
 * changing only before anyone answered, deleting with the answers, and the use case's rules checked before anything
 * is stored.
 */
public interface DatePollStoreContract {

    PageId DATE_PAGE = PageId.of("/ce/voyages.html");
    Instant MONDAY = Instant.parse("2026-03-09T11:00:00.123Z");

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    /** The store closed and opened again over the same data, or {@code null} if it keeps nothing. */
    SocialStore reopenStore() throws Exception;

    private static List<DateSlot> slots(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new DateSlot(MONDAY.plus(Duration.ofDays(i)), MONDAY.plus(Duration.ofDays(i)).plus(
                        Duration.ofMinutes(90))))
                .toList();
    }

    private DatePoll created(int slotCount) {
        return store().datePolls().createDatePoll(new DatePoll(0, DATE_PAGE, "Team lunch", slots(slotCount), null));
    }

    private DatePolls datePolls() {
        store().pages().saveSettings(PageSettings.off(DATE_PAGE).withWidgets(Set.of(Widget.DATE_POLL)));
        return new DatePolls(store().datePolls(), new Pages(store().pages(), store().settings(), PageRules.none()), Clock.fixed(MONDAY, ZoneOffset.UTC));
    }

    @Test
    default void everyDatePollIsListedWhateverItsPage() {
        DatePoll first = created(2);
        DatePoll other = store().datePolls().createDatePoll(new DatePoll(0, PageId.of("/ce/autre.html"), "Kick-off",
                slots(3), null));
        assertThat(store().datePolls().allDatePolls()).containsExactly(first, other);
    }

    @Test
    default void createdDatePollReadsBackOpenWithItsSlots() {
        DatePoll poll = created(3);
        assertThat(poll.id()).isPositive();
        assertThat(store().datePolls().datePoll(poll.id())).isEqualTo(new DatePoll(poll.id(), DATE_PAGE, "Team lunch", slots(3), null));
        assertThat(store().datePolls().datePolls(DATE_PAGE)).containsExactly(poll);
        assertThat(store().datePolls().datePolls(PageId.of("/other.jsp"))).isEmpty();
        assertThat(store().datePolls().datePoll(poll.id() + 1000)).isNull();
        assertThat(store().datePolls().datePollResults(poll.id() + 1000).slots()).isEmpty();
    }

    @Test
    default void answersAreCountedPerSlotAndAChangeReplacesOnlyItsSlot() {
        DatePoll poll = created(3);
        store().datePolls().answerDatePoll(poll.id(), "alice", Map.of(0, Availability.YES, 1, Availability.IF_NEED_BE), MONDAY);
        store().datePolls().answerDatePoll(poll.id(), "bob", Map.of(0, Availability.NO, 2, Availability.YES), MONDAY);
        store().datePolls().answerDatePoll(poll.id(), "alice", Map.of(1, Availability.NO), MONDAY);
        assertThat(store().datePolls().datePollAnswer(poll.id(), "alice"))
                .isEqualTo(Map.of(0, Availability.YES, 1, Availability.NO));
        assertThat(store().datePolls().datePollAnswer(poll.id(), "carol")).isEmpty();
        DatePollResults results = store().datePolls().datePollResults(poll.id());
        assertThat(results.participants()).isEqualTo(2);
        assertThat(results.slots()).containsExactly(new SlotTally(1, 0, 1), new SlotTally(0, 0, 1),
                new SlotTally(1, 0, 0));
    }

    @Test
    default void oneAnswerPerUserAndSlotEvenWhenSentAtOnce() throws Exception {
        DatePoll poll = created(2);
        ContractRace.run(16, i -> () -> {
            store().datePolls().answerDatePoll(poll.id(), "alice", Map.of(0, i % 2 == 0 ? Availability.YES : Availability.NO,
                    1, Availability.IF_NEED_BE), MONDAY);
            return null;
        });
        ContractRace.run(16, i -> () -> {
            store().datePolls().answerDatePoll(poll.id(), "user" + i, Map.of(0, Availability.YES), MONDAY);
            return null;
        });
        DatePollResults results = store().datePolls().datePollResults(poll.id());
        assertThat(results.participants()).isEqualTo(17);
        assertThat(results.slots().get(0).yes() + results.slots().get(0).no()).isEqualTo(17);
        assertThat(results.slots().get(1)).isEqualTo(new SlotTally(0, 1, 0));
    }

    @Test
    default void bestSlotsScoreYesTwiceIfNeedBeOnceAndBreakTiesByMoreYes() {
        DatePoll poll = created(4);
        // slot 0: two "if need be" (score 2, no yes); slot 1: one yes (score 2, one yes); slot 2: all no
        store().datePolls().answerDatePoll(poll.id(), "alice", Map.of(0, Availability.IF_NEED_BE, 1, Availability.YES,
                2, Availability.NO), MONDAY);
        store().datePolls().answerDatePoll(poll.id(), "bob", Map.of(0, Availability.IF_NEED_BE, 1, Availability.NO,
                2, Availability.NO), MONDAY);
        assertThat(store().datePolls().datePollResults(poll.id()).best()).containsExactly(1);
        // slot 3 gets the same score and yes count as slot 1: both are best
        store().datePolls().answerDatePoll(poll.id(), "carol", Map.of(3, Availability.YES), MONDAY);
        assertThat(store().datePolls().datePollResults(poll.id()).best()).containsExactly(1, 3);
        assertThat(created(2).id()).isPositive();
    }

    @Test
    default void nobodyAvailableMeansNoBestSlot() {
        DatePoll poll = created(2);
        assertThat(store().datePolls().datePollResults(poll.id()).best()).isEmpty();
        store().datePolls().answerDatePoll(poll.id(), "alice", Map.of(0, Availability.NO, 1, Availability.NO), MONDAY);
        assertThat(store().datePolls().datePollResults(poll.id()).best()).isEmpty();
    }

    @Test
    default void aDatePollClosesOnceOnItsChosenSlot() throws Exception {
        DatePoll poll = created(3);
        List<Boolean> closed = ContractRace.run(4, i -> () -> store().datePolls().closeDatePoll(poll.id(), i % 3, MONDAY));
        assertThat(closed).containsOnlyOnce(true);
        DatePoll read = store().datePolls().datePoll(poll.id());
        assertThat(read.closed()).isTrue();
        assertThat(read.chosenSlot()).isEqualTo(read.slots().get(read.chosen()));
        assertThat(store().datePolls().datePolls(DATE_PAGE)).containsExactly(read);
        assertThat(store().datePolls().closeDatePoll(poll.id() + 1000, 0, MONDAY)).isFalse();
    }

    @Test
    default void onlyEditorsCreateAndCloseAndAClosedPollTakesNoAnswers() {
        DatePolls polls = datePolls();
        User alice = User.employee("alice");
        assertThatThrownBy(() -> polls.create(alice, DATE_PAGE, "Lunch", slots(2)))
                .isInstanceOf(RuleViolation.class).hasMessage("Only editors can do this.");
        DatePoll poll = polls.create(User.editor("edith"), DATE_PAGE, " Team lunch ", slots(3));
        assertThat(poll.title()).isEqualTo("Team lunch");
        polls.answer(alice, poll.id(), Map.of(2, Availability.YES));
        assertThatThrownBy(() -> polls.close(alice, poll.id(), 2)).isInstanceOf(RuleViolation.class);
        assertThat(polls.close(User.editor("edith"), poll.id(), 2).poll().chosen()).isEqualTo(2);
        assertThatThrownBy(() -> polls.answer(alice, poll.id(), Map.of(0, Availability.YES)))
                .isInstanceOf(RuleViolation.class).hasMessage("This date poll is closed: the date is chosen.");
        assertThatThrownBy(() -> polls.close(User.editor("edith"), poll.id(), 0))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).kind())
                .isEqualTo(RuleViolation.Kind.CONFLICT);
        assertThat(store().datePolls().datePoll(poll.id()).chosen()).isEqualTo(2);
        assertThat(store().datePolls().datePollAnswer(poll.id(), "alice")).isEqualTo(Map.of(2, Availability.YES));
    }

    @Test
    default void badDatePollsAndAnswersAreRejectedAndLeaveDataIntact() {
        DatePolls polls = datePolls();
        User edith = User.editor("edith");
        User alice = User.employee("alice");
        assertThatThrownBy(() -> polls.create(edith, DATE_PAGE, "Lunch", slots(1)))
                .isInstanceOf(RuleViolation.class).hasMessage("A date poll offers 2 to 30 dates; this one has 1.");
        assertThatThrownBy(() -> polls.create(edith, DATE_PAGE, "Lunch",
                List.of(slots(1).get(0), new DateSlot(MONDAY, MONDAY.minusSeconds(60)))))
                .isInstanceOf(RuleViolation.class).hasMessage("Date 2 ends before it starts.");
        assertThatThrownBy(() -> polls.create(edith, DATE_PAGE, "Lunch", List.of(slots(1).get(0), slots(1).get(0))))
                .isInstanceOf(RuleViolation.class).hasMessage("Date 2 is offered twice.");
        assertThatThrownBy(() -> polls.create(edith, DATE_PAGE, "  ", slots(2))).isInstanceOf(RuleViolation.class);
        assertThat(store().datePolls().datePolls(DATE_PAGE)).isEmpty();

        DatePoll poll = polls.create(edith, DATE_PAGE, "Lunch", slots(2));
        polls.answer(alice, poll.id(), Map.of(0, Availability.YES));
        assertThatThrownBy(() -> polls.answer(alice, poll.id(), Map.of(1, Availability.NO, 5, Availability.YES)))
                .isInstanceOf(RuleViolation.class).hasMessage("Date 6 is not one of this poll's dates.");
        assertThatThrownBy(() -> polls.answer(alice, poll.id(), Map.of())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> polls.answer(alice, poll.id() + 1000, Map.of(0, Availability.YES)))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).kind())
                .isEqualTo(RuleViolation.Kind.NOT_FOUND);
        assertThat(store().datePolls().datePollAnswer(poll.id(), "alice")).isEqualTo(Map.of(0, Availability.YES));
        assertThat(store().datePolls().datePollResults(poll.id()).participants()).isEqualTo(1);
    }

    @Test
    default void anUnansweredOpenDatePollChangesItsTitleAndSlots() {
        DatePoll poll = created(3);
        List<DateSlot> later = slots(5).subList(3, 5);
        assertThat(store().datePolls().updateDatePoll(new DatePoll(poll.id(), PageId.of("/ignored.jsp"), "Team dinner", later, 1)))
                .isTrue();
        DatePoll changed = new DatePoll(poll.id(), DATE_PAGE, "Team dinner", later, null);
        assertThat(store().datePolls().datePoll(poll.id())).isEqualTo(changed);
        assertThat(store().datePolls().datePolls(DATE_PAGE)).containsExactly(changed);
        assertThat(store().datePolls().datePollResults(poll.id()).slots()).hasSize(2);
        assertThat(store().datePolls().updateDatePoll(changed.withId(poll.id() + 1000))).as("no such poll").isFalse();
    }

    @Test
    default void anAnsweredOrClosedDatePollKeepsItsSlots() {
        DatePoll answered = created(3);
        store().datePolls().answerDatePoll(answered.id(), "alice", Map.of(2, Availability.YES), MONDAY);
        assertThat(store().datePolls().updateDatePoll(new DatePoll(answered.id(), DATE_PAGE, "Other", slots(2), null))).isFalse();
        assertThat(store().datePolls().datePoll(answered.id())).isEqualTo(answered);
        assertThat(store().datePolls().datePollAnswer(answered.id(), "alice")).isEqualTo(Map.of(2, Availability.YES));

        DatePoll closed = created(2);
        store().datePolls().closeDatePoll(closed.id(), 0, MONDAY);
        assertThat(store().datePolls().updateDatePoll(new DatePoll(closed.id(), DATE_PAGE, "Other", slots(3), null))).isFalse();
        assertThat(store().datePolls().datePoll(closed.id())).isEqualTo(closed.withChosen(0));
    }

    @Test
    default void aDeletedDatePollTakesItsAnswersWithIt() {
        DatePoll poll = created(2);
        DatePoll kept = created(2);
        store().datePolls().answerDatePoll(poll.id(), "alice", Map.of(0, Availability.YES), MONDAY);
        store().datePolls().answerDatePoll(kept.id(), "alice", Map.of(1, Availability.NO), MONDAY);
        assertThat(store().datePolls().deleteDatePoll(poll.id())).isTrue();
        assertThat(store().datePolls().datePoll(poll.id())).isNull();
        assertThat(store().datePolls().datePolls(DATE_PAGE)).containsExactly(kept);
        assertThat(store().datePolls().datePollAnswer(poll.id(), "alice")).isEmpty();
        assertThat(store().datePolls().datePollResults(poll.id()).participants()).isZero();
        assertThat(store().datePolls().datePollAnswer(kept.id(), "alice")).isEqualTo(Map.of(1, Availability.NO));
        assertThat(store().datePolls().deleteDatePoll(poll.id())).as("already gone").isFalse();
    }

    @Test
    default void editorsChangeADatePollUnderTheCreationRulesUntilSomeoneAnswers() {
        DatePolls polls = datePolls();
        User edith = User.editor("edith");
        DatePoll poll = polls.create(edith, DATE_PAGE, "Lunch", slots(2));
        assertThatThrownBy(() -> polls.update(User.employee("alice"), poll.id(), "Mine", slots(3)))
                .isInstanceOf(RuleViolation.class).hasMessage("Only editors can do this.");
        assertThatThrownBy(() -> polls.update(edith, poll.id(), "Lunch", slots(31)))
                .isInstanceOf(RuleViolation.class).hasMessage("A date poll offers 2 to 30 dates; this one has 31.");
        assertThat(polls.update(edith, poll.id(), " Dinner ", slots(3)))
                .isEqualTo(new DatePoll(poll.id(), DATE_PAGE, "Dinner", slots(3), null));

        polls.answer(User.employee("alice"), poll.id(), Map.of(0, Availability.YES));
        assertThatThrownBy(() -> polls.update(edith, poll.id(), "Brunch", slots(2)))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).kind())
                .isEqualTo(RuleViolation.Kind.CONFLICT);
        assertThat(store().datePolls().datePoll(poll.id()).title()).isEqualTo("Dinner");

        assertThatThrownBy(() -> polls.delete(User.employee("alice"), poll.id())).isInstanceOf(RuleViolation.class);
        polls.delete(edith, poll.id());
        assertThat(store().datePolls().datePoll(poll.id())).isNull();
        assertThatThrownBy(() -> polls.delete(edith, poll.id())).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND);
    }

    @Test
    default void datePollsAndAnswersSurviveAReopen() throws Exception {
        DatePoll poll = created(2);
        store().datePolls().answerDatePoll(poll.id(), "alice", Map.of(1, Availability.YES), MONDAY);
        store().datePolls().closeDatePoll(poll.id(), 1, MONDAY);
        SocialStore reopened = reopenStore();
        assumeTrue(reopened != null, "this store keeps nothing across a restart");
        assertThat(reopened.datePolls().datePoll(poll.id())).isEqualTo(poll.withChosen(1));
        assertThat(reopened.datePolls().datePollAnswer(poll.id(), "alice")).isEqualTo(Map.of(1, Availability.YES));
    }
}
