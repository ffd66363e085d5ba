package org.coquille.internal.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.internal.render.SlotText;
import org.coquille.internal.web.CalendarExport;

/**
 * Date polls: the list, the form that creates one or changes its title and dates while nobody has answered, the
 * answers date by date, closing on the chosen date, and deleting after a confirmation page.
 */
final class DatePollDesk {

    /** The list ({@code console/datepolls.jte}), newest first. */
    record Polls(Frame f, List<Row> rows) { }

    /** A date poll in the list: title, page, how many dates and answers, its state and best dates in words. */
    record Row(long id, String title, String page, int dates, long participants, String state, String best) { }

    /** The confirmation before deleting ({@code console/deletedatepoll.jte}): what goes, in words. */
    record Deletion(Frame f, long id, String what) { }

    /**
     * A date poll's page ({@code console/datepoll.jte}): its form and, for a stored poll, its state, closing and
     * answers.
     *
     * @param lead         the state and participants, or {@code null} for a new poll
     * @param lockedHint   why nothing can change any more, or {@code null}
     * @param widgetOff    the poll's page when its date poll widget is off there, else {@code null}
     * @param closing      the dates to close on, or {@code null} (new or closed)
     * @param tally        the answers date by date, or {@code null} for a new poll
     * @param chosen       the date a closed poll chose, in words, or {@code null}
     * @param calendar     the link to that date's calendar file, or {@code null}
     */
    record Form(Frame f, String lead, String lockedHint, String widgetOff, DatePollFormView form, List<Keep> closing,
                long participants, List<Tally> tally, String chosen, String calendar) { }

    /** A date to close the poll on: its index, in words, and whether it is checked. */
    record Keep(int index, String label, boolean checked) { }

    /** A date's answers: counts, score, its CSS classes (or {@code null}) and the marks in words. */
    record Tally(String slot, long yes, long ifNeedBe, long no, long score, String cssClass, String marks) { }

    private final ConsoleContext ctx;
    private final SlotText slotText;

    DatePollDesk(ConsoleContext ctx) {
        this.ctx = ctx;
        this.slotText = new SlotText(ctx.zone());
    }

    /** Every date poll in the store, whether its page was seen or not, newest first. */
    private List<DatePoll> allDatePolls() {
        List<DatePoll> polls = new ArrayList<>(ctx.store().datePolls().allDatePolls());
        polls.sort(Comparator.comparingLong(DatePoll::id).reversed());
        return polls;
    }

    HttpResponse list(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        List<Row> rows = new ArrayList<>();
        for (DatePoll poll : allDatePolls()) {
            DatePollResults results = ctx.store().datePolls().datePollResults(poll.id());
            rows.add(new Row(poll.id(), poll.title(), poll.page().value(), poll.slots().size(), results.participants(),
                    state(m, poll), best(m, poll, results)));
        }
        return ConsolePages.render("console/datepolls.jte", new Polls(Frame.of(ctx, request, editor, "datepolls",
                m.get("console.datePolls.title")), rows), 200);
    }

    private String state(Messages m, DatePoll poll) {
        return poll.closed() ? m.get("console.datePolls.state.closed", slotText.of(m, poll.chosenSlot()))
                : m.get("console.polls.state.open");
    }

    private String best(Messages m, DatePoll poll, DatePollResults results) {
        List<Integer> best = results.best();
        return best.isEmpty() ? m.get("console.datePolls.noBest")
                : best.stream().map(i -> slotText.of(m, poll.slots().get(i))).collect(Collectors.joining("; "));
    }

    HttpResponse show(HttpRequest request, User editor) {
        if (request.parameter("id") != null) {
            DatePoll poll = require(request);
            return form(request, editor, poll, DatePollForm.of(poll, ctx.zone()), null, 200);
        }
        String page = request.parameter("page");
        return form(request, editor, null, DatePollForm.blank(page == null ? "" : page.strip()), null, 200);
    }

    HttpResponse save(HttpRequest request, User editor) {
        String id = request.parameter("id");
        DatePoll stored = id == null || id.isBlank() ? null : require(request);
        DatePollForm typed = DatePollForm.read(request);
        if (request.parameter("more") != null) {
            return form(request, editor, stored, typed.withMoreRows(), null, 200);
        }
        try {
            DatePoll saved;
            if (stored == null) {
                PageId page = ctx.addresses(request).page(typed.page());
                saved = ctx.datePolls().create(editor, page, typed.title(), typed.slots(ctx.zone()));
            } else {
                saved = ctx.datePolls().update(editor, stored.id(), typed.title(), typed.slots(ctx.zone()));
            }
            ctx.audit(editor, stored == null ? "datepoll.create" : "datepoll.update", "date poll " + saved.id(),
                    stored == null ? null : describe(stored), describe(saved));
            return ConsoleResponses.done(ctx.base(request) + "datepoll?id=" + saved.id(), "saved");
        } catch (RuleViolation e) {
            return form(request, editor, stored, typed, e, e.kind().status());
        }
    }

    HttpResponse close(HttpRequest request, User editor) {
        DatePoll poll = require(request);
        try {
            String slot = request.parameter("slot");
            if (slot == null || !slot.strip().matches("\\d{1,3}")) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "console.datePolls.error.noChoice");
            }
            DatePoll closed = ctx.datePolls().close(editor, poll.id(), Integer.parseInt(slot.strip())).poll();
            ctx.audit(editor, "datepoll.close", "date poll " + poll.id(), describe(poll), describe(closed));
            return ConsoleResponses.done(ctx.base(request) + "datepoll?id=" + poll.id(), "datePollClosed");
        } catch (RuleViolation e) {
            return form(request, editor, poll, DatePollForm.of(poll, ctx.zone()), e, e.kind().status());
        }
    }

    /** The confirmation page a deletion goes through: what goes, and the button that does it. */
    HttpResponse confirmDelete(HttpRequest request, User editor) {
        DatePoll poll = require(request);
        Messages m = Messages.forLocale(request.locale());
        return ConsolePages.render("console/deletedatepoll.jte", new Deletion(Frame.of(ctx, request, editor, "datepolls",
                m.get("console.datePolls.delete")), poll.id(), m.get("console.datePolls.deleteWhat", poll.title(),
                poll.page().value(), ctx.store().datePolls().datePollResults(poll.id()).participants())), 200);
    }

    HttpResponse delete(HttpRequest request, User editor) {
        DatePoll poll = require(request);
        ctx.datePolls().delete(editor, poll.id());
        ctx.audit(editor, "datepoll.delete", "date poll " + poll.id(), describe(poll), null);
        return ConsoleResponses.done(ctx.base(request) + "datepolls", "deleted");
    }

    private DatePoll require(HttpRequest request) {
        DatePoll poll = ctx.store().datePolls().datePoll(Urls.id(request.parameter("id")));
        if (poll == null) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.datePoll.notFound");
        }
        return poll;
    }

    private HttpResponse form(HttpRequest request, User editor, DatePoll poll, DatePollForm typed, RuleViolation error,
                              int status) {
        Messages m = Messages.forLocale(request.locale());
        DatePollResults results = poll == null ? null : ctx.store().datePolls().datePollResults(poll.id());
        Frame frame = Frame.of(ctx, request, editor, "datepolls",
                m.get(poll == null ? "console.datePolls.new" : "console.datePolls.edit")).withKnownPages(ctx);
        boolean locked = poll != null && (poll.closed() || results.participants() > 0);
        DatePollFormView fields = DatePollFormView.of(m, typed, poll == null ? 0 : poll.id(), locked, ctx.zone(), error);
        Form view = new Form(error == null ? frame : frame.withError(error.message(m.locale())),
                poll == null ? null : state(m, poll) + " · " + m.get("ui.poll.participants", results.participants()),
                !locked ? null : m.get(poll.closed() ? "console.datePolls.closedHint" : "console.datePolls.answeredHint"),
                poll == null || ctx.pages().settings(poll.page()).widgets().contains(Widget.DATE_POLL) ? null
                        : poll.page().value(), fields,
                poll == null || poll.closed() ? null : closing(m, poll, results),
                poll == null ? 0 : results.participants(), poll == null ? null : tally(m, poll, results),
                poll == null || !poll.closed() ? null : slotText.of(m, poll.chosenSlot()),
                poll == null || !poll.closed() ? null
                        : request.contextPath() + ctx.prefix() + CalendarExport.path(poll.id()));
        return ConsolePages.render("console/datepoll.jte", view, status);
    }

    /** Closing on a date: a radio per date, the best ones first and said so, the first best one checked. */
    private List<Keep> closing(Messages m, DatePoll poll, DatePollResults results) {
        List<Integer> best = results.best();
        List<Integer> order = new ArrayList<>(best);
        for (int i = 0; i < poll.slots().size(); i++) {
            if (!best.contains(i)) {
                order.add(i);
            }
        }
        return order.stream().map(i -> new Keep(i, slotText.of(m, poll.slots().get(i))
                + (best.contains(i) ? " " + m.get("ui.datePoll.best") : ""), !best.isEmpty() && best.get(0).equals(i)))
                .toList();
    }

    /** The answers date by date: counts, score, and the best or chosen date said in words. */
    private List<Tally> tally(Messages m, DatePoll poll, DatePollResults results) {
        List<Integer> best = results.best();
        List<Tally> rows = new ArrayList<>();
        for (int i = 0; i < poll.slots().size(); i++) {
            DatePollResults.SlotTally tally = i < results.slots().size() ? results.slots().get(i)
                    : new DatePollResults.SlotTally(0, 0, 0);
            List<String> classes = new ArrayList<>();
            List<String> marks = new ArrayList<>();
            if (poll.closed() && poll.chosen() == i) {
                classes.add("coq-chosen");
                marks.add(m.get("console.datePolls.mark.chosen"));
            }
            if (best.contains(i)) {
                classes.add("coq-best");
                marks.add(m.get("console.datePolls.mark.best"));
            }
            rows.add(new Tally(slotText.of(m, poll.slots().get(i)), tally.yes(), tally.ifNeedBe(), tally.no(),
                    tally.score(), classes.isEmpty() ? null : String.join(" ", classes), String.join(", ", marks)));
        }
        return rows;
    }

    private static String describe(DatePoll p) {
        return p.title() + " " + p.page().value() + " " + p.slots().stream()
                .map(s -> s.start() + "/" + s.end()).collect(Collectors.joining(", ", "[", "]"))
                + (p.closed() ? " chosen=" + (p.chosen() + 1) : "");
    }
}
