package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.coquille.spi.ContractFixtures.allOn;
import static org.coquille.spi.ContractFixtures.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.PageRules;
import org.coquille.social.Comments;
import org.coquille.core.PageId;
import org.coquille.core.PageViews;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.social.Pages;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.RuleViolation;
import org.coquille.core.Rules;
import org.coquille.core.User;
import org.coquille.core.ViewBatch;
import org.coquille.core.VoteKind;
import org.coquille.social.Votes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SocialStore} must have. A store's test extends this class and says how
 * to open a fresh, empty store; the same tests then run against it. Third-party stores can run it
 * from {@code coquille-core}'s test-jar. Each area's tests are in its own contract ({@link CommentStoreContract},
 * {@link VoteStoreContract}, ..., {@link IdeaStoreContract}, {@link DatePollStoreContract}), which a store's test
 * may implement alone while it builds that part; this class joins them and adds what spans areas: concurrent
 * writers, a restart, and the use cases' rules on the store.
 */
public abstract class SocialStoreContract implements PageStoreContract, CommentStoreContract, VoteStoreContract,
        PollStoreContract, ReactionStoreContract, ViewStoreContract, PageCatalogueStoreContract, SettingsStoreContract,
        AuditStoreContract, IdeaStoreContract, DatePollStoreContract, ObjectiveContract, OutboxStoreContract {

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

    /** The report by department's tests, on this store. */
    @Nested
    class Departments extends DepartmentReportContract {

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

}
