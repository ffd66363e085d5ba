package org.coquille.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.coquille.core.CommentState;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.PollChoice;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.ContractFixtures;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each with its own cache, over one shared store: a write on one is forgotten by the other's cache as soon
 * as its notice arrives (here at once), exactly as it would be after a write of its own; a person who wrote on one
 * reads it on the other before the notice arrives.
 */
class NodesShareChangesTest {

    private static final PageId P = PageId.of("/intranet/news.jsp");
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final AtomicLong nanos = new AtomicLong(); // never moves: only notices make a node forget
    private final MemoryStore shared = new MemoryStore();
    private final SharedMemoryStore.Hub hub = new SharedMemoryStore.Hub();
    private final CachedStore a = node();
    private final CachedStore b = node();

    private CachedStore node() {
        return new CachedStore(new SharedMemoryStore(shared, hub), Duration.ofSeconds(30), nanos::get);
    }

    @Test
    void aVoteOnOneNodeShowsOnTheOtherAtOnce() {
        assertThat(b.votes().tally(P).total()).isZero();
        assertThat(b.votes().vote(P, "alice")).isNull();
        a.votes().putVote(P, "alice", 1, AT);
        assertThat(b.votes().tally(P).total()).isEqualTo(1);
        assertThat(b.votes().vote(P, "alice")).isEqualTo(1);
        a.votes().removeVote(P, "alice");
        assertThat(b.votes().tally(P).total()).isZero();
        assertThat(b.votes().vote(P, "alice")).isNull();
    }

    @Test
    void withoutNoticesTheOtherNodeStaysStaleUntilTheTtl() {
        hub.hold();
        assertThat(b.votes().tally(P).total()).isZero();
        a.votes().putVote(P, "alice", 1, AT);
        assertThat(b.votes().tally(P).total()).as("cached on b, no notice yet").isZero();
        hub.release();
        assertThat(b.votes().tally(P).total()).isEqualTo(1);
    }

    @Test
    void commentsReactionsAndModerationShowOnTheOtherNode() {
        assertThat(b.comments().comments(P)).isEmpty();
        var comment = a.comments().addComment(P, null, "bob", "Hello", AT, CommentState.VISIBLE);
        assertThat(b.comments().comments(P)).extracting(c -> c.body()).containsExactly("Hello");
        a.comments().setCommentState(comment.id(), CommentState.HIDDEN);
        assertThat(b.comments().comments(P)).extracting(c -> c.state()).containsExactly(CommentState.HIDDEN);

        assertThat(b.reactions().reactionCounts(P)).isEmpty();
        assertThat(b.reactions().reactionsOf(P, "bob")).isEmpty();
        a.reactions().setReaction(P, "bob", "👍", true, AT);
        assertThat(b.reactions().reactionCounts(P)).containsEntry("👍", 1L);
        assertThat(b.reactions().reactionsOf(P, "bob")).containsExactly("👍");
    }

    @Test
    void pageSettingsPatternsAndImportsShowOnTheOtherNode() {
        a.pages().saveSettings(PageSettings.off(P).withWidgets(Set.of(Widget.VOTE)));
        assertThat(b.pages().settings(P).isOn(Widget.VOTE)).isTrue();
        a.pages().saveSettings(b.pages().settings(P).withVoteKind(VoteKind.STARS));
        assertThat(b.pages().settings(P).voteKind()).isEqualTo(VoteKind.STARS);
        a.pages().saveSettings(PageSettings.off(P));
        assertThat(b.pages().settings(P).anyOn()).as("widgets turned off on a").isFalse();

        assertThat(b.settings().patternRules()).isEmpty();
        a.settings().savePatternRule(PatternRule.of("/intranet/*", Set.of(Widget.COMMENTS)));
        assertThat(b.settings().patternRules()).hasSize(1);

        a.settings().deleteSettings(P);
        assertThat(b.pages().settings(P)).isNull();
        a.settings().importSettings(java.util.List.of(PageSettings.off(P).withWidgets(Set.of(Widget.IDEAS))),
                java.util.List.of());
        assertThat(b.pages().settings(P).isOn(Widget.IDEAS)).isTrue();
        assertThat(b.settings().patternRules()).isEqualTo(shared.settings().patternRules());
    }

    @Test
    void ideasPollsAndDatePollsShowOnTheOtherNode() {
        assertThat(b.ideas().ideas(P)).isEmpty();
        var idea = a.ideas().addIdea(P, "carol", "Bike racks", "Near the door", AT);
        assertThat(b.ideas().ideas(P)).hasSize(1);
        assertThat(b.ideas().ideaVotesOf(P, "dave")).isEmpty();
        a.ideas().putIdeaVote(idea.id(), "dave", AT);
        assertThat(b.ideas().ideaVotesOf(P, "dave")).containsExactly(idea.id());

        assertThat(b.polls().polls(P)).isEmpty();
        var poll = a.polls().createPoll(ContractFixtures.poll(P, PollChoice.SINGLE, "Mon", "Tue"));
        assertThat(b.polls().polls(P)).hasSize(1);
        assertThat(b.polls().pollAnswer(poll.id(), "erin")).isEmpty();
        assertThat(b.polls().pollResults(poll.id()).participants()).isZero();
        a.polls().answerPoll(poll.id(), "erin", Set.of(1), AT);
        assertThat(b.polls().pollAnswer(poll.id(), "erin")).containsExactly(1);
        assertThat(b.polls().pollResults(poll.id()).participants()).isEqualTo(1);
        a.polls().deletePoll(poll.id());
        assertThat(b.polls().polls(P)).isEmpty();
        assertThat(b.polls().pollAnswer(poll.id(), "erin")).isEmpty();
    }

    @Test
    void erasingAPersonOnOneNodeForgetsThemOnTheOther() {
        a.votes().putVote(P, "alice", 1, AT);
        assertThat(b.votes().vote(P, "alice")).isEqualTo(1);
        a.personalData().eraseUser("alice");
        assertThat(b.votes().vote(P, "alice")).isNull();
    }

    @Test
    void whoWroteOnOneNodeReadsItOnTheOtherBeforeTheNoticeArrives() {
        hub.hold();
        assertThat(b.votes().tally(P).total()).isZero();
        a.votes().putVote(P, "alice", 1, AT);
        String mark = a.writeMark();
        assertThat(b.caughtUp(mark)).as("b has not heard of the vote").isFalse();
        assertThat(b.fresh(() -> b.votes().tally(P).total())).as("alice's own read, past b's cache").isEqualTo(1);
        assertThat(b.votes().tally(P).total()).as("others on b: cached until the notice").isZero();
        assertThat(a.caughtUp(mark)).as("a's own writes").isTrue();
        hub.release();
        assertThat(b.caughtUp(mark)).isTrue();
        assertThat(b.votes().tally(P).total()).isEqualTo(1);
    }

    @Test
    void aRestoredChannelForgetsWhatWasMissedMeanwhile() {
        hub.lose();
        hub.hold();
        assertThat(b.comments().comments(P)).isEmpty();
        a.comments().addComment(P, null, "bob", "during the outage", AT, CommentState.VISIBLE);
        hub.discard(); // the notice is lost with the channel: only the TTL or a restored channel helps
        assertThat(b.comments().comments(P)).as("missed, still cached").isEmpty();
        hub.restore();
        assertThat(b.comments().comments(P)).hasSize(1);
    }

    @Test
    void aNoticeReadsBackFromItsText() {
        var notice = new ChangeNotice("n-1_x", 42, ChangeNotice.Area.VOTES, PageId.of("/a b/ç.jsp?x=1&y=-"), 7L,
                "DOMAIN\\jean dupont=-");
        assertThat(ChangeNotice.parse(notice.text())).isEqualTo(notice);
        assertThat(notice.text()).matches("[ -~]+");
        var bare = new ChangeNotice("n", 1, ChangeNotice.Area.EVERYTHING, null, null, null);
        assertThat(ChangeNotice.parse(bare.text())).isEqualTo(bare);
        assertThatThrownBy(() -> ChangeNotice.parse("n 1 NOPE - - -")).isInstanceOf(IllegalArgumentException.class);
    }
}
