package org.coquille.internal.console;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coquille.core.Messages;
import org.coquille.core.Poll;
import org.coquille.core.PollResults;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.Widget;
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
     * @param lead      the poll's state and participants, or {@code null} for a new poll
     * @param answered  whether someone has answered: then only the closing date and the results visibility can change
     * @param id        the poll's id, or empty for a new poll
     * @param open      whether the poll is open now
     * @param tally     the results, or {@code null} for a new poll
     * @param widgetOff the poll's page when its poll widget is off there (nobody sees the poll), else {@code null}
     */
    record Form(Frame f, String lead, boolean answered, String id, PollForm typed, boolean open, Tally tally,
                String widgetOff) {

        List<Choice> choices() {
            return List.of(new Choice("single", f.m().get("console.polls.single")),
                    new Choice("multiple", f.m().get("console.polls.multiple")));
        }

        List<Choice> visibilities() {
            return List.of(new Choice("after_answering", f.m().get("console.polls.results.afterAnswering")),
                    new Choice("always", f.m().get("console.polls.results.always")),
                    new Choice("after_closing", f.m().get("console.polls.results.afterClosing")));
        }
    }

    /** The confirmation before deleting ({@code console/deletepoll.jte}): what goes, in words. */
    record Deletion(Frame f, long id, String what) { }

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

    /** Every poll in the store, whether its page was seen or not, newest first. */
    private List<Poll> allPolls() {
        List<Poll> polls = new ArrayList<>(ctx.store().polls().allPolls());
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
            Poll poll = require(request);
            return form(request, editor, poll, PollForm.of(poll, ctx.zone()), null, 200);
        }
        String page = request.parameter("page");
        return form(request, editor, null, PollForm.blank(page == null ? "" : page.strip()), null, 200);
    }

    HttpResponse save(HttpRequest request, User editor) {
        Poll stored = request.parameter("id") == null || request.parameter("id").isBlank() ? null : require(request);
        boolean answered = stored != null && ctx.store().polls().pollResults(stored.id()).participants() > 0;
        PollForm typed = PollForm.read(request, stored == null ? PollForm.blank("") : PollForm.of(stored, ctx.zone()));
        try {
            Poll poll = answered ? typed.answered(stored, ctx.zone())
                    : typed.poll(stored == null ? 0 : stored.id(), ctx.addresses(request).page(typed.page()), ctx.zone());
            Poll saved = stored == null ? ctx.polls().create(editor, poll) : ctx.polls().update(editor, poll);
            ctx.audit(editor, stored == null ? "poll.create" : "poll.update", "poll " + saved.id(),
                    stored == null ? null : describe(stored), describe(saved));
            return ConsoleResponses.done(ctx.base(request) + "poll?id=" + saved.id(), "saved");
        } catch (RuleViolation e) {
            return form(request, editor, stored, typed, e, e.kind().status());
        }
    }

    /** The confirmation page a deletion goes through: the poll and how many answered, named. */
    HttpResponse confirmDelete(HttpRequest request, User editor) {
        Poll poll = require(request);
        Messages m = Messages.forLocale(request.locale());
        return ConsolePages.render("console/deletepoll.jte", new Deletion(Frame.of(ctx, request, editor, "polls",
                m.get("console.polls.delete")), poll.id(), m.get("console.polls.deleteWhat", poll.question(),
                poll.page().value(), ctx.store().polls().pollResults(poll.id()).participants())), 200);
    }

    private Poll require(HttpRequest request) {
        Poll poll = ctx.store().polls().poll(Urls.id(request.parameter("id")));
        if (poll == null) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.poll.notFound");
        }
        return poll;
    }

    HttpResponse act(HttpRequest request, User editor, String action) {
        Poll poll = require(request);
        long id = poll.id();
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

    /** The poll's page: its results first, then what it shows (as typed after an error) and what can be done. */
    private HttpResponse form(HttpRequest request, User editor, Poll poll, PollForm typed, RuleViolation error, int status) {
        Messages m = Messages.forLocale(request.locale());
        PollResults results = poll == null ? null : ctx.store().polls().pollResults(poll.id());
        Instant now = ctx.clock().instant();
        Frame frame = Frame.of(ctx, request, editor, "polls", m.get(poll != null ? "console.polls.edit" : "console.polls.new"))
                .withKnownPages(ctx);
        boolean widgetOff = poll != null && !ctx.pages().settings(poll.page()).widgets().contains(Widget.POLL);
        return ConsolePages.render("console/poll.jte", new Form(error == null ? frame : frame.withError(error.message(m.locale())),
                poll == null ? null : state(m, poll, now) + " · " + m.get("ui.poll.participants", results.participants()),
                results != null && results.participants() > 0, poll == null ? "" : String.valueOf(poll.id()), typed,
                poll != null && poll.isOpenAt(now), poll == null ? null : Tally.of(poll, results),
                widgetOff ? poll.page().value() : null), status);
    }

    private static String describe(Poll p) {
        return p.question() + " " + p.options() + " " + SettingsFields.lower(p.choice()) + " opens=" + p.opensAt()
                + " closes=" + p.closesAt() + " results=" + SettingsFields.lower(p.results());
    }
}
