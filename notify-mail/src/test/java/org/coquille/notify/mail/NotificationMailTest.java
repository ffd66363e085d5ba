package org.coquille.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.notify.mail.MailFixture.parts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.coquille.Coquille;
import org.coquille.core.Availability;
import org.coquille.core.Comment;
import org.coquille.core.DatePoll;
import org.coquille.core.DateSlot;
import org.coquille.core.Delivery;
import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.Moderation;
import org.coquille.core.NotificationChoice;
import org.coquille.core.OutboxEntry;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.social.Ideas;
import org.coquille.spi.SocialStore;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of notification, sent through a real SMTP server (GreenMail) and read back as a mail client reads it. */
class NotificationMailTest {

    static final PageId PAGE = PageId.of("/news/canteen.jsp");
    static final Instant START = Instant.parse("2026-03-04T09:00:00Z");

    @TempDir
    Path work;
    private int port;
    private GreenMail smtp;
    private final MailFixture.MovingClock clock = new MailFixture.MovingClock(START);
    private Coquille coquille;

    @BeforeEach
    void start() throws Exception {
        port = MailFixture.freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (coquille != null) {
            coquille.close();
        }
        smtp.stop();
    }

    private Coquille open(SocialStore store) {
        coquille = Coquille.builder().settings(MailFixture.settings(port, work.toString())).store(store)
                .key(new byte[32]).clock(clock).zone(ZoneOffset.UTC).directory(new MailFixture.Staff())
                .identity(IdentityResolver.container("coquille-editor")).build();
        coquille.store().pages().saveSettings(PageSettings.off(PAGE).withWidgets(
                Set.of(Widget.COMMENTS, Widget.IDEAS, Widget.DATE_POLL)));
        return coquille;
    }

    private MimeMessage[] received(int count) {
        assertThat(smtp.waitForIncomingEmail(10_000, count)).as("%s e-mails arrive", count).isTrue();
        return smtp.getReceivedMessages();
    }

    private static String to(MimeMessage message) throws Exception {
        return message.getAllRecipients()[0].toString();
    }

    @Test
    void aReplyReachesTheAuthorInTheirLanguageWithTheLinksAndTheOneClickUnsubscribe() throws Exception {
        open(new MemoryStore());
        coquille.store().outbox().saveChoice(new NotificationChoice("alice", Delivery.IMMEDIATE, "fr"));
        Comment mine = coquille.comments().post(User.employee("alice"), PAGE, null, "Très bon menu");
        coquille.comments().post(User.employee("bruno"), PAGE, mine.id(), "Et le dessert <b>maison</b> !");

        MimeMessage mail = received(1)[0];
        assertThat(to(mail)).isEqualTo("alice@example.com");
        assertThat(mail.getSubject()).isEqualTo("Bruno Martin a répondu à votre commentaire");
        MailFixture.Parts parts = parts(mail);
        assertThat(parts.text()).startsWith("Bonjour Alice Durand,").contains("« Très bon menu »")
                .contains("Bruno Martin : « Et le dessert <b>maison</b> ! »")
                .contains("http://intranet.test/portal/news/canteen.jsp");
        assertThat(Jsoup.parse(parts.html()).select("a").eachAttr("href")).contains(
                "http://intranet.test/portal/news/canteen.jsp", "http://intranet.test/portal/_coquille/notifications");
        assertThat(Jsoup.parse(parts.html()).select("b")).as("what people write is text in the HTML part").isEmpty();
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<http://intranet.test/portal/_coquille/notifications/unsubscribe?u=alice&s=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (coquille.store().outbox().entriesFor("alice").get(0).status() != OutboxEntry.Status.SENT
                && System.nanoTime() < deadline) {
            Thread.sleep(10); // the server has it; the sender marks it sent just after
        }
        assertThat(coquille.store().outbox().entriesFor("alice")).extracting(OutboxEntry::status)
                .containsExactly(OutboxEntry.Status.SENT);
        assertThat(coquille.store().outbox().entriesFor("bruno")).as("nobody hears of their own comment").isEmpty();
    }

    @Test
    void ideasTheirCommentsAndStatusReachTheirAuthorInEnglish() throws Exception {
        open(new MemoryStore());
        coquille.store().outbox().saveChoice(new NotificationChoice("alice", Delivery.IMMEDIATE, "en"));
        Idea idea = coquille.ideas().submit(User.employee("alice"), PAGE, "Salad bar", "On Fridays");
        coquille.comments().post(User.employee("bruno"), Ideas.thread(idea.id()), null, "Yes please");
        MimeMessage comment = received(1)[0];
        assertThat(comment.getSubject()).isEqualTo("Bruno Martin commented on your idea “Salad bar”");
        assertThat(parts(comment).text()).contains("“Yes please”").contains("http://intranet.test/portal/news/canteen.jsp");

        coquille.ideas().setStatus(User.editor("edith"), idea.id(), IdeaStatus.ACCEPTED, "From April on");
        MimeMessage status = received(2)[1];
        assertThat(status.getSubject()).isEqualTo("Your idea “Salad bar”: Accepted");
        assertThat(parts(status).text()).contains("Édith Leroy answered: “From April on”");
    }

    @Test
    void aClosedDatePollReachesThoseWhoAnsweredWithTheEvent() throws Exception {
        open(new MemoryStore());
        coquille.store().outbox().saveChoice(new NotificationChoice("carol", Delivery.IMMEDIATE, "en"));
        Instant lunch = Instant.parse("2026-03-20T11:30:00Z");
        DatePoll poll = coquille.datePolls().create(User.editor("edith"), PAGE, "Team lunch", List.of(
                new DateSlot(lunch, lunch.plus(Duration.ofHours(2))),
                new DateSlot(lunch.plus(Duration.ofDays(1)), lunch.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)))));
        coquille.datePolls().answer(User.employee("bruno"), poll.id(), Map.of(0, Availability.YES, 1, Availability.NO));
        coquille.datePolls().answer(User.employee("carol"), poll.id(), Map.of(0, Availability.YES));
        coquille.datePolls().close(User.editor("edith"), poll.id(), 0);

        MimeMessage[] mails = received(2);
        assertThat(List.of(to(mails[0]), to(mails[1]))).containsExactlyInAnyOrder("bruno@example.com", "carol@example.com");
        MimeMessage carols = to(mails[0]).equals("carol@example.com") ? mails[0] : mails[1];
        MimeMessage brunos = carols == mails[0] ? mails[1] : mails[0];
        assertThat(carols.getSubject()).startsWith("“Team lunch”: Friday, March 20, 2026");
        assertThat(brunos.getSubject()).as("the default language").startsWith("« Team lunch » : vendredi 20 mars 2026");
        MailFixture.Parts parts = parts(carols);
        assertThat(parts.attachments()).containsExactly("datepoll-" + poll.id() + ".ics");
        assertThat(parts.attachmentTexts().get(0)).contains("BEGIN:VEVENT").contains("SUMMARY:Team lunch")
                .contains("DTSTART:20260320T113000Z");
    }

    @Test
    void commentsWaitingForApprovalReachTheEditorsInOneEMail() throws Exception {
        open(new MemoryStore());
        coquille.store().pages().saveSettings(coquille.store().pages().settings(PAGE).withModeration(Moderation.PRE));
        coquille.comments().post(User.employee("carol"), PAGE, null, "Premier");
        coquille.comments().post(User.employee("bruno"), PAGE, null, "Second");
        Thread.sleep(300); // the sender looks every 50 ms: nothing is due before the batch's ten minutes
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.advance(Duration.ofMinutes(11));
        MimeMessage mail = received(1)[0];
        assertThat(to(mail)).isEqualTo("edith@example.com");
        assertThat(mail.getSubject()).isEqualTo("2 commentaires attendent votre approbation");
        assertThat(parts(mail).text()).contains("Carol Petit sur /news/canteen.jsp : « Premier »")
                .contains("Bruno Martin sur /news/canteen.jsp : « Second »")
                .contains("http://intranet.test/portal/_coquille/console/moderation");
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aDailyDigestGathersTheDaysNewsAtTheDigestHour() throws Exception {
        open(new MemoryStore());
        coquille.store().outbox().saveChoice(new NotificationChoice("alice", Delivery.DAILY, "en"));
        Comment mine = coquille.comments().post(User.employee("alice"), PAGE, null, "Good menu");
        coquille.comments().post(User.employee("bruno"), PAGE, mine.id(), "Agreed");
        coquille.comments().post(User.employee("carol"), PAGE, mine.id(), "Not me");
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).as("not before the digest hour").isEmpty();

        clock.advance(Duration.ofHours(22)); // 07:00 the next day
        MimeMessage digest = received(1)[0];
        assertThat(digest.getSubject()).isEqualTo("Your intranet digest: 2 pieces of news");
        assertThat(parts(digest).text()).contains("Bruno Martin replied to your comment").contains("Carol Petit replied");
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void theUnsubscribeLinkStopsTheEMailsInOneClick() throws Exception {
        open(new MemoryStore());
        Comment mine = coquille.comments().post(User.employee("alice"), PAGE, null, "Très bon menu");
        coquille.comments().post(User.employee("bruno"), PAGE, mine.id(), "Oui");
        String link = received(1)[0].getHeader("List-Unsubscribe")[0];
        String query = link.substring(link.indexOf('?') + 1, link.length() - 1);

        HttpResponse forged = coquille.handle(FakeRequest.post("/_coquille/notifications/unsubscribe")
                .query(query.replace("u=alice", "u=bruno")).param("List-Unsubscribe", "One-Click"));
        assertThat(forged.status()).isEqualTo(400);
        HttpResponse shown = coquille.handle(FakeRequest.get("/_coquille/notifications/unsubscribe?" + query));
        assertThat(shown.status()).as("a GET only shows the button").isEqualTo(200);
        assertThat(coquille.store().outbox().choice("alice")).isEmpty();

        HttpResponse done = coquille.handle(FakeRequest.post("/_coquille/notifications/unsubscribe").query(query)
                .param("List-Unsubscribe", "One-Click"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(coquille.store().outbox().choice("alice")).map(NotificationChoice::delivery).contains(Delivery.NONE);

        coquille.comments().post(User.employee("carol"), PAGE, mine.id(), "Moi aussi");
        coquille.comments().post(User.employee("carol"), PAGE, null, "Un autre sujet");
        Comment brunos = coquille.comments().post(User.employee("bruno"), PAGE, null, "Question");
        coquille.comments().post(User.employee("carol"), PAGE, brunos.id(), "Réponse");
        assertThat(received(2)).extracting(MimeMessage::getAllRecipients).extracting(a -> a[0].toString())
                .containsExactly("alice@example.com", "bruno@example.com");
    }

    @Test
    void eachPersonChoosesOnTheNotificationsPage() {
        open(new MemoryStore());
        HttpResponse page = coquille.handle(FakeRequest.get("/_coquille/notifications/").user("alice"));
        assertThat(page.status()).isEqualTo(200);
        var form = Jsoup.parse(page.bodyText());
        assertThat(form.select("input[name=delivery][checked]").val()).isEqualTo("immediate");
        String token = form.selectFirst("input[name=coq_csrf]").val();

        HttpResponse forged = coquille.handle(FakeRequest.post("/_coquille/notifications/").user("alice")
                .param("coq_csrf", "forged").param("delivery", "daily").param("language", "en"));
        assertThat(forged.status()).isEqualTo(403);
        HttpResponse bad = coquille.handle(FakeRequest.post("/_coquille/notifications/").user("alice")
                .param("coq_csrf", token).param("delivery", "hourly"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(coquille.store().outbox().choice("alice")).isEmpty();

        HttpResponse saved = coquille.handle(FakeRequest.post("/_coquille/notifications/").user("alice")
                .param("coq_csrf", token).param("delivery", "daily").param("language", "en"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(coquille.store().outbox().choice("alice"))
                .contains(new NotificationChoice("alice", Delivery.DAILY, "en"));
        assertThat(coquille.handle(FakeRequest.get("/_coquille/notifications/").user(null)).status()).isEqualTo(403);
    }

    @Test
    void aPersonsExportHoldsTheirNotificationsAndTheErasureDeletesThem() throws Exception {
        open(new MemoryStore());
        coquille.store().outbox().saveChoice(new NotificationChoice("alice", Delivery.DAILY, "en"));
        Comment mine = coquille.comments().post(User.employee("alice"), PAGE, null, "Good menu");
        coquille.comments().post(User.employee("bruno"), PAGE, mine.id(), "Agreed");

        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(coquille.handle(
                FakeRequest.get("/_coquille/report/user.json").query("id=alice").user("edith", "coquille-editor")).body());
        assertThat(data.at("/notifications/choice/delivery").asText()).isEqualTo("DAILY");
        assertThat(data.at("/notifications/outbox/0/kind").asText()).isEqualTo("REPLY");

        coquille.personalData().erase("alice");
        assertThat(coquille.store().outbox().entriesFor("alice")).isEmpty();
        assertThat(coquille.store().outbox().choice("alice")).isEmpty();
        clock.advance(Duration.ofDays(1));
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).as("the digest went with the rest").isEmpty();
    }
}
