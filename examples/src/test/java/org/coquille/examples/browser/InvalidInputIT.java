package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.coquille.core.PageId;
import org.coquille.core.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Bad input (blank, too long, no option chosen) gets a clear message inside the widget, in the browser's
 * language, with or without JavaScript; what was typed is given back and nothing stored changes.
 */
class InvalidInputIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final String NEWS = "/actualites/nouveau-restaurant.html";
    private static final String TELEWORK = "/rh/teletravail.html";
    private static final Map<Case, Employee> BROWSERS = new EnumMap<>(Case.class);
    private static final String KEPT = "Un commentaire qui doit rester tel quel.";

    /** A browser set-up and what it must say. */
    enum Case {
        ENGLISH(Chromium.Profile.ENGLISH, "Add a comment",
                "Your comment is empty. Write some text before posting.",
                "Your comment has 4\\D?001 characters; at most 4\\D?000 are allowed\\.",
                "Choose an option before answering.", "Results show once you have answered."),
        FRENCH(Chromium.Profile.FRENCH, "Ajouter un commentaire",
                "Votre commentaire est vide. Écrivez un texte avant de publier.",
                "Votre commentaire compte 4\\D?001 caractères ; 4\\D?000 au plus sont permis\\.",
                "Choisissez une option avant de répondre.", "Les résultats s'affichent une fois que vous avez répondu."),
        ENGLISH_WITHOUT_JAVASCRIPT(Chromium.Profile.ENGLISH_NO_SCRIPT, ENGLISH),
        FRENCH_WITHOUT_JAVASCRIPT(Chromium.Profile.FRENCH_NO_SCRIPT, FRENCH);

        final Chromium.Profile profile;
        final String newCommentLabel;
        final String empty;
        final String tooLongPattern;
        final String noOption;
        final String resultsLater;

        Case(Chromium.Profile profile, String newCommentLabel, String empty, String tooLongPattern, String noOption,
             String resultsLater) {
            this.profile = profile;
            this.newCommentLabel = newCommentLabel;
            this.empty = empty;
            this.tooLongPattern = tooLongPattern;
            this.noOption = noOption;
            this.resultsLater = resultsLater;
        }

        Case(Chromium.Profile profile, Case same) {
            this(profile, same.newCommentLabel, same.empty, same.tooLongPattern, same.noOption, same.resultsLater);
        }

        String language() {
            return profile.language().getLanguage();
        }
    }

    @BeforeAll
    static void aliceHasSaidSomething() {
        intranet.demo().coquille().comments().post(User.employee("alice"), PageId.of(NEWS), null, KEPT);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void blankAndOversizedCommentsAreRefusedWithAMessageInTheWidget(Case c) throws Exception {
        Employee alice = alice(c);
        Widgets widgets = alice.open(NEWS);
        assertThat(widgets.root().getDomAttribute("lang")).isEqualTo(c.language());
        assertThat(widgets.root().findElement(By.cssSelector(".coq-new-comment label")).getText()).isEqualTo(c.newCommentLabel);
        String title = widgets.commentsTitle();

        widgets.comment("   ");
        assertThat(commentsError(widgets)).isEqualTo(c.empty);
        assertThat(widgets.commentsTitle()).isEqualTo(title);

        String tooLong = "x".repeat(4001);
        widgets.comment(tooLong);
        assertThat(commentsError(widgets)).matches(c.tooLongPattern);
        WebElement box = widgets.root().findElement(By.cssSelector(".coq-new-comment textarea"));
        String givenBack = box.getDomProperty("value");
        assertThat(givenBack.equals(tooLong)).as("what was typed is given back (%d characters)", givenBack.length()).isTrue();
        if (c.profile.javascript()) {
            assertThat(alice.driver().switchTo().activeElement()).as("focus back in the box").isEqualTo(box);
        }
        assertThat(widgets.commentsTitle()).isEqualTo(title);
        assertThat(widgets.comments()).extracting(Widgets.ShownComment::body).containsExactly(KEPT);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void aBlankEditIsRefusedAndTheCommentStaysAsItWas(Case c) throws Exception {
        Employee alice = alice(c);
        Widgets widgets = alice.open(NEWS);

        WebElement details = widgets.article(KEPT).findElement(By.cssSelector("details.coq-edit"));
        details.findElement(By.tagName("summary")).click();
        WebElement box = details.findElement(By.tagName("textarea"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), " ");
        widgets.act(details.findElement(By.cssSelector("button[type=submit]")));

        assertThat(commentsError(widgets)).isEqualTo(c.empty);
        assertThat(widgets.comments()).extracting(Widgets.ShownComment::body).containsExactly(KEPT);
        assertThat(alice.open(NEWS).comments()).extracting(Widgets.ShownComment::body).containsExactly(KEPT);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void answeringAPollWithoutChoosingIsRefused(Case c) throws Exception {
        Employee alice = alice(c);
        Widgets widgets = alice.open(TELEWORK);
        WebElement poll = widgets.root().findElement(By.cssSelector(".coq-poll"));

        widgets.act(poll.findElement(By.cssSelector("button[type=submit]")));

        assertThat(widgets.root().findElement(By.cssSelector(".coq-poll .coq-error")).getText()).isEqualTo(c.noOption);
        assertThat(widgets.root().findElements(By.cssSelector(".coq-poll .coq-percent"))).as("still unanswered").isEmpty();
        assertThat(widgets.pollMeta("Combien de jours de télétravail par semaine souhaiteriez-vous ?")).isEqualTo(c.resultsLater);
    }

    /** One browser per case, shared by the tests. */
    private static Employee alice(Case c) throws Exception {
        Employee alice = BROWSERS.get(c);
        if (alice == null) {
            alice = intranet.employee("alice", c.profile);
            BROWSERS.put(c, alice);
        }
        return alice;
    }

    private static String commentsError(Widgets widgets) {
        return widgets.root().findElement(By.cssSelector(".coq-comments .coq-error")).getText();
    }
}
