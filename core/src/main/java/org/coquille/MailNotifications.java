package org.coquille;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.coquille.http.IdentityResolver;
import org.coquille.internal.notify.NotificationPage;
import org.coquille.internal.web.InstallationKey;
import org.coquille.internal.web.Web;
import org.coquille.notify.MailSettings;
import org.coquille.notify.Mailers;
import org.coquille.notify.Notifications;
import org.coquille.notify.OutboxSender;
import org.coquille.people.People;
import org.coquille.report.PersonalData;
import org.coquille.report.PersonalDataHolder;
import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.social.Ideas;
import org.coquille.spi.Mailer;
import org.coquille.spi.OutboxStore;
import org.coquille.spi.SocialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail notifications, when a mail server is set and the store keeps an outbox: the use cases queue them, the
 * choice page is mounted, a person's notifications join their personal data, and a thread of its own sends them.
 * Otherwise one line says they are off.
 */
final class MailNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailNotifications.class);

    /** What notifications take from the installation being built. */
    record Parts(Settings settings, SocialStore store, People people, InstallationKey key, Clock clock, ZoneId zone,
                 Comments comments, Ideas ideas, DatePolls datePolls, PersonalData personalData) { }

    private final Mailer mailer;
    private final ScheduledExecutorService sending;

    private MailNotifications(Mailer mailer, ScheduledExecutorService sending) {
        this.mailer = mailer;
        this.sending = sending;
    }

    /**
     * Starts them with {@code given} (the builder's mailer, or {@code null} for the one the settings name); empty
     * when there is no mail server or no outbox.
     */
    static Optional<MailNotifications> start(Mailer given, Parts p, Web web, IdentityResolver identity) {
        Optional<Mailer> mailer = given != null ? Optional.of(given) : Mailers.open(p.settings().asMap());
        if (mailer.isEmpty()) {
            return Optional.empty();
        }
        OutboxStore outbox;
        try {
            outbox = p.store().outbox();
        } catch (UnsupportedOperationException e) {
            LOG.warn("Coquille e-mail notifications are off: the store ({}) keeps no outbox", p.store().describe());
            mailer.get().close();
            return Optional.empty();
        }
        MailSettings mail = MailSettings.of(p.settings().asMap());
        Notifications notifications = new Notifications(outbox, mail, p.clock(), p.zone());
        p.comments().events(notifications);
        p.ideas().events(notifications);
        p.datePolls().events(notifications);
        OutboxSender sender = new OutboxSender(outbox, mailer.get(), p.people(), notifications, mail,
                p.settings().prefix(), user -> p.key().sign(NotificationPage.PURPOSE, user), p.clock(), p.zone());
        web.mount("notifications", new NotificationPage(notifications, identity, web.guard(), p.key()));
        p.personalData().alsoKeptBy(PersonalDataHolder.of("notifications", user -> {
            var choice = outbox.choice(user);
            var entries = outbox.entriesFor(user);
            var follows = outbox.followed(user);
            return choice.isEmpty() && entries.isEmpty() && follows.isEmpty() ? Optional.empty()
                    : Optional.of(Map.of("choice", choice.map(Object.class::cast).orElse(Map.of()),
                            "follows", follows, "outbox", entries));
        }, outbox::eraseRecipient));
        ScheduledExecutorService sending = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coquille-mail");
            t.setDaemon(true);
            return t;
        });
        long every = mail.pollInterval().toMillis();
        sending.scheduleWithFixedDelay(sender::sendDue, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Coquille e-mail notifications: on, through {}", mailer.get().describe());
        return Optional.of(new MailNotifications(mailer.get(), sending));
    }

    /** Stops sending (what is not sent stays in the outbox) and closes the mailer. */
    @Override
    public void close() {
        sending.shutdownNow();
        mailer.close();
    }
}
