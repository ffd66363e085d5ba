package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.User;
import org.coquille.examples.browser.Widgets.ShownComment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * What an employee does with the widgets, in English, the same with JavaScript on and off; a subclass says
 * which and how an action must have been answered (in place, or by a redirect back to the page). Each test
 * uses its own page of the demo, so that none depends on another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmployeeScenarios {

    static final String NEWS = "/actualites/nouveau-restaurant.html";
    static final String REPORT = "/actualites/rapport-annuel.html";
    static final String MENU = "/restaurant/menu.html";
    static final String TELEWORK = "/rh/teletravail.html";
    static final String TRIPS = "/ce/voyages.html";
    static final String HOME = "/index.html";
    /** The authors as the demo's directory (demo-annuaire.csv) names them. */
    static final String ALICE = "Alice Bernard";
    static final String BRUNO = "Bruno Faure";
    static final String QUESTION = "Combien de jours de télétravail par semaine souhaiteriez-vous ?";

    @RegisterExtension
    final IntranetInChromium intranet = new IntranetInChromium();

    private Employee alice;

    /** JavaScript on or off, in English. */
    abstract Chromium.Profile profile();

    /** Before the actions on a page: whatever {@link #answered} needs. */
    abstract void arrived(Employee employee);

    /** After an action on {@code path}: checks it was answered as this browser expects. */
    abstract void answered(Employee employee, String path);

    /** Alice's browser, opened on first use and kept for the class. */
    Employee alice() throws IOException {
        if (alice == null) {
            alice = intranet.employee("alice", profile());
        }
        return alice;
    }

    private Widgets open(String path) throws IOException {
        Widgets widgets = alice().open(path);
        assertThat(widgets.javascript()).isEqualTo(profile().javascript());
        arrived(alice);
        return widgets;
    }

    @Test
    void commentsRepliesEditsAndDeletesOwnComment() throws Exception {
        Widgets widgets = open(NEWS);
        assertThat(widgets.commentsTitle()).isEqualTo("Comments (0)");

        widgets.comment("The grill corner is a good idea.");
        assertThat(widgets.notice()).isEqualTo("Your comment is posted.");
        answered(alice, NEWS);
        assertThat(widgets.comments()).containsExactly(new ShownComment(ALICE, "The grill corner is a good idea.", false, true));

        widgets.reply("The grill corner is a good idea.", "And the coffee corner too.");
        assertThat(widgets.notice()).isEqualTo("Your comment is posted.");
        widgets.edit("And the coffee corner too.", "And the coffee corner, too!");
        assertThat(widgets.notice()).isEqualTo("Your comment is updated.");
        answered(alice, NEWS);
        widgets.comment("A comment to take back.");
        assertThat(widgets.commentsTitle()).isEqualTo("Comments (2)");
        widgets.delete("A comment to take back.");
        assertThat(widgets.notice()).isEqualTo("Your comment is deleted.");
        answered(alice, NEWS);

        assertThat(widgets.commentsTitle()).isEqualTo("Comments (1)");
        assertThat(widgets.comments()).containsExactly(
                new ShownComment(ALICE, "The grill corner is a good idea.", false, true),
                new ShownComment(ALICE, "And the coffee corner, too!", true, true));
        assertThat(alice.open(NEWS).comments()).as("after a reload").hasSize(2);
    }

    @Test
    void votesAndChangesTheVote() throws Exception {
        Widgets widgets = open(REPORT);
        assertThat(widgets.myVote()).isEmpty();

        widgets.vote(1);
        assertThat(widgets.notice()).isEqualTo("Thank you for your vote.");
        answered(alice, REPORT);
        assertThat(widgets.myVote()).contains(1);
        assertThat(widgets.thumbs()).isEqualTo(Map.of(1, "👍 1", -1, "👎 0"));

        widgets.vote(-1);
        answered(alice, REPORT);
        assertThat(widgets.myVote()).contains(-1);
        assertThat(widgets.thumbs()).isEqualTo(Map.of(1, "👍 0", -1, "👎 1"));
    }

    @Test
    void ratesWithStarsAndChangesTheRating() throws Exception {
        Widgets widgets = open(MENU);
        assertThat(widgets.average()).isEqualTo("Average 0.0 from no votes");

        widgets.vote(4);
        answered(alice, MENU);
        assertThat(widgets.myVote()).contains(4);
        assertThat(widgets.average()).isEqualTo("Average 4.0 from one vote");

        widgets.vote(2);
        answered(alice, MENU);
        assertThat(widgets.myVote()).contains(2);
        assertThat(widgets.average()).isEqualTo("Average 2.0 from one vote");
    }

    @Test
    void answersThePollAndSeesTheResultsOnceAnswered() throws Exception {
        Widgets widgets = open(TELEWORK);
        assertThat(widgets.pollResults(QUESTION)).isEmpty();
        assertThat(widgets.pollMeta(QUESTION)).isEqualTo("Results show once you have answered.");

        widgets.answerPoll(QUESTION, "Deux jours");
        assertThat(widgets.notice()).isEqualTo("Your answer is recorded.");
        answered(alice, TELEWORK);
        assertThat(widgets.pollResults(QUESTION)).containsExactly(Map.entry("Aucun", "0 %"),
                Map.entry("Un jour", "0 %"), Map.entry("Deux jours", "100 %"), Map.entry("Trois jours ou plus", "0 %"));
        assertThat(widgets.pollMeta(QUESTION)).isEqualTo("One person has answered.");

        widgets.answerPoll(QUESTION, "Un jour");
        answered(alice, TELEWORK);
        assertThat(widgets.pollResults(QUESTION)).containsEntry("Un jour", "100 %").containsEntry("Deux jours", "0 %");
    }

    @Test
    void aPollThatShowsResultsOnlyOnceClosedKeepsThemHiddenAfterAnswering() throws Exception {
        String question = "Which day suits the team lunch?";
        intranet.demo().coquille().polls().create(User.editor("edith"), new Poll(0, PageId.of(TELEWORK), question,
                List.of("Tuesday", "Thursday"), PollChoice.SINGLE, null, Instant.now().plus(7, ChronoUnit.DAYS),
                ResultsVisibility.AFTER_CLOSING));
        Widgets widgets = open(TELEWORK);

        widgets.answerPoll(question, "Thursday");
        answered(alice, TELEWORK);
        assertThat(widgets.notice()).isEqualTo("Your answer is recorded.");
        assertThat(widgets.pollResults(question)).isEmpty();
        assertThat(widgets.pollMeta(question)).isEqualTo("Results show when the poll closes.");
        assertThat(widgets.poll(question).findElement(By.cssSelector("input:checked + label")).getText()).isEqualTo("Thursday");
    }

    @Test
    void togglesReactions() throws Exception {
        Widgets widgets = open(HOME);
        assertThat(widgets.reacted("🎉")).isFalse();

        widgets.toggleReaction("🎉");
        assertThat(widgets.notice()).isEqualTo("Your reaction is recorded.");
        answered(alice, HOME);
        widgets.toggleReaction("❤️");
        assertThat(widgets.reacted("🎉")).isTrue();
        assertThat(widgets.reactionCount("🎉")).isEqualTo(1);
        assertThat(widgets.reacted("❤️")).isTrue();

        widgets.toggleReaction("🎉");
        answered(alice, HOME);
        assertThat(widgets.reacted("🎉")).isFalse();
        assertThat(widgets.reactionCount("🎉")).isZero();
        assertThat(widgets.reactionCount("❤️")).isEqualTo(1);
    }

    @Test
    void aSecondEmployeeInAnotherBrowserSeesTheFirstOnesContributions() throws Exception {
        Widgets mine = open(TRIPS);
        mine.comment("Who is coming to Lisbon in May?");
        mine.toggleReaction("😮");

        Employee bruno = intranet.employee("bruno", profile());
        Widgets his = bruno.open(TRIPS);
        assertThat(his.comments()).containsExactly(new ShownComment(ALICE, "Who is coming to Lisbon in May?", false, false));
        assertThat(his.reactionCount("😮")).isEqualTo(1);
        assertThat(his.reacted("😮")).as("alice's reaction is not bruno's").isFalse();

        arrived(bruno);
        his.reply("Who is coming to Lisbon in May?", "Me!");
        his.toggleReaction("😮");
        answered(bruno, TRIPS);

        Widgets again = alice.open(TRIPS);
        assertThat(again.comments()).containsExactly(
                new ShownComment(ALICE, "Who is coming to Lisbon in May?", false, true),
                new ShownComment(BRUNO, "Me!", true, false));
        assertThat(again.reactionCount("😮")).isEqualTo(2);
        assertThat(again.reacted("😮")).isTrue();
    }
}
