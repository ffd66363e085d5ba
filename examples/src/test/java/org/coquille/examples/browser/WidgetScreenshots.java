package org.coquille.examples.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.coquille.core.Comment;
import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Writes the README's pictures of pages with widgets ({@link ConsoleScreenshots} those of the console and the
 * report). Not part of the normal run: it runs only when the system property {@value Screenshots#PROPERTY} names the
 * folder to write to (relative to the repository root):
 *
 * <pre>mvn -B -q -DskipTests install &amp;&amp; mvn -B -f examples -Pscreenshots verify</pre>
 *
 * <p>Emoji show as boxes unless the font package {@code fonts-noto-color-emoji} is installed.
 */
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".*\\S.*",
        disabledReason = "Screenshots are written only on demand: -D" + Screenshots.PROPERTY + "=docs (see docs/TESTING.md)")
class WidgetScreenshots {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium().withSettings("coquille.timeZone=Europe/Paris");

    private static final String NEWS = "/actualites/nouveau-restaurant.html";
    private static final String TELEWORK = "/rh/teletravail.html";
    private static final String TRIPS = "/ce/voyages.html";

    @BeforeAll
    static void data() {
        seed(intranet.demo().coquille());
    }

    /** A page that people have already reacted to: what the README shows. */
    private static void seed(Coquille coquille) {
        PageId news = PageId.of(NEWS);
        Comment bruno = coquille.comments().post(User.employee("bruno"), news, null,
                "Le coin café est une très bonne idée. Est-ce que les horaires du soir sont prévus ?");
        coquille.comments().post(User.employee("alice"), news, bruno.id(),
                "D'après les Services Généraux, oui : jusqu'à 19 h à partir d'avril.");
        coquille.comments().post(User.employee("alice"), news, null, "Testé ce midi : la blanquette était excellente 👍");
        for (String user : new String[] {"alice", "bruno", "chloe", "damien"}) {
            coquille.votes().vote(User.employee(user), news, user.equals("damien") ? -1 : 1);
            coquille.reactions().set(User.employee(user), news, "👍", true);
        }
        coquille.reactions().set(User.employee("bruno"), news, "🎉", true);
        coquille.reactions().set(User.employee("chloe"), news, "❤️", true);

        PageId telework = PageId.of(TELEWORK);
        long poll = coquille.store().polls().polls(telework).get(0).id();
        int[] answers = {2, 2, 1, 3, 2, 0, 1, 2};
        for (int i = 0; i < answers.length; i++) {
            coquille.polls().answer(User.employee("salarie" + i), poll, Set.of(answers[i]));
        }
    }

    @Test
    void aNewsPageWithItsWidgets() throws Exception {
        Employee alice = intranet.employee("alice", Chromium.Profile.FRENCH);
        alice.open(NEWS);
        write(alice.driver(), "screenshot-widgets.png");
    }

    @Test
    void thePollWithItsResultsAfterAnswering() throws Exception {
        Employee alice = intranet.employee("alice", Chromium.Profile.FRENCH);
        alice.open(TELEWORK).answerPoll("Combien de jours de télétravail par semaine souhaiteriez-vous ?", "Deux jours");
        write(alice.driver(), "screenshot-poll.png");
    }

    @Test
    void anErrorWithoutJavaScript() throws Exception {
        Employee bruno = intranet.employee("bruno", Chromium.Profile.FRENCH_NO_SCRIPT);
        bruno.open(TRIPS).comment("   ");
        write(bruno.driver(), "screenshot-error-no-javascript.png");
    }

    @Test
    void theOpenDatePollOnAPhone() throws Exception {
        Employee alice = intranet.employee("alice", Chromium.Profile.FRENCH);
        alice.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", false));
        alice.open(TRIPS);
        // the widgets, not the legacy page above them: a phone screen's worth from the date poll down
        alice.driver().executeScript("document.querySelector('.coq-datepoll').scrollIntoView();");
        Path file = Screenshots.folder().resolve("screenshot-phone-datepoll.png");
        Files.createDirectories(file.getParent());
        Files.write(file, alice.driver().getScreenshotAs(OutputType.BYTES));
    }

    private static void write(ChromeDriver driver, String name) throws Exception {
        Screenshots.write(driver, name, 2400);
    }
}
