package org.coquille.notify;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The notifications' own {@code coquille.mail.*} settings (the SMTP server's are the mailer's): {@code baseUrl}, the
 * intranet's address up to its context path, for the links in e-mails (required); {@code language}, of people who
 * chose none ({@code fr}); {@code editors}, the user ids told of comments waiting in pre-moderation (comma-separated);
 * {@code pollInterval}, how often the outbox is looked at (PT10S); {@code digestHour}, when daily digests leave (7);
 * {@code moderationBatch}, how long comments waiting for approval are gathered into one e-mail (PT10M).
 */
public record MailSettings(String baseUrl, String language, List<String> editors, Duration pollInterval, int digestHour,
                           Duration moderationBatch) {

    static final String PREFIX = "coquille.mail.";

    /** The settings, checked: a bad one fails with its name. */
    public static MailSettings of(Map<String, String> s) {
        String base = get(s, "baseUrl", "");
        try {
            URI uri = URI.create(base);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw bad("baseUrl", base, "the intranet's address up to its context path, such as "
                    + "https://intranet.example.com/portal (the links in e-mails start with it)");
        }
        String language = get(s, "language", "fr");
        if (!language.equals("fr") && !language.equals("en")) {
            throw bad("language", language, "fr or en");
        }
        int hour;
        try {
            hour = Integer.parseInt(get(s, "digestHour", "7"));
        } catch (NumberFormatException e) {
            hour = -1;
        }
        if (hour < 0 || hour > 23) {
            throw bad("digestHour", get(s, "digestHour", "7"), "an hour from 0 to 23");
        }
        return new MailSettings(base.endsWith("/") ? base.substring(0, base.length() - 1) : base, language,
                Arrays.stream(get(s, "editors", "").split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList(),
                duration(s, "pollInterval", "PT10S"), hour, duration(s, "moderationBatch", "PT10M"));
    }

    private static String get(Map<String, String> s, String key, String otherwise) {
        String value = s.get(PREFIX + key);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static Duration duration(Map<String, String> s, String key, String otherwise) {
        String value = get(s, key, otherwise);
        try {
            Duration d = Duration.parse(value);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw bad(key, value, "an ISO-8601 duration above zero such as PT10S");
    }

    private static IllegalArgumentException bad(String key, String value, String allowed) {
        return new IllegalArgumentException("Setting " + PREFIX + key + " is '" + value + "'; allowed: " + allowed);
    }
}
