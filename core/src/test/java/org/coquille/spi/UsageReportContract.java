package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.core.Availability;
import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.DatePoll;
import org.coquille.core.DateSlot;
import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PageViews;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.ViewBatch;
import org.coquille.core.ActivityFigures;
import org.coquille.core.ActivityQuery;
import org.coquille.core.Bucket;
import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;
import org.coquille.report.IntranetReport;
import org.coquille.report.ObjectiveProgress;
import org.coquille.report.ObjectiveStanding;
import org.coquille.report.PageReport;
import org.coquille.report.RetentionPurge;
import org.coquille.report.UsageReports;
import org.coquille.core.UserData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The usage report over a small hand-made data set whose every figure is known, on every store (it runs
 * inside {@link SocialStoreContract}): funnel, rates, concentration, weekly trend, purge and erase.
 * <p>Three pages, ten readers k1 to k10, two weeks (Monday 2 March and Monday 9 March 2026, and a quiet third):
 * <pre>
 * 2 Mar  A: 10 views by k1-k8   B: 4 views by k1,k2   C: 6 views by k1-k6
 *        A: k1 comments twice, k2 votes, k3 reacts
 * 3 Mar  A: 3 views by k1,k9;   A: k1 reacts, k9 answers a poll
 * 9 Mar  A: 5 views by k1,k10   B: 2 views by k3      C: 1 view by k7
 *        A: k10 comments;       B: k3 votes and comments
 * </pre>
 */
public abstract class UsageReportContract {

    static final PageId A = PageId.of("/news/canteen.jsp");
    static final PageId B = PageId.of("/hr/holidays.jsp?year=2026");
    static final PageId C = PageId.of("/hr/quiet.jsp");
    static final LocalDate W1 = LocalDate.of(2026, 3, 2);
    static final LocalDate W2 = LocalDate.of(2026, 3, 9);
    static final LocalDate W3 = LocalDate.of(2026, 3, 16);
    static final LocalDate END = LocalDate.of(2026, 3, 22);

    /** The store under test, fresh and empty. */
    protected abstract SocialStore store();

    private UsageReports reports;

    @BeforeEach
    void fill() {
        SocialStore store = store();
        store.views().addViews(List.of(
                views(A, W1, 10, "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"),
                views(B, W1, 4, "k1", "k2"),
                views(C, W1, 6, "k1", "k2", "k3", "k4", "k5", "k6")));
        // a second node flushes the same page and day: k1 again, and k9
        store.views().addViews(List.of(views(A, W1.plusDays(1), 1, "k1"), views(A, W1.plusDays(1), 2, "k1", "k9"),
                views(A, W2, 5, "k1", "k10"), views(B, W2, 2, "k3"), views(C, W2, 1, "k7")));
        store.activity().addContributions(List.of(
                did(A, W1, Contribution.COMMENT, "k1", 2), did(A, W1, Contribution.VOTE, "k2", 1),
                did(A, W1, Contribution.REACTION, "k3", 1), did(A, W1.plusDays(1), Contribution.REACTION, "k1", 1)));
        store.activity().addContributions(List.of(did(A, W1.plusDays(1), Contribution.ANSWER, "k9", 1),
                did(A, W2, Contribution.COMMENT, "k10", 1), did(B, W2, Contribution.VOTE, "k3", 1),
                did(B, W2, Contribution.COMMENT, "k3", 1)));
        reports = new UsageReports(store.activity(), 3);
    }

    private static ViewBatch views(PageId page, LocalDate day, long count, String... keys) {
        return new ViewBatch(page, day, count, Set.of(keys));
    }

    private static ContributionBatch did(PageId page, LocalDate day, Contribution kind, String key, long times) {
        return new ContributionBatch(page, day, kind, Map.of(key, times));
    }

    /** views, unique viewers, comments, commenters, votes, reactions, answers, reactors, contributors */
    private static ActivityFigures figures(PageId page, LocalDate start, long... f) {
        return new ActivityFigures(page, start, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
    }

    private static final ActivityFigures INTRANET_W1 = figures(null, W1, 23, 9, 2, 1, 1, 2, 1, 4, 4);
    private static final ActivityFigures INTRANET_W2 = figures(null, W2, 8, 4, 2, 2, 1, 0, 0, 1, 2);

    @Test
    void intranetTotalsCountEachPersonOnceOverThePeriod() {
        IntranetReport report = reports.intranet(W1, END);
        // 9 readers in week 1 and 4 in week 2, but only 10 different people: uniques are not summed
        assertThat(report.totals()).isEqualTo(figures(null, null, 31, 10, 4, 3, 2, 2, 1, 4, 5));
        assertThat(report.totals().participationRate()).isEqualTo(0.5);
        assertThat(report.approximate()).isFalse();
        assertThat(report.keysFrom()).isNull();
    }

    @Test
    void funnelWeekByWeekHasEveryWeekQuietOnesIncluded() {
        IntranetReport report = reports.intranet(W1, END);
        assertThat(report.weeks()).containsExactly(INTRANET_W1, INTRANET_W2, ActivityFigures.none(null, W3));
        // readers -> reactors/voters -> commenters
        assertThat(report.weeks()).extracting(ActivityFigures::uniqueViewers).containsExactly(9L, 4L, 0L);
        assertThat(report.weeks()).extracting(ActivityFigures::uniqueReactors).containsExactly(4L, 1L, 0L);
        assertThat(report.weeks()).extracting(ActivityFigures::uniqueCommenters).containsExactly(1L, 2L, 0L);
    }

    @Test
    void pagesAreRankedByEngagementAndTheUnreactedOnesFound() {
        IntranetReport report = reports.intranet(W1, END);
        ActivityFigures a = figures(A, null, 18, 10, 3, 2, 1, 2, 1, 4, 5);
        ActivityFigures b = figures(B, null, 6, 3, 1, 1, 1, 0, 0, 1, 1);
        ActivityFigures c = figures(C, null, 7, 7, 0, 0, 0, 0, 0, 0, 0);
        assertThat(report.pages()).containsExactly(a, c, b);
        assertThat(b.participationRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(report.mostEngaged()).containsExactly(a, b);
        assertThat(report.leastEngaged()).containsExactly(b, a);
        assertThat(report.readNeverReacted()).containsExactly(c);
    }

    @Test
    void concentrationIsTheShareOfTheMostActiveContributors() {
        // k1 3, k3 3, k2 1, k9 1, k10 1: 9 contributions by 5 people; the top 1 % and 10 % are one person
        IntranetReport report = reports.intranet(W1, END);
        assertThat(report.concentration().contributors()).isEqualTo(5);
        assertThat(report.concentration().contributions()).isEqualTo(9);
        assertThat(report.concentration().top1Share()).isCloseTo(3.0 / 9, within(1e-9));
        assertThat(report.concentration().top10Share()).isCloseTo(3.0 / 9, within(1e-9));
    }

    @Test
    void pageReportHasItsPeriodAndWeeklyTrend() {
        PageReport report = reports.page(A, W1, W2.plusDays(6));
        assertThat(report.totals()).isEqualTo(figures(A, null, 18, 10, 3, 2, 1, 2, 1, 4, 5));
        assertThat(report.weeks()).containsExactly(figures(A, W1, 13, 9, 2, 1, 1, 2, 1, 4, 4),
                figures(A, W2, 5, 2, 1, 1, 0, 0, 0, 0, 1));
        assertThat(reports.page(PageId.of("/never/seen.jsp"), W1, W1.plusDays(6)).totals().views()).isZero();
    }

    @Test
    void dailyFiguresPerPageForTheExport() {
        List<ActivityFigures> days = reports.perPage(W1, W1.plusDays(1), Bucket.DAY);
        assertThat(days).containsExactly(
                figures(B, W1, 4, 2, 0, 0, 0, 0, 0, 0, 0),
                figures(C, W1, 6, 6, 0, 0, 0, 0, 0, 0, 0),
                figures(A, W1, 10, 8, 2, 1, 1, 1, 0, 2, 3),
                figures(A, W1.plusDays(1), 3, 2, 0, 0, 0, 1, 1, 2, 2));
    }

    @Test
    void purgeDeletesOldKeysAndKeepsTheFigures() {
        IntranetReport before = reports.intranet(W1, END);
        List<ActivityFigures> daysBefore = reports.perPage(W1, END, Bucket.DAY);
        List<ActivityFigures> weeksBefore = reports.perPage(W1, END, Bucket.WEEK);

        RetentionPurge purge = new RetentionPurge(store().activity(), Duration.ofDays(7));
        assertThat(purge.run(W3)).isEqualTo(W2);
        assertThat(purge.run(W3.plusDays(2))).isEqualTo(W2); // again: nothing changes

        // the keys of week 1 are gone...
        ActivityFigures raw = store().activity().activity(ActivityQuery.intranet(W1, W1.plusDays(6), Bucket.PERIOD)).get(0);
        assertThat(raw.views()).isEqualTo(23);
        assertThat(raw.uniqueViewers()).isZero();
        assertThat(raw.uniqueContributors()).isZero();
        assertThat(store().activity().contributionsPerContributor(W1, W1.plusDays(6))).isEmpty();
        // ...but every daily and weekly figure is as it was
        IntranetReport after = reports.intranet(W1, END);
        assertThat(after.weeks()).isEqualTo(before.weeks());
        assertThat(reports.perPage(W1, END, Bucket.DAY)).isEqualTo(daysBefore);
        assertThat(reports.perPage(W1, END, Bucket.WEEK)).isEqualTo(weeksBefore);
        assertThat(store().views().views(A, W1, W1.plusDays(1))).containsExactly(new PageViews(A, W1, 10, 8),
                new PageViews(A, W1.plusDays(1), 3, 2));
        // over the whole period, counts stay exact and uniques become the sum of the weeks (and say so)
        assertThat(after.keysFrom()).isEqualTo(W2);
        assertThat(after.approximate()).isTrue();
        assertThat(after.totals()).isEqualTo(INTRANET_W1.plus(INTRANET_W2).at(null, null));
        assertThat(reports.intranet(W2, END).approximate()).isFalse();
        assertThat(reports.intranet(W2, END).totals()).isEqualTo(INTRANET_W2.at(null, null));
        // concentration counts the kept weeks only: k3 2, k10 1
        assertThat(after.concentration().contributions()).isEqualTo(3);
        assertThat(after.concentration().top10Share()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void replacedKeyKeepsTheCountsButNoLongerLinksToThePerson() {
        IntranetReport before = reports.intranet(W1, END);
        store().activity().replaceKey("k1", "erased-0001");
        IntranetReport after = reports.intranet(W1, END);
        assertThat(after.totals()).isEqualTo(before.totals());
        assertThat(after.weeks()).isEqualTo(before.weeks());
        assertThat(after.concentration()).isEqualTo(before.concentration());
        // k1 viewing page A on 2 March again is a new viewer now: the old rows are no longer k1's
        store().views().addViews(List.of(views(A, W1, 1, "k1")));
        assertThat(store().views().views(A, W1, W1)).containsExactly(new PageViews(A, W1, 11, 9));
    }

    static final PageId D = PageId.of("/restaurant/menu.html");

    /**
     * On page D in the quiet week 3: k1 submits 2 ideas, k2 submits 1 and votes for 3, k3 answers a date poll,
     * k4 only reads. Writers (ideas) are k1, k2; light contributors (idea votes, date answers) are k2, k3.
     */
    private void ideasAndDatePollOnD(LocalDate day) {
        store().views().addViews(List.of(views(D, day, 6, "k1", "k2", "k3", "k4")));
        store().activity().addContributions(List.of(did(D, day, Contribution.IDEA, "k1", 2), did(D, day, Contribution.IDEA, "k2", 1),
                did(D, day, Contribution.IDEA_VOTE, "k2", 3), did(D, day, Contribution.DATE_ANSWER, "k3", 1)));
    }

    @Test
    void ideasIdeaVotesAndDateAnswersAreContributions() {
        ideasAndDatePollOnD(W3);
        ActivityFigures d = reports.page(D, W3, END).totals();
        assertThat(d).isEqualTo(new ActivityFigures(D, null, 6, 4, 0, 2, 0, 0, 0, 2, 3, 3, 3, 1));
        assertThat(d.contributions()).isEqualTo(7);
        assertThat(d.participationRate()).isEqualTo(0.75);
        // the whole intranet's week 3 is page D's, and concentration counts them: k1 2, k2 4, k3 1
        IntranetReport report = reports.intranet(W3, END);
        assertThat(report.totals()).isEqualTo(d.at(null, null));
        assertThat(report.concentration().contributions()).isEqualTo(7);
        assertThat(report.concentration().contributors()).isEqualTo(3);
    }

    @Test
    void purgeKeepsIdeaAndDatePollCounts() {
        ideasAndDatePollOnD(W1.plusDays(2));
        List<ActivityFigures> weeksBefore = reports.perPage(W1, END, Bucket.WEEK);
        ActivityFigures dWeek1 = new ActivityFigures(D, W1, 6, 4, 0, 2, 0, 0, 0, 2, 3, 3, 3, 1);
        assertThat(weeksBefore).contains(dWeek1);
        new RetentionPurge(store().activity(), Duration.ofDays(7)).run(W3);
        assertThat(reports.perPage(W1, END, Bucket.WEEK)).isEqualTo(weeksBefore);
        assertThat(reports.perPage(W1.plusDays(2), W1.plusDays(2), Bucket.DAY))
                .containsExactly(dWeek1.at(D, W1.plusDays(2)));
    }

    @Test
    void objectiveCountsContributorsFromItsStartToItsEnd() {
        // A from 3 March: k1 reacts and k9 answers (3 Mar), k10 comments (9 Mar)
        Objective reached = new Objective(Objective.Purpose.OPINION, null, 3, W2, W1.plusDays(1));
        // the same start, ended 8 March: k1 and k9 only
        Objective ended = new Objective(Objective.Purpose.OPINION, null, 3, W2.minusDays(1), W1.plusDays(1));
        // B from 2 March, no end, no target: k3
        Objective noTarget = new Objective(Objective.Purpose.FEEDBACK, null, null, null, W1);
        List<ObjectiveStanding> standings = reports.objectives(List.of(
                PageSettings.off(A).withObjective(reached), PageSettings.off(B).withObjective(noTarget),
                PageSettings.off(C)), W3);
        assertThat(standings).containsExactly(
                new ObjectiveStanding(A, reached, new ObjectiveProgress(3, ObjectiveProgress.Status.REACHED), false),
                new ObjectiveStanding(B, noTarget, new ObjectiveProgress(1, ObjectiveProgress.Status.NO_TARGET), false),
                new ObjectiveStanding(C, null, null, false));
        assertThat(reports.objectives(List.of(PageSettings.off(A).withObjective(ended)), W3)).containsExactly(
                new ObjectiveStanding(A, ended, new ObjectiveProgress(2, ObjectiveProgress.Status.ENDED_NOT_REACHED), false));
        // set after today: nothing counted yet
        Objective future = new Objective(Objective.Purpose.OPINION, null, 3, null, END.plusDays(1));
        assertThat(reports.objectives(List.of(PageSettings.off(A).withObjective(future)), END).get(0).progress())
                .isEqualTo(new ObjectiveProgress(0, ObjectiveProgress.Status.UNDER_WAY));
    }

    @Test
    void userDataIsExportedThenErasedLeavingOthersIntact() {
        SocialStore store = store();
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        Comment mine = store.comments().addComment(A, null, "alice", "Bonne idée", at, CommentState.VISIBLE);
        Comment reply = store.comments().addComment(A, mine.id(), "bruno", "D'accord", at.plusSeconds(60), CommentState.VISIBLE);
        store.votes().putVote(A, "alice", 1, at);
        store.votes().putVote(A, "bruno", -1, at);
        store.reactions().setReaction(B, "alice", "👍", true, at);
        store.reactions().setReaction(B, "bruno", "👍", true, at);
        Poll poll = store.polls().createPoll(new Poll(0, A, "Lunch?", List.of("Mon", "Tue", "Wed"), PollChoice.MULTIPLE,
                null, null, ResultsVisibility.ALWAYS));
        store.polls().answerPoll(poll.id(), "alice", Set.of(0, 2), at);
        store.polls().answerPoll(poll.id(), "bruno", Set.of(1), at);

        UserData data = store.personalData().userData("alice");
        assertThat(data.comments()).extracting(Comment::body).containsExactly("Bonne idée");
        assertThat(data.votes()).containsExactly(new UserData.Vote(A, 1, at));
        assertThat(data.reactions()).containsExactly(new UserData.Reaction(B, "👍", at));
        assertThat(data.answers()).containsExactly(new UserData.Answer(poll.id(), A, Set.of(0, 2), at));

        store.personalData().eraseUser("alice");
        assertThat(store.personalData().userData("alice").isEmpty()).isTrue();
        assertThat(store.comments().comment(mine.id()).body()).isEmpty();
        assertThat(store.comments().comment(mine.id()).author()).isEqualTo(PersonalDataStore.ERASED_AUTHOR);
        assertThat(store.comments().comment(mine.id()).state()).isEqualTo(CommentState.DELETED);
        assertThat(store.comments().comment(reply.id()).body()).isEqualTo("D'accord");
        assertThat(store.votes().vote(A, "alice")).isNull();
        assertThat(store.votes().tally(A).total()).isEqualTo(1);
        assertThat(store.reactions().reactionCounts(B)).containsExactly(Map.entry("👍", 1L));
        assertThat(store.polls().pollResults(poll.id()).participants()).isEqualTo(1);
        assertThat(store.polls().pollResults(poll.id()).votesPerOption()).containsExactly(0L, 1L, 0L);
        assertThat(store.personalData().userData("bruno").comments()).hasSize(1);
    }

    @Test
    void ideasIdeaVotesAndDateAnswersAreExportedThenErasedLeavingOthersIntact() {
        SocialStore store = store();
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        Idea mine = store.ideas().addIdea(A, "alice", "Un composteur", "Dans la cour, près de la cantine.", at);
        Idea theirs = store.ideas().addIdea(A, "bruno", "Des vélos", "Pour aller d'un site à l'autre.", at);
        store.ideas().putIdeaVote(mine.id(), "bruno", at);
        store.ideas().putIdeaVote(theirs.id(), "alice", at);
        store.ideas().changeIdeaStatus(mine.id(), IdeaStatus.NEW, IdeaStatus.UNDER_STUDY, "Bonne idée, on regarde.", "edith", at);
        DatePoll lunch = store.datePolls().createDatePoll(new DatePoll(0, B, "Déjeuner d'équipe",
                List.of(new DateSlot(at, at.plusSeconds(5400)), new DateSlot(at.plusSeconds(86_400),
                        at.plusSeconds(91_800))), null));
        store.datePolls().answerDatePoll(lunch.id(), "alice", Map.of(0, Availability.YES, 1, Availability.NO), at);
        store.datePolls().answerDatePoll(lunch.id(), "bruno", Map.of(0, Availability.IF_NEED_BE), at);

        UserData data = store.personalData().userData("alice");
        assertThat(data.ideas()).extracting(Idea::id, Idea::title).containsExactly(tuple(mine.id(), "Un composteur"));
        assertThat(data.ideaVotes()).containsExactly(new UserData.IdeaVote(theirs.id(), A));
        assertThat(data.dateAnswers()).containsExactly(
                new UserData.DateAnswer(lunch.id(), B, Map.of(0, Availability.YES, 1, Availability.NO)));
        assertThat(data.isEmpty()).isFalse();

        store.personalData().eraseUser("alice");
        assertThat(store.personalData().userData("alice").isEmpty()).isTrue();
        Idea erased = store.ideas().idea(mine.id());
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.title()).isEmpty();
        assertThat(erased.body()).isEmpty();
        assertThat(erased.votes()).as("bruno's vote for it stays").isEqualTo(1);
        assertThat(erased.status()).isEqualTo(IdeaStatus.UNDER_STUDY);
        assertThat(erased.answer()).isEqualTo("Bonne idée, on regarde.");
        assertThat(store.ideas().idea(theirs.id()).votes()).isZero();
        assertThat(store.ideas().idea(theirs.id()).title()).isEqualTo("Des vélos");
        assertThat(store.datePolls().datePollAnswer(lunch.id(), "alice")).isEmpty();
        assertThat(store.datePolls().datePollAnswer(lunch.id(), "bruno")).containsExactly(Map.entry(0, Availability.IF_NEED_BE));
        assertThat(store.datePolls().datePollResults(lunch.id()).participants()).isEqualTo(1);
        assertThat(store.personalData().userData("bruno").ideas()).hasSize(1);
    }
}
