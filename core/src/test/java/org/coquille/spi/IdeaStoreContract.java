package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.core.PageRules;
import org.coquille.social.Ideas;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.social.Pages;
import org.junit.jupiter.api.Test;

/**
 * The idea box part of the store contract: every {@link SocialStore} test runs it through {@link SocialStoreContract}.
 * One vote per user and idea under concurrent writers, status changes that only apply from the status they expect,
 * and the use case's rules checked before anything is stored.
 */
public interface IdeaStoreContract {

    PageId IDEA_PAGE = PageId.of("/restaurant/menu.html");
    PageId IDEA_OTHER = PageId.of("/it/mail.jsp");
    Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    /** The store closed and opened again over the same data, or {@code null} if it keeps nothing. */
    SocialStore reopenStore() throws Exception;

    private Ideas ideas() {
        store().pages().saveSettings(PageSettings.off(IDEA_PAGE).withWidgets(Set.of(Widget.IDEAS)));
        return new Ideas(store().ideas(), new Pages(store().pages(), store().settings(), PageRules.none()), Clock.fixed(AT, ZoneOffset.UTC));
    }

    @Test
    default void submittedIdeaReadsBackNewWithoutVotes() {
        Idea idea = store().ideas().addIdea(IDEA_PAGE, "alice", "Salad bar", "A salad bar on Fridays", AT);
        assertThat(idea.id()).isPositive();
        Idea read = store().ideas().idea(idea.id());
        assertThat(read).isEqualTo(new Idea(idea.id(), IDEA_PAGE, "alice", "Salad bar", "A salad bar on Fridays", AT,
                IdeaStatus.NEW, null, 0));
        assertThat(store().ideas().ideas(IDEA_PAGE)).containsExactly(read);
        assertThat(store().ideas().ideas(IDEA_OTHER)).isEmpty();
        assertThat(store().ideas().idea(idea.id() + 1000)).isNull();
    }

    @Test
    default void oneVotePerIdeaPerUserEvenWhenClickedAtOnce() throws Exception {
        Idea idea = store().ideas().addIdea(IDEA_PAGE, "alice", "Salad bar", "Fridays", AT);
        List<Boolean> added = ContractRace.run(16, i -> () -> store().ideas().putIdeaVote(idea.id(), "bob", AT));
        assertThat(added).containsOnlyOnce(true);
        ContractRace.run(16, i -> () -> store().ideas().putIdeaVote(idea.id(), "user" + i, AT));
        assertThat(store().ideas().idea(idea.id()).votes()).isEqualTo(17);
        assertThat(store().ideas().ideaVotesOf(IDEA_PAGE, "bob")).containsExactly(idea.id());
        assertThat(store().ideas().ideaVotesOf(IDEA_OTHER, "bob")).isEmpty();
    }

    @Test
    default void withdrawnVoteNoLongerCountsAndCanBeGivenAgain() {
        Idea idea = store().ideas().addIdea(IDEA_PAGE, "alice", "Salad bar", "Fridays", AT);
        Idea other = store().ideas().addIdea(IDEA_PAGE, "carol", "Later lunch", "Open until 14:30", AT);
        store().ideas().putIdeaVote(idea.id(), "bob", AT);
        store().ideas().putIdeaVote(other.id(), "bob", AT);
        assertThat(store().ideas().removeIdeaVote(idea.id(), "bob")).isTrue();
        assertThat(store().ideas().removeIdeaVote(idea.id(), "bob")).isFalse();
        assertThat(store().ideas().idea(idea.id()).votes()).isZero();
        assertThat(store().ideas().ideaVotesOf(IDEA_PAGE, "bob")).containsExactly(other.id());
        assertThat(store().ideas().putIdeaVote(idea.id(), "bob", AT)).isTrue();
        assertThat(store().ideas().ideas(IDEA_PAGE)).extracting(Idea::votes).containsExactly(1L, 1L);
        assertThat(store().ideas().putIdeaVote(idea.id() + 1000, "bob", AT)).as("no such idea").isFalse();
    }

    @Test
    default void statusChangesApplyOnlyFromTheExpectedStatusAndAreKept() {
        Idea idea = store().ideas().addIdea(IDEA_PAGE, "alice", "Salad bar", "Fridays", AT);
        assertThat(store().ideas().changeIdeaStatus(idea.id(), IdeaStatus.NEW, IdeaStatus.UNDER_STUDY, "We ask the caterer",
                "edith", AT.plusSeconds(60))).isTrue();
        assertThat(store().ideas().changeIdeaStatus(idea.id(), IdeaStatus.NEW, IdeaStatus.DECLINED, "No", "eric", AT))
                .as("the status is no longer NEW").isFalse();
        assertThat(store().ideas().changeIdeaStatus(idea.id(), IdeaStatus.UNDER_STUDY, IdeaStatus.ACCEPTED, null, "edith",
                AT.plusSeconds(120))).isTrue();
        Idea read = store().ideas().idea(idea.id());
        assertThat(read.status()).isEqualTo(IdeaStatus.ACCEPTED);
        assertThat(read.answer()).isNull();
        assertThat(store().ideas().ideaHistory(IDEA_PAGE)).containsExactly(
                new IdeaStatusChange(idea.id(), IdeaStatus.NEW, IdeaStatus.UNDER_STUDY, "We ask the caterer", "edith",
                        AT.plusSeconds(60)),
                new IdeaStatusChange(idea.id(), IdeaStatus.UNDER_STUDY, IdeaStatus.ACCEPTED, null, "edith",
                        AT.plusSeconds(120)));
        assertThat(store().ideas().ideaHistory(IDEA_OTHER)).isEmpty();
    }

    @Test
    default void ofEditorsChangingAStatusAtOnceOneWins() throws Exception {
        Idea idea = store().ideas().addIdea(IDEA_PAGE, "alice", "Salad bar", "Fridays", AT);
        List<Boolean> won = ContractRace.run(8, i -> () -> store().ideas().changeIdeaStatus(idea.id(), IdeaStatus.NEW,
                i % 2 == 0 ? IdeaStatus.ACCEPTED : IdeaStatus.DECLINED, "answer " + i, "editor" + i, AT));
        assertThat(won).containsOnlyOnce(true);
        assertThat(store().ideas().ideaHistory(IDEA_PAGE)).hasSize(1);
        assertThat(store().ideas().idea(idea.id()).status()).isEqualTo(store().ideas().ideaHistory(IDEA_PAGE).get(0).to());
    }

    @Test
    default void onlyEditorsMoveIdeasAndOnlyAlongAllowedStatuses() {
        Ideas ideas = ideas();
        Idea idea = ideas.submit(User.employee("alice"), IDEA_PAGE, "Salad bar", "Fridays");
        assertThatThrownBy(() -> ideas.setStatus(User.employee("alice"), idea.id(), IdeaStatus.ACCEPTED, "yes"))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).kind())
                .isEqualTo(RuleViolation.Kind.FORBIDDEN);
        assertThatThrownBy(() -> ideas.setStatus(User.editor("edith"), idea.id(), IdeaStatus.DONE, null))
                .isInstanceOf(RuleViolation.class).hasMessage("An idea that is new cannot become done.");
        assertThatThrownBy(() -> ideas.setStatus(User.editor("edith"), idea.id(), IdeaStatus.DECLINED, "  "))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("declining needs a public answer");
        assertThat(store().ideas().idea(idea.id()).status()).isEqualTo(IdeaStatus.NEW);
        assertThat(store().ideas().ideaHistory(IDEA_PAGE)).isEmpty();

        ideas.setStatus(User.editor("edith"), idea.id(), IdeaStatus.ACCEPTED, "From April");
        Idea done = ideas.setStatus(User.editor("edith"), idea.id(), IdeaStatus.DONE, null);
        assertThat(done.status()).isEqualTo(IdeaStatus.DONE);
        assertThatThrownBy(() -> ideas.setStatus(User.editor("edith"), idea.id(), IdeaStatus.UNDER_STUDY, null))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).kind())
                .isEqualTo(RuleViolation.Kind.CONFLICT);
        assertThat(store().ideas().ideaHistory(IDEA_PAGE)).extracting(IdeaStatusChange::to)
                .containsExactly(IdeaStatus.ACCEPTED, IdeaStatus.DONE);
    }

    @Test
    default void badIdeasAreRejectedAndLeaveTheBoxAsItWas() {
        Ideas ideas = ideas();
        User alice = User.employee("alice");
        Idea kept = ideas.submit(alice, IDEA_PAGE, "  Salad bar\u0000 ", "Fridays\u0007");
        assertThat(kept.title()).isEqualTo("Salad bar");
        assertThat(kept.body()).isEqualTo("Fridays");
        assertThatThrownBy(() -> ideas.submit(alice, IDEA_PAGE, "x".repeat(Ideas.MAX_TITLE + 1), "text"))
                .isInstanceOf(RuleViolation.class).hasMessage("The title has 121 characters; at most 120 are allowed.");
        assertThatThrownBy(() -> ideas.submit(alice, IDEA_PAGE, " ", "text")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ideas.submit(alice, IDEA_PAGE, "Title", "y".repeat(Ideas.MAX_TEXT + 1)))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ideas.submit(alice, IDEA_OTHER, "Title", "text"))
                .as("the idea box is off there").isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ideas.vote(alice, kept.id() + 1000, true)).isInstanceOf(RuleViolation.class);
        assertThat(store().ideas().ideas(IDEA_PAGE)).containsExactly(kept);
        assertThat(store().ideas().ideas(IDEA_OTHER)).isEmpty();
    }

    @Test
    default void longestIdeaInEmojiKeepsEveryCharacter() {
        Ideas ideas = ideas();
        String title = "🥗".repeat(Ideas.MAX_TITLE);
        String text = "é🍝".repeat(Ideas.MAX_TEXT / 2);
        Idea idea = ideas.submit(User.employee("alice"), IDEA_PAGE, title, text);
        assertThat(store().ideas().idea(idea.id()).title()).isEqualTo(title);
        assertThat(store().ideas().idea(idea.id()).body()).isEqualTo(text);
    }

    @Test
    default void declinedIdeasTakeNoVotesButKeepTheirs() {
        Ideas ideas = ideas();
        Idea idea = ideas.submit(User.employee("alice"), IDEA_PAGE, "Salad bar", "Fridays");
        ideas.vote(User.employee("bob"), idea.id(), true);
        ideas.setStatus(User.editor("edith"), idea.id(), IdeaStatus.DECLINED, "The kitchen is too small.");
        assertThatThrownBy(() -> ideas.vote(User.employee("carol"), idea.id(), true))
                .isInstanceOf(RuleViolation.class).hasMessage("This idea is declined: it takes no more votes.");
        assertThat(store().ideas().idea(idea.id()).votes()).isEqualTo(1);
        assertThat(ideas.vote(User.employee("bob"), idea.id(), false).votes()).as("a vote can still be withdrawn")
                .isZero();
    }

    @Test
    default void ideasSortByVotesThenNewestOrByNewest() {
        Ideas ideas = ideas();
        Idea first = store().ideas().addIdea(IDEA_PAGE, "alice", "First", "one", AT);
        Idea second = store().ideas().addIdea(IDEA_PAGE, "bob", "Second", "two", AT.plusSeconds(60));
        Idea third = store().ideas().addIdea(IDEA_PAGE, "carol", "Third", "three", AT.plusSeconds(120));
        store().ideas().putIdeaVote(first.id(), "dan", AT);
        store().ideas().putIdeaVote(first.id(), "eve", AT);
        store().ideas().putIdeaVote(second.id(), "dan", AT);
        Ideas.Box byVotes = ideas.box(User.employee("dan"), IDEA_PAGE, Ideas.Order.VOTES);
        assertThat(byVotes.ideas()).extracting(v -> v.idea().id()).containsExactly(first.id(), second.id(), third.id());
        assertThat(byVotes.ideas()).extracting(Ideas.IdeaView::voted).containsExactly(true, true, false);
        assertThat(ideas.box(null, IDEA_PAGE, Ideas.Order.NEWEST).ideas()).extracting(v -> v.idea().id())
                .containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    default void ideasVotesAndHistorySurviveAReopen() throws Exception {
        Idea idea = store().ideas().addIdea(IDEA_PAGE, "alice", "Salad bar", "Fridays", AT);
        store().ideas().putIdeaVote(idea.id(), "bob", AT);
        store().ideas().changeIdeaStatus(idea.id(), IdeaStatus.NEW, IdeaStatus.UNDER_STUDY, "Asking", "edith", AT);
        SocialStore reopened = reopenStore();
        assumeTrue(reopened != null, "this store keeps nothing across a restart");
        assertThat(reopened.ideas().idea(idea.id())).isEqualTo(idea.withStatus(IdeaStatus.UNDER_STUDY, "Asking").withVotes(1));
        assertThat(reopened.ideas().ideaHistory(IDEA_PAGE)).hasSize(1);
        assertThat(reopened.ideas().addIdea(IDEA_PAGE, "bob", "Next", "text", AT).id()).isGreaterThan(idea.id());
    }
}
