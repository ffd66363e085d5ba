package org.coquille.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

import com.fasterxml.jackson.core.type.TypeReference;

import org.coquille.core.DisplayNames;
import org.coquille.core.Mail;
import org.coquille.core.Messages;
import org.coquille.core.NotificationKind;
import org.coquille.core.OutboxEntry;
import org.coquille.core.Person;
import org.jsoup.nodes.Entities;

/**
 * Writes the e-mail for one or more outbox entries of one person, in their language: a plain-text part and an HTML
 * part of the same text (every value escaped), a footer with the links to change the choice and to unsubscribe, the
 * RFC 8058 one-click unsubscribe headers, and the calendar event of a date poll.
 */
final class MailWriter {

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() { };

    private final MailSettings settings;
    private final String prefix;
    private final DisplayNames names;
    private final UnaryOperator<String> unsubscribeSignature;
    private final ZoneId zone;

    MailWriter(MailSettings settings, String prefix, DisplayNames names, UnaryOperator<String> unsubscribeSignature,
            ZoneId zone) {
        this.settings = settings;
        this.prefix = prefix;
        this.names = names;
        this.unsubscribeSignature = unsubscribeSignature;
        this.zone = zone;
    }

    /** One line of news: its text and the link to follow. */
    private record Item(String subject, String text, String link) { }

    Mail write(Person to, String language, List<OutboxEntry> entries, boolean digest) {
        Messages m = Messages.forLocale(Locale.forLanguageTag(language));
        List<Item> items = new ArrayList<>();
        List<Mail.Attachment> attachments = new ArrayList<>();
        List<OutboxEntry> moderation = entries.stream().filter(e -> e.kind() == NotificationKind.MODERATION).toList();
        for (OutboxEntry entry : entries) {
            if (entry.kind() != NotificationKind.MODERATION) {
                Map<String, String> f = facts(entry);
                items.add(item(m, entry.kind(), f));
                if (entry.kind() == NotificationKind.DATE_POLL_CLOSED) {
                    attachments.add(new Mail.Attachment("datepoll-" + f.get("poll") + ".ics", "text/calendar; charset=utf-8",
                            event(f).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        if (!moderation.isEmpty()) {
            List<String> waiting = moderation.stream().map(e -> {
                Map<String, String> f = facts(e);
                return m.get("mail.moderation.item", names.of(f.get("author")), f.get("page"), f.get("excerpt"));
            }).toList();
            items.add(new Item(m.get("mail.moderation.subject", moderation.size()),
                    m.get("mail.moderation.text", moderation.size()) + "\n\n" + String.join("\n\n", waiting),
                    settings.baseUrl() + prefix + "console/moderation"));
        }
        String subject = digest || items.size() > 1 ? m.get("mail.digest.subject", items.size()) : items.get(0).subject();
        String unsubscribe = unsubscribeUrl(to.id());
        String choices = settings.baseUrl() + prefix + "notifications";
        StringBuilder text = new StringBuilder(m.get("mail.hello", to.displayName())).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language)
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject)).append("</title></head><body>")
                .append("<p>").append(escape(m.get("mail.hello", to.displayName()))).append("</p>");
        for (Item item : items) {
            text.append(item.text()).append("\n").append(item.link()).append("\n\n");
            html.append("<p>").append(escape(item.text()).replace("\n", "<br>")).append("</p><p><a href=\"")
                    .append(escape(item.link())).append("\">").append(escape(m.get("mail.open"))).append("</a></p>");
        }
        String footer = m.get("mail.footer", choices, unsubscribe);
        text.append("-- \n").append(footer).append("\n");
        html.append("<hr><p style=\"font-size:small\">").append(escape(m.get("mail.footer.html")))
                .append(" <a href=\"").append(escape(choices)).append("\">").append(escape(m.get("mail.choices")))
                .append("</a> · <a href=\"").append(escape(unsubscribe)).append("\">")
                .append(escape(m.get("mail.unsubscribe"))).append("</a></p></body></html>");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return new Mail(to.email(), subject, text.toString(), html.toString(), headers, attachments);
    }

    private Item item(Messages m, NotificationKind kind, Map<String, String> f) {
        String page = settings.baseUrl() + f.get("page");
        String author = f.containsKey("author") ? names.of(f.get("author")) : "";
        return switch (kind) {
            case REPLY -> new Item(m.get("mail.reply.subject", author),
                    m.get("mail.reply.text", author, f.get("page"), f.get("parentExcerpt"), f.get("excerpt")), page);
            case IDEA_COMMENT -> new Item(m.get("mail.ideaComment.subject", author, f.get("ideaTitle")),
                    m.get("mail.ideaComment.text", author, f.get("ideaTitle"), f.get("excerpt")), page);
            case IDEA_STATUS -> {
                String status = m.get("ui.ideas.status." + f.get("status"));
                String answer = f.get("answer") == null ? "" : "\n\n" + m.get("mail.ideaStatus.answer",
                        names.of(f.get("editor")), f.get("answer"));
                yield new Item(m.get("mail.ideaStatus.subject", f.get("ideaTitle"), status),
                        m.get("mail.ideaStatus.text", f.get("ideaTitle"), status) + answer, page);
            }
            case DATE_POLL_CLOSED -> {
                String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                        .withLocale(m.locale()).withZone(zone).format(Instant.parse(f.get("start")));
                yield new Item(m.get("mail.datePoll.subject", f.get("pollTitle"), when),
                        m.get("mail.datePoll.text", f.get("pollTitle"), when), page);
            }
            case MODERATION -> throw new IllegalArgumentException("batched apart");
        };
    }

    /** The signed one-click unsubscribe address of {@code user}. */
    String unsubscribeUrl(String user) {
        return settings.baseUrl() + prefix + "notifications/unsubscribe?u=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&s=" + unsubscribeSignature.apply(user);
    }

    private static Map<String, String> facts(OutboxEntry entry) {
        try {
            return Notifications.JSON.readValue(entry.payload(), FACTS);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("An outbox entry's facts cannot be read: " + e.getMessage(), e);
        }
    }

    private String event(Map<String, String> f) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Coquille//Date poll//EN");
        VEvent event = new VEvent();
        event.setUid("datepoll-" + f.get("poll") + "@coquille");
        event.setSummary(f.get("pollTitle"));
        event.setDateStart(Date.from(Instant.parse(f.get("start"))));
        event.setDateEnd(Date.from(Instant.parse(f.get("end"))));
        event.setDescription(settings.baseUrl() + f.get("page"));
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
