package org.coquille.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.coquille.Coquille;
import org.coquille.core.Comment;
import org.coquille.core.OutboxEntry;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox through outages: the SMTP server down then up, and a restart with mail pending; each e-mail once. */
class OutboxDeliveryTest {

    static final PageId PAGE = PageId.of("/news/canteen.jsp");

    @TempDir
    Path work;
    private final MailFixture.MovingClock clock = new MailFixture.MovingClock(Instant.parse("2026-03-04T09:00:00Z"));

    private Coquille open(Map<String, String> settings, org.coquille.spi.SocialStore store) {
        Coquille.Builder b = Coquille.builder().settings(settings).key(new byte[32]).clock(clock).zone(ZoneOffset.UTC)
                .directory(new MailFixture.Staff()).identity(IdentityResolver.container("coquille-editor"));
        if (store != null) {
            b.store(store);
        }
        Coquille coquille = b.build();
        coquille.store().pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.COMMENTS)));
        return coquille;
    }

    private static void awaitAttempts(Coquille coquille, String user, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (coquille.store().outbox().entriesFor(user).stream().noneMatch(e -> e.attempts() >= attempts)) {
            assertThat(System.nanoTime()).as("a failed attempt is recorded").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aReplyWrittenWhileTheMailServerIsDownLeavesOnceItIsBack() throws Exception {
        int port = MailFixture.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (Coquille coquille = open(MailFixture.settings(port, work.toString()), new MemoryStore())) {
            Comment mine = coquille.comments().post(User.employee("alice"), PAGE, null, "Très bon menu");
            coquille.comments().post(User.employee("bruno"), PAGE, mine.id(), "Oui");
            awaitAttempts(coquille, "alice", 1);
            OutboxEntry waiting = coquille.store().outbox().entriesFor("alice").get(0);
            assertThat(waiting.status()).isEqualTo(OutboxEntry.Status.PENDING);
            assertThat(waiting.due()).as("tried again in 30 s").isEqualTo(clock.instant().plusSeconds(30));
            assertThat(waiting.lastError()).contains("127.0.0.1");

            clock.advance(Duration.ofSeconds(31));
            awaitAttempts(coquille, "alice", 2);
            assertThat(coquille.store().outbox().entriesFor("alice").get(0).due())
                    .as("then in a minute").isEqualTo(clock.instant().plusSeconds(60));

            smtp.start();
            clock.advance(Duration.ofSeconds(61));
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            Thread.sleep(500); // long enough for a second send, were there one
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Bruno Martin a répondu à votre commentaire");
            assertThat(coquille.store().outbox().entriesFor("alice")).extracting(OutboxEntry::status)
                    .containsExactly(OutboxEntry.Status.SENT);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void mailPendingAtARestartLeavesOnceAfterIt() throws Exception {
        int port = MailFixture.freePort();
        Map<String, String> settings = new HashMap<>(MailFixture.settings(port, work.toString()));
        settings.put("coquille.store.url", "jdbc:h2:file:" + work.resolve("coquille").toAbsolutePath());
        try (Coquille before = open(settings, null)) {
            Comment mine = before.comments().post(User.employee("alice"), PAGE, null, "Très bon menu");
            before.comments().post(User.employee("bruno"), PAGE, mine.id(), "Oui");
            before.comments().post(User.employee("carol"), PAGE, mine.id(), "Moi aussi");
            awaitAttempts(before, "alice", 1);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advance(Duration.ofMinutes(1));
        try (Coquille after = open(settings, null)) {
            assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
            Thread.sleep(500);
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            assertThat(after.store().outbox().entriesFor("alice")).extracting(OutboxEntry::status)
                    .containsExactly(OutboxEntry.Status.SENT, OutboxEntry.Status.SENT);
        } finally {
            smtp.stop();
        }
    }
}
