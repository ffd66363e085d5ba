package org.coquille.examples.browser;

import java.time.LocalDate;
import java.util.Map;

import org.coquille.core.Availability;
import org.coquille.core.Comment;
import org.coquille.core.DatePoll;
import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.User;
import org.coquille.examples.SyntheticActivity;
import org.coquille.core.Bucket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Writes the README's pictures of the editors' console and of the usage report, from the demo with the report filled
 * as {@code DemoIntranet --synthetic} fills it (26 weeks, 100 pages, 400 employees: a minute or two). Not part of the
 * normal run, like {@link WidgetScreenshots}:
 *
 * <pre>mvn -B -q -DskipTests install &amp;&amp; mvn -B -f examples -Pscreenshots verify</pre>
 */
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".*\\S.*",
        disabledReason = "Screenshots are written only on demand: -D" + Screenshots.PROPERTY + "=docs (see docs/TESTING.md)")
class ConsoleScreenshots {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium().withSettings("coquille.timeZone=Europe/Paris");

    private static final String NEWS = "/actualites/nouveau-restaurant.html";
    private static final String TELEWORK = "/rh/teletravail.html";
    private static final String MAIL = "/informatique/messagerie.html";
    private static final String TRIPS = "/ce/voyages.html";

    /** The report shows whole weeks, up to last Sunday: the week under way would look like a collapse. */
    private static final LocalDate LAST_SUNDAY = Bucket.weekOf(LocalDate.now()).minusDays(1);

    private static EditorsConsole edith;

    @BeforeAll
    static void aMonthInTheLifeOfTheIntranet() throws Exception {
        Coquille coquille = intranet.demo().coquille();
        new SyntheticActivity(100, 400, 182, LAST_SUNDAY, 42)
                .fill(coquille.store(), coquille::pseudonymOf);

        Comment question = coquille.comments().post(User.employee("bruno"), PageId.of(NEWS), null,
                "Le coin café est une très bonne idée. Est-ce que les horaires du soir sont prévus ?");
        coquille.comments().post(User.employee("alice"), PageId.of(NEWS), question.id(),
                "D'après les Services Généraux, oui : jusqu'à 19 h à partir d'avril.");
        coquille.comments().post(User.employee("damien"), PageId.of(NEWS), null, "Vendez-vous encore des tickets papier ?");

        Employee alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        alice.open(MAIL);
        alice.open(NEWS);
        alice.open(TELEWORK).comment("Deux jours, ce serait idéal pour les trajets.");
        coquille.flushViews();

        edith = new EditorsConsole(intranet.employee("edith", Chromium.Profile.ENGLISH), intranet.base());
        edith.savePattern("/informatique/*", "reactions", "vote");
        edith.moderation().moderate("Vendez-vous encore des tickets papier ?", "Hide");

        // the trips page's date poll, answered by three people, then closed on its best date
        DatePoll trip = coquille.store().datePolls().datePolls(PageId.of(TRIPS)).get(0);
        coquille.datePolls().answer(User.employee("alice"), trip.id(), Map.of(0, Availability.YES, 1, Availability.IF_NEED_BE,
                2, Availability.NO));
        coquille.datePolls().answer(User.employee("bruno"), trip.id(), Map.of(0, Availability.YES, 1, Availability.NO,
                2, Availability.YES));
        coquille.datePolls().answer(User.employee("chloe"), trip.id(), Map.of(0, Availability.IF_NEED_BE,
                1, Availability.YES, 2, Availability.NO));
        coquille.datePolls().close(User.editor("edith"), trip.id(), 0);
        tripId = trip.id();
    }

    private static long tripId;

    @Test
    void aClosedDatePollWithItsChosenDateFirst() throws Exception {
        edith.open("datepoll?id=" + tripId);
        Screenshots.write(edith.driver(), "screenshot-console-datepoll.png", 1400);
    }

    @Test
    void onePersonsDataWithADidYouMean() throws Exception {
        edith.home().section("Personal data");
        WebElement box = edith.driver().findElement(By.id("coq-user-id"));
        box.sendKeys("Alice");
        edith.follow(edith.driver().findElement(By.cssSelector("main form[action=user] button[type=submit]")));
        Screenshots.write(edith.driver(), "screenshot-console-personal-data.png", 900);
    }

    @Test
    void theModerationQueueWithItsAuditTrail() throws Exception {
        edith.home().section("Moderation");
        Screenshots.write(edith.driver(), "screenshot-console.png", 1400);
    }

    @Test
    void aPagesSettings() throws Exception {
        edith.home().search("messagerie").openPageSettings(MAIL);
        edith.tick("comments", true);
        Screenshots.write(edith.driver(), "screenshot-console-page.png", 1400);
    }

    @Test
    void theUsageReportOfTheWholeIntranet() throws Exception {
        edith.home().report().period(LAST_SUNDAY.plusDays(1).minusWeeks(26), LAST_SUNDAY);
        // wide enough for the weeks table
        Screenshots.write(edith.driver(), "screenshot-report.png", 1280, 1450);
    }

    @Test
    void theReportByDepartment() throws Exception {
        edith.home().report().period(LAST_SUNDAY.plusDays(1).minusWeeks(26), LAST_SUNDAY);
        Screenshots.write(edith.driver(), "screenshot-report-departments.png", 1280, By.id("coq-by-department"));
    }
}
