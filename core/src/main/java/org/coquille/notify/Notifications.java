package org.coquille.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.DatePoll;
import org.coquille.core.Delivery;
import org.coquille.core.Idea;
import org.coquille.core.NotificationChoice;
import org.coquille.core.NotificationKind;
import org.coquille.core.OutboxEntry;
import org.coquille.core.User;
import org.coquille.social.SocialEvents;
import org.coquille.spi.OutboxStore;

/**
 * Turns what happened into outbox entries, one per person to tell: the author of the comment replied to, the author
 * of the idea commented on or moved, those who answered a date poll now closed, the editors when a comment waits for
 * approval. Nobody is told of what they did themselves; people who chose nothing get nothing; a daily digest's entries
 * wait for the digest hour.
 */
public final class Notifications implements SocialEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private final OutboxStore outbox;
    private final MailSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    public Notifications(OutboxStore outbox, MailSettings settings, Clock clock, ZoneId zone) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** {@code user}'s choice, or the default: immediately, in the installation's language. */
    public NotificationChoice choiceOf(String user) {
        return outbox.choice(user).orElse(new NotificationChoice(user, Delivery.IMMEDIATE, settings.language()));
    }

    /** Saves {@code choice}. */
    public void choose(NotificationChoice choice) {
        outbox.saveChoice(choice);
    }

    @Override
    public void commented(Comment comment, Comment parent, Idea idea) {
        if (comment.state() == CommentState.PENDING) {
            for (String editor : settings.editors()) {
                if (!editor.equals(comment.author())) {
                    queue(editor, NotificationKind.MODERATION, facts(comment, idea), settings.moderationBatch());
                }
            }
            return; // the others hear of it once it is approved... or not at all: an approval is no new comment
        }
        if (parent != null && !parent.author().equals(comment.author()) && !parent.author().isEmpty()) {
            Map<String, String> facts = facts(comment, idea);
            facts.put("parentExcerpt", excerpt(parent.body()));
            queue(parent.author(), NotificationKind.REPLY, facts, null);
        }
        if (idea != null && !idea.isErased() && !idea.author().equals(comment.author())
                && (parent == null || !parent.author().equals(idea.author()))) {
            queue(idea.author(), NotificationKind.IDEA_COMMENT, facts(comment, idea), null);
        }
    }

    @Override
    public void ideaStatusChanged(Idea idea, User editor, String answer) {
        if (idea.isErased() || idea.author().equals(editor.id())) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("page", idea.page().value());
        facts.put("idea", String.valueOf(idea.id()));
        facts.put("ideaTitle", idea.title());
        facts.put("status", idea.status().name());
        facts.put("editor", editor.id());
        if (answer != null) {
            facts.put("answer", excerpt(answer));
        }
        queue(idea.author(), NotificationKind.IDEA_STATUS, facts, null);
    }

    @Override
    public void datePollAnswered(User user, DatePoll poll) {
        outbox.follow(topic(poll), user.id());
    }

    @Override
    public void datePollClosed(DatePoll poll) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("page", poll.page().value());
        facts.put("poll", String.valueOf(poll.id()));
        facts.put("pollTitle", poll.title());
        facts.put("start", poll.chosenSlot().start().toString());
        facts.put("end", poll.chosenSlot().end().toString());
        for (String user : outbox.followers(topic(poll))) {
            queue(user, NotificationKind.DATE_POLL_CLOSED, facts, null);
        }
    }

    private static String topic(DatePoll poll) {
        return "datepoll:" + poll.id();
    }

    private static Map<String, String> facts(Comment comment, Idea idea) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("page", idea != null ? idea.page().value() : comment.page().value());
        facts.put("comment", String.valueOf(comment.id()));
        facts.put("author", comment.author());
        facts.put("excerpt", excerpt(comment.body()));
        if (idea != null) {
            facts.put("idea", String.valueOf(idea.id()));
            facts.put("ideaTitle", idea.title());
        }
        return facts;
    }

    static String excerpt(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private void queue(String recipient, NotificationKind kind, Map<String, String> facts, java.time.Duration batch) {
        NotificationChoice choice = choiceOf(recipient);
        if (choice.delivery() == Delivery.NONE) {
            return;
        }
        Instant now = clock.instant();
        boolean digest = choice.delivery() == Delivery.DAILY;
        Instant due = digest ? nextDigest(now) : batch != null ? now.plus(batch) : now;
        try {
            outbox.enqueue(OutboxEntry.pending(recipient, kind, JSON.writeValueAsString(facts), now, due, digest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next digest hour after {@code now}, in the installation's time zone. */
    Instant nextDigest(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.getHour() < settings.digestHour() ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(settings.digestHour(), 0).atZone(zone).toInstant();
    }
}
