package org.coquille.internal.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.coquille.core.CataloguedPage;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.PollResults;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;

/**
 * Polls: the list, the form that creates or edits one (question and options only while nobody has answered),
 * opening, closing, deleting, and the results.
 */
final class PollDesk {

    /** The list ({@code console/polls.jte}), newest first. */
    record Polls(Frame f, List<Row> rows) { }

    /** A poll in the list: its question, page, state in words and how many have answered. */
    record Row(long id, String question, String page, String state, long participants) { }

    /**
     * A poll's form ({@code console/poll.jte}), its fields as shown (as typed after an error); for a stored poll, its
     * state and its results.
     *
     * @param lead     the poll's state and participants, or {@code null} for a new poll
     * @param answered whether someone has answered: then only the closing date and the results visibility can change
     * @param id       the poll's id, or empty for a new poll
     * @param open     whether the poll is open now
     * @param tally    the results, or {@code null} for a new poll
     */
    record Form(Frame f, String lead, boolean answered, String id, String page, String question, String options,
                String choice, String opensAt, String closesAt, String results, boolean open, Tally tally) {

        List<Choice> choices() {
            return List.of(new Choice("single", f.m().get("console.polls.single")),
                    new Choice("multiple", f.m().get("console.polls.multiple")));
        }

        List<Choice> visibilities() {
            return List.of(new Choice("always", f.m().get("console.polls.results.always")),
                    new Choice("after_answering", f.m().get("console.polls.results.afterAnswering")),
                    new Choice("after_closing", f.m().get("console.polls.results.afterClosing")));
        }
    }

    /** A poll's results: how many answered, and each option's votes and share. */
    record Tally(long participants, List<Share> shares) {

        static Tally of(Poll poll, PollResults results) {
            List<Share> shares = new ArrayList<>();
            for (int i = 0; i < poll.options().size(); i++) {
                shares.add(new Share(poll.options().get(i), i < results.votesPerOption().size()
                        ? results.votesPerOption().get(i) : 0, (int) Math.round(results.share(i) * 100)));
            }
            return new Tally(results.participants(), shares);
        }
    }

    /** One option's votes and share of the votes, in percent. */
    record Share(String option, long votes, int percent) { }

    private final ConsoleContext ctx;

    PollDesk(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    /** Every poll of every page the console knows (catalogued or configured), newest first. */
    private List<Poll> allPolls() {
        Set<PageId> pages = new TreeSet<>();
        ctx.store().catalogue().cataloguedPages().stream().map(CataloguedPage::page).forEach(pages::add);
        ctx.store().pages().allSettings().stream().map(PageSettings::page).forEach(pages::add);
        List<Poll> polls = new ArrayList<>();
        pages.forEach(p -> polls.addAll(ctx.store().polls().polls(p)));
        polls.sort(Comparator.comparingLong(Poll::id).reversed());
        return polls;
    }

    HttpResponse list(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        Instant now = ctx.clock().instant();
        List<Row> rows = allPolls().stream().map(poll -> new Row(poll.id(), poll.question(), poll.page().value(),
                state(m, poll, now), ctx.store().polls().pollResults(poll.id()).participants())).toList();
        return ConsolePages.render("console/polls.jte", new Polls(Frame.of(ctx, request, editor, "polls",
                m.get("console.polls.title")), rows), 200);
    }

    private static String state(Messages m, Poll poll, Instant now) {
        if (poll.isOpenAt(now)) {
            return m.get("console.polls.state.open");
        }
        return m.get(poll.isClosedAt(now) ? "console.polls.state.closed" : "console.polls.state.scheduled");
    }

    HttpResponse show(HttpRequest request, User editor) {
        if (request.parameter("id") != null) {
            Poll poll = ctx.store().polls().poll(Urls.id(request.parameter("id")));
            if (poll == null) {
                throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.poll.notFound");
            }
            return form(request, editor, poll, null, 200);
        }
        String page = request.parameter("page");
        Poll fresh = new Poll(0, page == null ? PageId.of("/") : Urls.page(page), "", List.of(), PollChoice.SINGLE, null,
                null, ResultsVisibility.AFTER_ANSWERING);
        return form(request, editor, fresh, null, 200);
    }

    HttpResponse save(HttpRequest request, User editor) {
        long id = request.parameter("id") == null || request.parameter("id").isEmpty() ? 0 : Urls.id(request.parameter("id"));
        Poll stored = id == 0 ? null : ctx.store().polls().poll(id);
        if (id != 0 && stored == null) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.poll.notFound");
        }
        boolean answered = stored != null && ctx.store().polls().pollResults(id).participants() > 0;
        Poll typed = null;
        try {
            Instant closes = instant(request.parameter("closesAt"), "closesAt");
            ResultsVisibility results = parse(ResultsVisibility.class, request.parameter("results"), "results");
            if (answered) {
                typed = new Poll(id, stored.page(), stored.question(), stored.options(), stored.choice(), stored.opensAt(),
                        closes, results);
            } else {
                List<String> options = Arrays.stream(value(request, "options").split("\r\n|\r|\n"))
                        .map(String::strip).filter(o -> !o.isEmpty()).toList();
                typed = new Poll(id, Urls.page(request.parameter("page")), value(request, "question"), options,
                        parse(PollChoice.class, request.parameter("choice"), "choice"),
                        instant(request.parameter("opensAt"), "opensAt"), closes, results);
            }
            Poll saved = stored == null ? ctx.polls().create(editor, typed) : ctx.polls().update(editor, typed);
            ctx.audit(editor, stored == null ? "poll.create" : "poll.update", "poll " + saved.id(),
                    stored == null ? null : describe(stored), describe(saved));
            return ConsoleResponses.done(ctx.base(request) + "poll?id=" + saved.id(), "saved");
        } catch (RuleViolation e) {
            Poll shown = typed != null ? typed : stored != null ? stored
                    : new Poll(0, PageId.of("/"), "", List.of(), PollChoice.SINGLE, null, null, ResultsVisibility.ALWAYS);
            return form(request, editor, shown, e, e.kind().status());
        }
    }

    HttpResponse act(HttpRequest request, User editor, String action) {
        long id = Urls.id(request.parameter("id"));
        Poll poll = ctx.store().polls().poll(id);
        if (poll == null) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.poll.notFound");
        }
        Instant now = ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        switch (action) {
            case "delete" -> {
                ctx.polls().delete(editor, id);
                ctx.audit(editor, "poll.delete", "poll " + id, describe(poll), null);
                return ConsoleResponses.done(ctx.base(request) + "polls", "deleted");
            }
            case "close" -> {
                Poll closed = new Poll(id, poll.page(), poll.question(), poll.options(), poll.choice(),
                        poll.opensAt() != null && poll.opensAt().isAfter(now) ? null : poll.opensAt(), now, poll.results());
                ctx.polls().update(editor, closed);
                ctx.audit(editor, "poll.close", "poll " + id, describe(poll), describe(closed));
                return ConsoleResponses.done(ctx.base(request) + "poll?id=" + id, "closed");
            }
            default -> {
                Poll open = new Poll(id, poll.page(), poll.question(), poll.options(), poll.choice(),
                        poll.opensAt() != null && poll.opensAt().isAfter(now) ? null : poll.opensAt(), null, poll.results());
                ctx.polls().update(editor, open);
                ctx.audit(editor, "poll.open", "poll " + id, describe(poll), describe(open));
                return ConsoleResponses.done(ctx.base(request) + "poll?id=" + id, "opened");
            }
        }
    }

    private HttpResponse form(HttpRequest request, User editor, Poll poll, RuleViolation error, int status) {
        Messages m = Messages.forLocale(request.locale());
        boolean exists = poll.id() > 0;
        PollResults results = exists ? ctx.store().polls().pollResults(poll.id()) : null;
        Instant now = ctx.clock().instant();
        Frame frame = Frame.of(ctx, request, editor, "polls", m.get(exists ? "console.polls.edit" : "console.polls.new"));
        return ConsolePages.render("console/poll.jte", new Form(error == null ? frame : frame.withError(error.message(m.locale())),
                exists ? state(m, poll, now) + " · " + m.get("ui.poll.participants", results.participants()) : null,
                results != null && results.participants() > 0, exists ? String.valueOf(poll.id()) : "",
                typed(request, error, "page", poll.page().value()), typed(request, error, "question", poll.question()),
                typed(request, error, "options", String.join("\n", poll.options())), SettingsFields.lower(poll.choice()),
                local(poll.opensAt()), local(poll.closesAt()), SettingsFields.lower(poll.results()), poll.isOpenAt(now),
                exists ? Tally.of(poll, results) : null), status);
    }

    /** What the editor typed in {@code field} when the form comes back with an error, else {@code shown}. */
    private static String typed(HttpRequest request, RuleViolation error, String field, String shown) {
        return error != null && request.parameter(field) != null ? request.parameter(field) : shown;
    }

    private String local(Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, ctx.zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ctx.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.date", field, value);
        }
    }

    private static String value(HttpRequest request, String name) {
        String value = request.parameter(name);
        return value == null ? "" : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, (value == null ? "" : value.strip()).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.field", field, value == null ? "" : value);
        }
    }

    private static String describe(Poll p) {
        return p.question() + " " + p.options() + " " + SettingsFields.lower(p.choice()) + " opens=" + p.opensAt()
                + " closes=" + p.closesAt() + " results=" + SettingsFields.lower(p.results());
    }
}
