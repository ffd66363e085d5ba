package org.coquille.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.coquille.core.Delivery;
import org.coquille.core.Mail;
import org.coquille.core.NotificationChoice;
import org.coquille.core.NotificationKind;
import org.coquille.core.OutboxEntry;
import org.coquille.core.Person;
import org.coquille.people.People;
import org.coquille.spi.MailUnavailableException;
import org.coquille.spi.Mailer;
import org.coquille.spi.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due in the outbox, off the request threads: claims entries under a lease (so that another node, or
 * this one after a restart, never sends them too), writes one e-mail per entry, or one per person for a digest or the
 * comments waiting for approval, and marks them sent. While the mail server is down, entries wait with a growing
 * pause (30 s, 1 min, 2 min... up to an hour), and one line is logged when it stops answering, one when it is back.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 12;

    private final OutboxStore outbox;
    private final Mailer mailer;
    private final People people;
    private final Notifications notifications;
    private final MailWriter writer;
    private final Clock clock;
    private final String claimer = "node-" + UUID.randomUUID();
    private final AtomicBoolean down = new AtomicBoolean();

    public OutboxSender(OutboxStore outbox, Mailer mailer, People people, Notifications notifications,
            MailSettings settings, String prefix, java.util.function.UnaryOperator<String> unsubscribeSignature,
            Clock clock, java.time.ZoneId zone) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.people = Objects.requireNonNull(people, "people");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.writer = new MailWriter(settings, prefix, people, unsubscribeSignature, zone);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signed unsubscribe address of {@code user}, as the e-mails carry it. */
    public String unsubscribeUrl(String user) {
        return writer.unsubscribeUrl(user);
    }

    /** Sends what is due now; returns how many e-mails left. Never throws. */
    public int sendDue() {
        int sent = 0;
        try {
            List<OutboxEntry> claimed;
            do {
                claimed = outbox.claim(clock.instant(), LEASE, claimer, BATCH);
                for (List<OutboxEntry> mail : mails(claimed)) {
                    if (send(mail)) {
                        sent++;
                    }
                }
            } while (claimed.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Coquille could not read its e-mail outbox: {}", e.toString());
        }
        return sent;
    }

    /** The claimed entries, one list per e-mail: a person's digest or waiting comments together, the others alone. */
    private static List<List<OutboxEntry>> mails(List<OutboxEntry> claimed) {
        Map<String, List<OutboxEntry>> together = new LinkedHashMap<>();
        List<List<OutboxEntry>> mails = new ArrayList<>();
        for (OutboxEntry e : claimed) {
            if (e.digest()) {
                together.computeIfAbsent("d:" + e.recipient(), k -> new ArrayList<>()).add(e);
            } else if (e.kind() == NotificationKind.MODERATION) {
                together.computeIfAbsent("m:" + e.recipient(), k -> new ArrayList<>()).add(e);
            } else {
                mails.add(List.of(e));
            }
        }
        mails.addAll(together.values());
        return mails;
    }

    /** Sends one e-mail; false when it did not leave (the server is down: the entries then wait). */
    private boolean send(List<OutboxEntry> entries) {
        OutboxEntry first = entries.get(0);
        NotificationChoice choice = notifications.choiceOf(first.recipient());
        if (choice.delivery() == Delivery.NONE) {
            entries.forEach(e -> outbox.drop(e.id(), claimer, "unsubscribed"));
            return false;
        }
        Person person = people.person(first.recipient());
        if (person.email() == null) {
            entries.forEach(e -> outbox.drop(e.id(), claimer, "no e-mail address in the directory"));
            return false;
        }
        Mail mail;
        try {
            mail = writer.write(person, choice.language(), entries, first.digest());
        } catch (RuntimeException e) {
            LOG.warn("Coquille could not write a notification e-mail, which is dropped", e);
            entries.forEach(x -> outbox.drop(x.id(), claimer, "could not be written: " + e));
            return false;
        }
        try {
            mailer.send(mail);
        } catch (MailUnavailableException e) {
            if (down.compareAndSet(false, true)) {
                LOG.warn("Coquille's mail server ({}) does not take e-mails, so notifications wait and are tried again: {}",
                        mailer.describe(), e.getMessage());
            }
            Instant now = clock.instant();
            for (OutboxEntry x : entries) {
                if (x.attempts() + 1 >= MAX_ATTEMPTS) {
                    outbox.drop(x.id(), claimer, "gave up after " + MAX_ATTEMPTS + " attempts: " + e.getMessage());
                } else {
                    outbox.retryLater(x.id(), claimer, now.plus(backoff(x.attempts())), e.getMessage());
                }
            }
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Coquille's mail server refused a notification e-mail, which is dropped: {}", e.getMessage());
            entries.forEach(x -> outbox.drop(x.id(), claimer, "refused: " + e.getMessage()));
            return false;
        }
        if (down.compareAndSet(true, false)) {
            LOG.info("Coquille's mail server ({}) takes e-mails again", mailer.describe());
        }
        Instant at = clock.instant();
        entries.forEach(e -> outbox.markSent(e.id(), claimer, at));
        return true;
    }

    /** 30 s after the first failure, then twice as long each time, up to an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(30L << Math.min(attempts, 7)).compareTo(Duration.ofHours(1)) > 0
                ? Duration.ofHours(1) : Duration.ofSeconds(30L << Math.min(attempts, 7));
    }
}
