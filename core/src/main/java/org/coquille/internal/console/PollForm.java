package org.coquille.internal.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.RuleViolation;
import org.coquille.http.HttpRequest;

/**
 * What an editor typed in the poll form, kept as text so that a refused form comes back exactly as typed: the page, the
 * question, the options (one a line), the answer type, the opening and closing dates, and who sees the results.
 *
 * @param page     the page's address or URL, as typed
 * @param options  the options, one a line
 * @param choice   {@code single} or {@code multiple}
 * @param opensAt  {@code yyyy-mm-ddThh:mm}, or empty
 * @param closesAt {@code yyyy-mm-ddThh:mm}, or empty
 * @param results  {@code always}, {@code after_answering} or {@code after_closing}
 */
record PollForm(String page, String question, String options, String choice, String opensAt, String closesAt,
                String results) {

    /** A new poll's form on {@code page} (may be empty): one answer, results shown to those who answered. */
    static PollForm blank(String page) {
        return new PollForm(page, "", "", "single", "", "", SettingsFields.lower(ResultsVisibility.AFTER_ANSWERING));
    }

    /** The form of a stored poll, its dates in {@code zone}. */
    static PollForm of(Poll poll, ZoneId zone) {
        return new PollForm(poll.page().value(), poll.question(), String.join("\n", poll.options()),
                SettingsFields.lower(poll.choice()), local(poll.opensAt(), zone), local(poll.closesAt(), zone),
                SettingsFields.lower(poll.results()));
    }

    /** The form as posted; a field not posted (disabled once answered) keeps {@code shown}'s value. */
    static PollForm read(HttpRequest request, PollForm shown) {
        return new PollForm(or(request, "page", shown.page()), or(request, "question", shown.question()),
                or(request, "options", shown.options()), or(request, "choice", shown.choice()),
                or(request, "opensAt", shown.opensAt()), or(request, "closesAt", shown.closesAt()),
                or(request, "results", shown.results()));
    }

    /** The poll this form describes, with {@code id} on {@code page}; a field that cannot be read is a violation naming it. */
    Poll poll(long id, PageId page, ZoneId zone) {
        List<String> lines = Arrays.stream(options.split("\r\n|\r|\n")).map(String::strip).filter(o -> !o.isEmpty()).toList();
        return new Poll(id, page, question, lines, parse(PollChoice.class, choice, "choice"), instant(opensAt, "opensAt", zone),
                instant(closesAt, "closesAt", zone), parse(ResultsVisibility.class, results, "results"));
    }

    /** The closing date and results visibility typed, over {@code stored}: all that can change once someone answered. */
    Poll answered(Poll stored, ZoneId zone) {
        return new Poll(stored.id(), stored.page(), stored.question(), stored.options(), stored.choice(), stored.opensAt(),
                instant(closesAt, "closesAt", zone), parse(ResultsVisibility.class, results, "results"));
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "" : LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Instant instant(String value, String field, ZoneId zone) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.date", field, value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.field", field, value);
        }
    }

    private static String or(HttpRequest request, String name, String shown) {
        String value = request.parameter(name);
        return value == null ? shown : value;
    }
}
