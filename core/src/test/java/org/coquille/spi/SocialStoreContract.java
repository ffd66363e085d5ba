package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.coquille.core.AuditEntry;
import org.coquille.core.CataloguedPage;
import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.PageRules;
import org.coquille.social.Comments;
import org.coquille.core.Moderation;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PageViews;
import org.coquille.core.PatternRule;
import org.coquille.inject.Placement;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.PollResults;
import org.coquille.social.Pages;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.RuleViolation;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.core.ViewBatch;
import org.coquille.core.VoteKind;
import org.coquille.core.VoteTally;
import org.coquille.social.Votes;
import org.coquille.core.Widget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SocialStore} must have. A store's test extends this class and says how
 * to open a fresh, empty store; the same tests then run against it. Third-party stores can run it
 * from {@code coquille-core}'s test-jar. The idea box, date poll and page objective tests are in
 * {@link IdeaStoreContract}, {@link DatePollStoreContract} and {@link ObjectiveContract}.
 */
public abstract class SocialStoreContract implements IdeaStoreContract, DatePollStoreContract, ObjectiveContract {

    protected static final PageId PAGE = PageId.of("/news/canteen.jsp");
    protected static final PageId OTHER = PageId.of("/hr/holidays.jsp?year=2026");
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    protected SocialStore store;

    /** Opens a store over a new, empty database. Called before every test. */
    protected abstract SocialStore openEmptyStore() throws Exception;

    /**
     * Closes {@code store} and opens it again over the same data, as a restart would; {@code null}
     * if this store keeps nothing across a restart (the re-open tests are then skipped).
     */
    protected SocialStore reopen(SocialStore closing) throws Exception {
        return null;
    }

    /** Drops whatever {@link #openEmptyStore()} created. */
    protected void dropStore() throws Exception {
    }

    @Override
    public SocialStore store() {
        return store;
    }

    @Override
    public SocialStore reopenStore() throws Exception {
        SocialStore reopened = reopen(store);
        if (reopened != null) {
            store = reopened;
        }
        return reopened;
    }

    @BeforeEach
    void openStore() throws Exception {
        store = openEmptyStore();
    }

    /** The usage report's tests, on this store. */
    @Nested
    class UsageReport extends UsageReportContract {

        @Override
        protected SocialStore store() {
            return store;
        }
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        dropStore();
    }

    private static PageSettings allOn(PageId page) {
        return PageSettings.off(page).withWidgets(Set.of(Widget.values()));
    }

    private static Poll poll(PageId page, PollChoice choice, String... options) {
        return new Poll(0, page, "Which day for the team lunch?", List.of(options), choice, null, null,
                ResultsVisibility.ALWAYS);
    }


    @Test
    void unknownPageHasNoSettings() {
        assertThat(store.pages().settings(PAGE)).isNull();
        assertThat(store.pages().allSettings()).isEmpty();
    }

    @Test
    void savedSettingsReadBackWhole() {
        PageSettings settings = new PageSettings(PAGE, Set.of(Widget.COMMENTS, Widget.POLL),
                Placement.after("#content > table.main"), VoteKind.STARS, Moderation.PRE, true);
        store.pages().saveSettings(settings);
        assertThat(store.pages().settings(PAGE)).isEqualTo(settings);
        assertThat(store.pages().settings(OTHER)).isNull();
    }

    @Test
    void savingAgainReplaces() {
        store.pages().saveSettings(allOn(PAGE));
        PageSettings off = PageSettings.off(PAGE);
        store.pages().saveSettings(off);
        assertThat(store.pages().settings(PAGE)).isEqualTo(off);
        assertThat(store.pages().allSettings()).containsExactly(off);
    }

    @Test
    void allSettingsAreOrderedByPage() {
        store.pages().saveSettings(allOn(PAGE));
        store.pages().saveSettings(allOn(OTHER));
        assertThat(store.pages().allSettings()).extracting(PageSettings::page).containsExactly(OTHER, PAGE);
    }

    @Test
    void longestPageIdIsKept() {
        PageId longest = PageId.of("/" + "é".repeat(PageId.MAX_LENGTH - 1));
        store.pages().saveSettings(allOn(longest));
        assertThat(store.pages().settings(longest)).isEqualTo(allOn(longest));
    }


    @Test
    void addedCommentReadsBackWithItsId() {
        Comment added = store.comments().addComment(PAGE, null, "alice", "Bonne idée ! 👍\nÀ suivre.", T0, CommentState.VISIBLE);
        assertThat(added.id()).isPositive();
        assertThat(store.comments().comment(added.id())).isEqualTo(added);
        assertThat(added).extracting(Comment::page, Comment::author, Comment::body, Comment::created, Comment::edited)
                .containsExactly(PAGE, "alice", "Bonne idée ! 👍\nÀ suivre.", T0, null);
    }

    @Test
    void unknownCommentIsNull() {
        assertThat(store.comments().comment(987_654)).isNull();
        assertThat(store.comments().editComment(987_654, "x", T0)).isFalse();
        assertThat(store.comments().setCommentState(987_654, CommentState.HIDDEN)).isFalse();
    }

    @Test
    void commentsOfAPageAreOldestFirstWithReplies() {
        Comment first = store.comments().addComment(PAGE, null, "alice", "first", T0, CommentState.VISIBLE);
        Comment other = store.comments().addComment(OTHER, null, "bob", "elsewhere", T0.plusSeconds(1), CommentState.VISIBLE);
        Comment reply = store.comments().addComment(PAGE, first.id(), "bob", "reply", T0.plusSeconds(2), CommentState.PENDING);
        Comment second = store.comments().addComment(PAGE, null, "carol", "second", T0.plusSeconds(3), CommentState.HIDDEN);
        assertThat(store.comments().comments(PAGE)).containsExactly(first, reply, second);
        assertThat(store.comments().comments(OTHER)).containsExactly(other);
        assertThat(reply.parentId()).isEqualTo(first.id());
    }

    @Test
    void longCommentKeepsEveryCharacter() {
        String body = "Ça marche. ".repeat(360) + "😀";
        Comment added = store.comments().addComment(PAGE, null, "alice", body, T0, CommentState.VISIBLE);
        assertThat(store.comments().comment(added.id()).body()).isEqualTo(body);
    }

    @Test
    void editReplacesTextAndRecordsTime() {
        Comment added = store.comments().addComment(PAGE, null, "alice", "typo", T0, CommentState.VISIBLE);
        assertThat(store.comments().editComment(added.id(), "fixed", T0.plusSeconds(60))).isTrue();
        assertThat(store.comments().comment(added.id())).isEqualTo(added.withBody("fixed", T0.plusSeconds(60)));
    }

    @Test
    void stateChangesAreKept() {
        Comment added = store.comments().addComment(PAGE, null, "alice", "text", T0, CommentState.PENDING);
        assertThat(store.comments().setCommentState(added.id(), CommentState.VISIBLE)).isTrue();
        assertThat(store.comments().comment(added.id()).state()).isEqualTo(CommentState.VISIBLE);
    }

    @Test
    void commentsInStateAreNewestFirstAcrossPages() {
        Comment a = store.comments().addComment(PAGE, null, "alice", "a", T0, CommentState.PENDING);
        store.comments().addComment(PAGE, null, "bob", "b", T0.plusSeconds(1), CommentState.VISIBLE);
        Comment c = store.comments().addComment(OTHER, null, "carol", "c", T0.plusSeconds(2), CommentState.PENDING);
        Comment d = store.comments().addComment(PAGE, null, "dan", "d", T0.plusSeconds(3), CommentState.PENDING);
        assertThat(store.comments().commentsInState(CommentState.PENDING, 10)).containsExactly(d, c, a);
        assertThat(store.comments().commentsInState(CommentState.PENDING, 2)).containsExactly(d, c);
    }


    @Test
    void noVotesIsAnEmptyTally() {
        assertThat(store.votes().tally(PAGE)).isEqualTo(VoteTally.EMPTY);
        assertThat(store.votes().vote(PAGE, "alice")).isNull();
    }

    @Test
    void voteTwiceCountsOnce() {
        store.votes().putVote(PAGE, "alice", 1, T0);
        store.votes().putVote(PAGE, "alice", 1, T0.plusSeconds(1));
        assertThat(store.votes().tally(PAGE).total()).isEqualTo(1);
    }

    @Test
    void changedVoteReplacesTheOldOne() {
        store.votes().putVote(PAGE, "alice", 1, T0);
        store.votes().putVote(PAGE, "alice", -1, T0.plusSeconds(1));
        assertThat(store.votes().vote(PAGE, "alice")).isEqualTo(-1);
        assertThat(store.votes().tally(PAGE).counts()).isEqualTo(Map.of(-1, 1L));
    }

    @Test
    void tallyCountsEachValuePerPage() {
        store.votes().putVote(PAGE, "alice", 5, T0);
        store.votes().putVote(PAGE, "bob", 4, T0);
        store.votes().putVote(PAGE, "carol", 5, T0);
        store.votes().putVote(OTHER, "alice", 1, T0);
        VoteTally tally = store.votes().tally(PAGE);
        assertThat(tally.counts()).isEqualTo(Map.of(4, 1L, 5, 2L));
        assertThat(tally.average()).isEqualTo(14.0 / 3);
    }

    @Test
    void removedVoteNoLongerCounts() {
        store.votes().putVote(PAGE, "alice", 1, T0);
        assertThat(store.votes().removeVote(PAGE, "alice")).isTrue();
        assertThat(store.votes().removeVote(PAGE, "alice")).isFalse();
        assertThat(store.votes().tally(PAGE).total()).isZero();
    }


    @Test
    void createdPollReadsBackWithItsId() {
        Poll created = store.polls().createPoll(new Poll(0, PAGE, "Quel jour ?", List.of("Lundi", "Mardi", "Jeudi"),
                PollChoice.MULTIPLE, T0, T0.plus(7, ChronoUnit.DAYS), ResultsVisibility.AFTER_ANSWERING));
        assertThat(created.id()).isPositive();
        assertThat(store.polls().poll(created.id())).isEqualTo(created);
        assertThat(store.polls().polls(PAGE)).containsExactly(created);
        assertThat(store.polls().polls(OTHER)).isEmpty();
    }

    @Test
    void unknownPollIsNullWithEmptyResults() {
        assertThat(store.polls().poll(424_242)).isNull();
        assertThat(store.polls().pollResults(424_242).participants()).isZero();
        assertThat(store.polls().pollAnswer(424_242, "alice")).isEmpty();
    }

    @Test
    void updateReplacesThePoll() {
        Poll created = store.polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        Poll changed = new Poll(created.id(), PAGE, "New question", List.of("Wed", "Thu", "Fri"), PollChoice.MULTIPLE,
                null, T0, ResultsVisibility.AFTER_CLOSING);
        assertThat(store.polls().updatePoll(changed)).isTrue();
        assertThat(store.polls().poll(created.id())).isEqualTo(changed);
        assertThat(store.polls().updatePoll(changed.withId(999_999))).isFalse();
    }

    @Test
    void answersAreCountedPerOption() {
        Poll created = store.polls().createPoll(poll(PAGE, PollChoice.MULTIPLE, "Mon", "Tue", "Thu"));
        store.polls().answerPoll(created.id(), "alice", Set.of(0, 2), T0);
        store.polls().answerPoll(created.id(), "bob", Set.of(2), T0);
        PollResults results = store.polls().pollResults(created.id());
        assertThat(results.votesPerOption()).containsExactly(1L, 0L, 2L);
        assertThat(results.participants()).isEqualTo(2);
        assertThat(store.polls().pollAnswer(created.id(), "alice")).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void answeringAgainReplacesTheAnswer() {
        Poll created = store.polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        store.polls().answerPoll(created.id(), "alice", Set.of(0), T0);
        store.polls().answerPoll(created.id(), "alice", Set.of(1), T0.plusSeconds(5));
        assertThat(store.polls().pollResults(created.id()).votesPerOption()).containsExactly(0L, 1L);
        assertThat(store.polls().pollAnswer(created.id(), "alice")).containsExactly(1);
    }

    @Test
    void deletedPollTakesItsAnswersAlong() {
        Poll created = store.polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        store.polls().answerPoll(created.id(), "alice", Set.of(0), T0);
        assertThat(store.polls().deletePoll(created.id())).isTrue();
        assertThat(store.polls().poll(created.id())).isNull();
        assertThat(store.polls().pollAnswer(created.id(), "alice")).isEmpty();
        assertThat(store.polls().deletePoll(created.id())).isFalse();
    }


    @Test
    void reactionIsCountedOncePerUser() {
        assertThat(store.reactions().setReaction(PAGE, "alice", "❤️", true, T0)).isTrue();
        assertThat(store.reactions().setReaction(PAGE, "alice", "❤️", true, T0)).isFalse();
        store.reactions().setReaction(PAGE, "bob", "❤️", true, T0);
        store.reactions().setReaction(PAGE, "bob", "🎉", true, T0);
        store.reactions().setReaction(OTHER, "bob", "🎉", true, T0);
        assertThat(store.reactions().reactionCounts(PAGE)).isEqualTo(Map.of("❤️", 2L, "🎉", 1L));
        assertThat(store.reactions().reactionsOf(PAGE, "bob")).containsExactlyInAnyOrder("❤️", "🎉");
    }

    @Test
    void reactionTurnedOffNoLongerCounts() {
        store.reactions().setReaction(PAGE, "alice", "👍", true, T0);
        assertThat(store.reactions().setReaction(PAGE, "alice", "👍", false, T0)).isTrue();
        assertThat(store.reactions().setReaction(PAGE, "alice", "👍", false, T0)).isFalse();
        assertThat(store.reactions().reactionCounts(PAGE)).isEmpty();
        assertThat(store.reactions().reactionsOf(PAGE, "alice")).isEmpty();
    }


    private final LocalDate day = LocalDate.of(2026, 3, 2);

    @Test
    void viewsAddUpAndViewersMergeAcrossBatches() {
        // two nodes flushing the same page and day: counts add, unique viewers stay exact
        store.views().addViews(List.of(new ViewBatch(PAGE, day, 3, Set.of("k1", "k2"))));
        store.views().addViews(List.of(new ViewBatch(PAGE, day, 2, Set.of("k2", "k3")),
                new ViewBatch(PAGE, day.plusDays(1), 1, Set.of("k1"))));
        assertThat(store.views().views(PAGE, day, day.plusDays(1))).containsExactly(
                new PageViews(PAGE, day, 5, 3), new PageViews(PAGE, day.plusDays(1), 1, 1));
    }

    @Test
    void viewsAreReadForTheAskedDaysAndPageOnly() {
        store.views().addViews(List.of(new ViewBatch(PAGE, day, 1, Set.of("k1")),
                new ViewBatch(PAGE, day.plusDays(5), 1, Set.of("k1")),
                new ViewBatch(OTHER, day, 7, Set.of("k9"))));
        assertThat(store.views().views(PAGE, day, day.plusDays(4))).containsExactly(new PageViews(PAGE, day, 1, 1));
        assertThat(store.views().views(PAGE, day.plusDays(6), day.plusDays(9))).isEmpty();
    }


    private <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixteenUsersVotingAndReactingAtOnceAreAllCounted() throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        race(16, () -> {
            String user = "user" + next.getAndIncrement();
            for (int i = 0; i < 5; i++) {
                store.votes().putVote(PAGE, user, i % 2 == 0 ? 1 : -1, T0);
                store.reactions().setReaction(PAGE, user, "👍", true, T0);
                store.reactions().setReaction(PAGE, user, "🎉", i % 2 == 0, T0);
            }
            return null;
        });
        // each user's last vote was +1 (i = 4) and their last 🎉 was on
        assertThat(store.votes().tally(PAGE).counts()).isEqualTo(Map.of(1, 16L));
        assertThat(store.reactions().reactionCounts(PAGE)).isEqualTo(Map.of("👍", 16L, "🎉", 16L));
    }

    @Test
    void doubleClicksFromOneUserCountOnce() throws Exception {
        Poll created = store.polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        race(16, () -> {
            store.votes().putVote(PAGE, "alice", 1, T0);
            store.reactions().setReaction(PAGE, "alice", "👍", true, T0);
            store.polls().answerPoll(created.id(), "alice", Set.of(1), T0);
            return null;
        });
        assertThat(store.votes().tally(PAGE).total()).isEqualTo(1);
        assertThat(store.reactions().reactionCounts(PAGE)).isEqualTo(Map.of("👍", 1L));
        assertThat(store.polls().pollResults(created.id()).participants()).isEqualTo(1);
        assertThat(store.polls().pollResults(created.id()).votesPerOption()).containsExactly(0L, 1L);
    }

    @Test
    void concurrentViewFlushesKeepExactCounts() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        race(8, () -> {
            int node = next.getAndIncrement();
            store.views().addViews(List.of(new ViewBatch(PAGE, day, 10, Set.of("shared", "node" + node))));
            return null;
        });
        assertThat(store.views().views(PAGE, day, day)).containsExactly(new PageViews(PAGE, day, 80, 9));
    }


    @Test
    void everythingSurvivesAReopen() throws Exception {
        store.pages().saveSettings(allOn(PAGE));
        Comment comment = store.comments().addComment(PAGE, null, "alice", "kept", T0, CommentState.VISIBLE);
        store.votes().putVote(PAGE, "alice", 1, T0);
        Poll created = store.polls().createPoll(poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        store.polls().answerPoll(created.id(), "alice", Set.of(0), T0);
        store.reactions().setReaction(PAGE, "alice", "👍", true, T0);
        SocialStore reopened = reopen(store);
        assumeTrue(reopened != null, "this store keeps nothing across a restart");
        store = reopened;
        assertThat(store.pages().settings(PAGE)).isEqualTo(allOn(PAGE));
        assertThat(store.comments().comment(comment.id())).isEqualTo(comment);
        assertThat(store.votes().tally(PAGE).total()).isEqualTo(1);
        assertThat(store.polls().pollResults(created.id()).votesPerOption()).containsExactly(1L, 0L);
        assertThat(store.reactions().reactionsOf(PAGE, "alice")).containsExactly("👍");
        Comment next = store.comments().addComment(PAGE, null, "bob", "new", T0, CommentState.VISIBLE);
        assertThat(next.id()).isGreaterThan(comment.id());
    }


    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Rules rules = Rules.defaults().withMaxCommentLength(50);
    private final User alice = User.employee("alice");

    private void turnWidgetsOn() {
        store.pages().saveSettings(allOn(PAGE).withVoteKind(VoteKind.STARS));
    }

    @Test
    void oversizedOrEmptyCommentIsRejected() {
        turnWidgetsOn();
        Comments comments = new Comments(store.comments(), store.ideas(), new Pages(store.pages(), store.settings(), PageRules.none()), rules, clock);
        Comment kept = comments.post(alice, PAGE, null, "short and fine");
        assertThatThrownBy(() -> comments.post(alice, PAGE, null, "x".repeat(51)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("51 characters; at most 50");
        assertThatThrownBy(() -> comments.post(alice, PAGE, null, "   \n "))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> comments.edit(alice, kept.id(), "y".repeat(60)))
                .isInstanceOf(RuleViolation.class);
        assertThat(store.comments().comments(PAGE)).containsExactly(kept);
    }

    @Test
    void controlCharactersAreDroppedBeforeStoring() {
        turnWidgetsOn();
        Comments comments = new Comments(store.comments(), store.ideas(), new Pages(store.pages(), store.settings(), PageRules.none()), rules, clock);
        Comment posted = comments.post(alice, PAGE, null, "nul\u0000 and bell\u0007 gone,\ttab and\nline kept");
        assertThat(store.comments().comment(posted.id()).body()).isEqualTo("nul and bell gone,\ttab and\nline kept");
    }

    @Test
    void outOfRangeVoteIsRejected() {
        turnWidgetsOn();
        Votes votes = new Votes(store.votes(), new Pages(store.pages(), store.settings(), PageRules.none()), clock);
        votes.vote(alice, PAGE, 4);
        assertThatThrownBy(() -> votes.vote(alice, PAGE, 6)).isInstanceOf(RuleViolation.class)
                .hasMessage("A vote on this page is 1 to 5; 6 is not one.");
        assertThat(store.votes().vote(PAGE, "alice")).isEqualTo(4);
    }

    @Test
    void badPollAnswersAreRejected() {
        turnWidgetsOn();
        Polls polls = new Polls(store.polls(), new Pages(store.pages(), store.settings(), PageRules.none()), rules, clock);
        Poll created = polls.create(User.editor("ed"), poll(PAGE, PollChoice.SINGLE, "Mon", "Tue"));
        polls.answer(alice, created.id(), Set.of(0));
        assertThatThrownBy(() -> polls.answer(alice, created.id(), Set.of(0, 1))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> polls.answer(alice, created.id(), Set.of(7))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> polls.answer(alice, created.id() + 1000, Set.of(0))).isInstanceOf(RuleViolation.class);
        assertThat(store.polls().pollAnswer(created.id(), "alice")).containsExactly(0);
    }

    @Test
    void closedPollRefusesAnswers() {
        turnWidgetsOn();
        Polls polls = new Polls(store.polls(), new Pages(store.pages(), store.settings(), PageRules.none()), rules, clock);
        Poll closed = polls.create(User.editor("ed"), new Poll(0, PAGE, "Q?", List.of("a", "b"), PollChoice.SINGLE,
                null, T0.minus(Duration.ofDays(1)), ResultsVisibility.ALWAYS));
        assertThatThrownBy(() -> polls.answer(alice, closed.id(), Set.of(0)))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).kind())
                .isEqualTo(RuleViolation.Kind.CONFLICT);
        assertThat(store.polls().pollResults(closed.id()).participants()).isZero();
    }

    @Test
    void emojiOutsideTheSetIsRejected() {
        turnWidgetsOn();
        Reactions reactions = new Reactions(store.reactions(), new Pages(store.pages(), store.settings(), PageRules.none()), rules, clock);
        reactions.set(alice, PAGE, "👍", true);
        assertThatThrownBy(() -> reactions.set(alice, PAGE, "💩", true)).isInstanceOf(RuleViolation.class);
        assertThat(store.reactions().reactionCounts(PAGE)).isEqualTo(Map.of("👍", 1L));
    }

    // --- the editors' console: catalogue, URL patterns, audit trail

    @Test
    void cataloguedPageKeepsItsFirstSightingAndTakesALateTitle() {
        store.catalogue().catalogue(List.of(new CataloguedPage(PAGE, null, T0)));
        store.catalogue().catalogue(List.of(new CataloguedPage(PAGE, "Cantine", T0.plusSeconds(60)),
                new CataloguedPage(OTHER, "Congés 2026 — RH", T0.plusSeconds(5))));
        store.catalogue().catalogue(List.of(new CataloguedPage(PAGE, "Another title", T0.plusSeconds(120))));
        assertThat(store.catalogue().cataloguedPages()).containsExactly(
                new CataloguedPage(OTHER, "Congés 2026 — RH", T0.plusSeconds(5)),
                new CataloguedPage(PAGE, "Cantine", T0));
    }

    @Test
    void sameBatchMayNameAPageTwice() {
        store.catalogue().catalogue(List.of(new CataloguedPage(PAGE, null, T0), new CataloguedPage(PAGE, "Cantine", T0)));
        assertThat(store.catalogue().cataloguedPages()).containsExactly(new CataloguedPage(PAGE, "Cantine", T0));
    }

    @Test
    void viewTotalsSumEachPageOverTheDaysAsked() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        store.views().addViews(List.of(new ViewBatch(PAGE, day, 3, Set.of("a")), new ViewBatch(PAGE, day.minusDays(1), 2, Set.of("a")),
                new ViewBatch(PAGE, day.minusDays(40), 100, Set.of("b")), new ViewBatch(OTHER, day, 1, Set.of("c"))));
        assertThat(store.catalogue().viewTotals(day.minusDays(29), day)).isEqualTo(Map.of(PAGE, 5L, OTHER, 1L));
        assertThat(store.catalogue().viewTotals(day.plusDays(1), day.plusDays(2))).isEmpty();
    }

    @Test
    void patternRulesReadBackWholeOrderedAndReplaced() {
        PatternRule news = new PatternRule("/actualites/*", Set.of(Widget.COMMENTS, Widget.VOTE),
                Placement.inside("#contenu td.main"), VoteKind.STARS, Moderation.PRE, true);
        PatternRule jsp = PatternRule.of("*.jsp", Set.of(Widget.REACTIONS));
        store.settings().savePatternRule(news);
        store.settings().savePatternRule(jsp);
        assertThat(store.settings().patternRules()).containsExactly(jsp, news);
        PatternRule off = PatternRule.of("/actualites/*", Set.of());
        store.settings().savePatternRule(off);
        assertThat(store.settings().patternRules()).containsExactly(jsp, off);
        assertThat(store.settings().deletePatternRule("/actualites/*")).isTrue();
        assertThat(store.settings().deletePatternRule("/actualites/*")).isFalse();
        assertThat(store.settings().patternRules()).containsExactly(jsp);
    }

    @Test
    void deletedPageSettingsAreGone() {
        store.pages().saveSettings(allOn(PAGE));
        assertThat(store.settings().deleteSettings(PAGE)).isTrue();
        assertThat(store.pages().settings(PAGE)).isNull();
        assertThat(store.settings().deleteSettings(PAGE)).isFalse();
        assertThat(store.pages().allSettings()).isEmpty();
    }

    @Test
    void importSavesEveryPageAndPatternReplacingThoseWithTheSameKey() {
        store.pages().saveSettings(PageSettings.off(PAGE));
        store.settings().savePatternRule(PatternRule.of("/rh/*", Set.of(Widget.POLL)));
        store.settings().savePatternRule(PatternRule.of("/kept/*", Set.of(Widget.POLL)));
        PatternRule rh = PatternRule.of("/rh/*", Set.of(Widget.COMMENTS));
        store.settings().importSettings(List.of(allOn(PAGE), allOn(OTHER)), List.of(rh));
        assertThat(store.pages().allSettings()).containsExactly(allOn(OTHER), allOn(PAGE));
        assertThat(store.pages().settings(PAGE)).isEqualTo(allOn(PAGE));
        assertThat(store.settings().patternRules()).containsExactly(PatternRule.of("/kept/*", Set.of(Widget.POLL)), rh);
    }

    @Test
    void auditTrailListsNewestFirstWithItsIds() {
        AuditEntry first = store.audit().addAuditEntry(new AuditEntry(0, T0, "edith", "comment.hide", "comment 3", "VISIBLE", "HIDDEN"));
        AuditEntry second = store.audit().addAuditEntry(new AuditEntry(0, T0.plusSeconds(1), "edith", "page.settings",
                PAGE.value(), null, "comments, vote"));
        assertThat(first.id()).isPositive();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(store.audit().auditEntries(10)).containsExactly(second, first);
        assertThat(store.audit().auditEntries(1)).containsExactly(second);
    }

    @Test
    void longAuditStatesAreCutNotRefused() {
        AuditEntry entry = store.audit().addAuditEntry(new AuditEntry(0, T0, "edith", "import", "settings", null,
                "é".repeat(5000)));
        assertThat(store.audit().auditEntries(1).get(0).after()).hasSize(AuditEntry.MAX_STATE_LENGTH).endsWith("…")
                .isEqualTo(entry.after());
    }

    @Test
    void moderationChangesTheCommentAndRecordsItTogether() {
        Comment c = store.comments().addComment(PAGE, null, "alice", "En attente", T0, CommentState.PENDING);
        AuditEntry entry = new AuditEntry(0, T0.plusSeconds(5), "edith", "comment.approve", "comment " + c.id(),
                "PENDING", "VISIBLE");
        assertThat(store.audit().moderateComment(c.id(), CommentState.VISIBLE, entry)).isTrue();
        assertThat(store.comments().comment(c.id()).state()).isEqualTo(CommentState.VISIBLE);
        assertThat(store.comments().comments(PAGE)).extracting(Comment::state).containsExactly(CommentState.VISIBLE);
        assertThat(store.audit().auditEntries(5)).extracting(AuditEntry::action, AuditEntry::before, AuditEntry::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("comment.approve", "PENDING", "VISIBLE"));
    }

    @Test
    void moderatingAMissingCommentRecordsNothing() {
        assertThat(store.audit().moderateComment(9999, CommentState.HIDDEN,
                new AuditEntry(0, T0, "edith", "comment.hide", "comment 9999", "VISIBLE", "HIDDEN"))).isFalse();
        assertThat(store.audit().auditEntries(5)).isEmpty();
    }
}
