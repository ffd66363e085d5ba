package org.coquille.internal.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.coquille.core.CataloguedPage;
import org.coquille.core.DatePoll;
import org.coquille.core.DatePollResults;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.internal.render.SlotText;
import org.jsoup.nodes.Element;

/**
 * Date polls: the list, the form that creates one or changes its title and dates while nobody has answered, the
 * answers date by date, closing on the chosen date, and deleting after a confirmation page.
 */
final class DatePollDesk {

    private final ConsoleContext ctx;
    private final SlotText slotText;

    DatePollDesk(ConsoleContext ctx) {
        this.ctx = ctx;
        this.slotText = new SlotText(ctx.zone());
    }

    /** Every date poll of every page the console knows (catalogued or configured), newest first. */
    private List<DatePoll> allDatePolls() {
        Set<PageId> pages = new TreeSet<>();
        ctx.store().catalogue().cataloguedPages().stream().map(CataloguedPage::page).forEach(pages::add);
        ctx.store().pages().allSettings().stream().map(PageSettings::page).forEach(pages::add);
        List<DatePoll> polls = new ArrayList<>();
        pages.forEach(p -> polls.addAll(ctx.store().datePolls().datePolls(p)));
        polls.sort(Comparator.comparingLong(DatePoll::id).reversed());
        return polls;
    }

    HttpResponse list(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "datepolls", m.get("console.datePolls.title"));
        Element main = html.main();
        main.appendElement("p").addClass("coq-lead").text(m.get("console.datePolls.lead"));
        main.appendElement("p").appendElement("a").addClass("coq-button").attr("href", html.base + "datepoll")
                .text(m.get("console.datePolls.new"));
        List<DatePoll> polls = allDatePolls();
        if (polls.isEmpty()) {
            main.appendElement("p").addClass("coq-empty").text(m.get("console.datePolls.none"));
            return html.response(200);
        }
        Element body = ConsoleHtml.table(main, m.get("console.datePolls.title"), m.get("console.datePolls.col.title"),
                m.get("console.pages.col.page"), m.get("console.datePolls.col.dates"),
                m.get("console.datePolls.col.answers"), m.get("console.polls.col.state"),
                m.get("console.datePolls.col.best"));
        for (DatePoll poll : polls) {
            DatePollResults results = ctx.store().datePolls().datePollResults(poll.id());
            Element tr = body.appendElement("tr");
            tr.appendElement("td").appendElement("a").attr("href", html.base + "datepoll?id=" + poll.id()).text(poll.title());
            tr.appendElement("td").addClass("coq-url").text(poll.page().value());
            tr.appendElement("td").addClass("coq-num").text(String.valueOf(poll.slots().size()));
            tr.appendElement("td").addClass("coq-num").text(String.valueOf(results.participants()));
            tr.appendElement("td").text(state(m, poll));
            tr.appendElement("td").text(best(m, poll, results));
        }
        return html.response(200);
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
                PageId page = Urls.pageOrAddress(typed.page(), request.contextPath(), ctx.pageIds());
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
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "datepolls", m.get("console.datePolls.delete"));
        Element main = html.main();
        main.appendElement("p").addClass("coq-lead").text(m.get("console.datePolls.deleteWhat", poll.title(),
                poll.page().value(), ctx.store().datePolls().datePollResults(poll.id()).participants()));
        Element actions = main.appendElement("div").addClass("coq-actions");
        html.button(actions, "datepoll/delete", m.get("console.datePolls.deleteConfirm"), "coq-danger", "id",
                String.valueOf(poll.id())).selectFirst("button").attr("data-coq-confirmed", true);
        actions.appendElement("a").addClass("coq-button").attr("href", html.base + "datepoll?id=" + poll.id())
                .text(m.get("console.cancel"));
        return html.response(200);
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
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "datepolls",
                m.get(poll == null ? "console.datePolls.new" : "console.datePolls.edit"));
        if (error != null) {
            html.notice(error.message(m.locale()), true);
        }
        Element main = html.main();
        boolean locked = poll != null && (poll.closed() || results.participants() > 0);
        if (poll != null) {
            main.appendElement("p").addClass("coq-lead").text(state(m, poll) + " · "
                    + m.get("ui.poll.participants", results.participants()));
            if (locked) {
                main.appendElement("p").addClass("coq-notice").text(m.get(poll.closed() ? "console.datePolls.closedHint"
                        : "console.datePolls.answeredHint"));
            }
            if (!ctx.pages().settings(poll.page()).widgets().contains(Widget.DATE_POLL)) {
                Element off = main.appendElement("p").addClass("coq-notice")
                        .text(m.get("console.datePolls.widgetOff", poll.page().value()) + " ");
                off.appendElement("a").attr("href", html.base + "page?id=" + Urls.encode(poll.page().value()))
                        .text(m.get("console.datePolls.turnOn"));
            }
        }
        DatePollFormHtml.render(html, main, typed, poll == null ? 0 : poll.id(), locked, ctx.zone(), error);
        if (poll != null) {
            if (!poll.closed()) {
                closeForm(html, main, poll, results);
            }
            resultsTable(html, main, poll, results);
            main.appendElement("p").addClass("coq-actions").appendElement("a").addClass("coq-button coq-danger")
                    .attr("href", html.base + "datepoll/delete?id=" + poll.id()).text(m.get("console.datePolls.delete"));
        }
        return html.response(status);
    }

    /** Closing on a date: a radio per date, the best ones first and said so. */
    private void closeForm(ConsoleHtml html, Element main, DatePoll poll, DatePollResults results) {
        Messages m = html.m;
        Element section = main.appendElement("section").attr("aria-labelledby", "coq-close-title");
        section.appendElement("h2").id("coq-close-title").text(m.get("console.datePolls.closeTitle"));
        Element form = html.form(section, "datepoll/close");
        ConsoleHtml.hidden(form, "id", String.valueOf(poll.id()));
        Element fieldset = form.appendElement("fieldset").addClass("coq-fieldset");
        fieldset.appendElement("legend").text(m.get("ui.datePoll.choose"));
        List<Integer> best = results.best();
        List<Integer> order = new ArrayList<>(best);
        for (int i = 0; i < poll.slots().size(); i++) {
            if (!best.contains(i)) {
                order.add(i);
            }
        }
        for (int i : order) {
            Element row = fieldset.appendElement("div").addClass("coq-choice");
            String id = "coq-keep-" + i;
            Element radio = row.appendElement("input").attr("type", "radio").id(id).attr("name", "slot")
                    .attr("value", String.valueOf(i)).attr("required", true);
            if (!best.isEmpty() && best.get(0) == i) {
                radio.attr("checked", true);
            }
            row.appendElement("label").attr("for", id).text(slotText.of(m, poll.slots().get(i))
                    + (best.contains(i) ? " " + m.get("ui.datePoll.best") : ""));
        }
        form.appendElement("div").addClass("coq-actions").appendElement("button").attr("type", "submit")
                .addClass("coq-primary").text(m.get("ui.datePoll.close"));
    }

    /** The answers date by date: counts, score, and the best or chosen date said in words. */
    private void resultsTable(ConsoleHtml html, Element main, DatePoll poll, DatePollResults results) {
        Messages m = html.m;
        Element section = main.appendElement("section").attr("aria-labelledby", "coq-results-title");
        section.appendElement("h2").id("coq-results-title").text(m.get("console.polls.resultsTitle"));
        Element body = ConsoleHtml.table(section, m.get("ui.poll.participants", results.participants()),
                m.get("ui.datePoll.slot"), m.get("ui.datePoll.yes"), m.get("ui.datePoll.ifNeedBe"), m.get("ui.datePoll.no"),
                m.get("console.datePolls.col.score"), m.get("console.datePolls.col.mark"));
        List<Integer> best = results.best();
        for (int i = 0; i < poll.slots().size(); i++) {
            DatePollResults.SlotTally tally = i < results.slots().size() ? results.slots().get(i)
                    : new DatePollResults.SlotTally(0, 0, 0);
            Element tr = body.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").text(slotText.of(m, poll.slots().get(i)));
            for (long count : new long[] {tally.yes(), tally.ifNeedBe(), tally.no(), tally.score()}) {
                tr.appendElement("td").addClass("coq-num").text(String.valueOf(count));
            }
            List<String> marks = new ArrayList<>();
            if (poll.closed() && poll.chosen() == i) {
                tr.addClass("coq-chosen");
                marks.add(m.get("console.datePolls.mark.chosen"));
            }
            if (best.contains(i)) {
                tr.addClass("coq-best");
                marks.add(m.get("console.datePolls.mark.best"));
            }
            tr.appendElement("td").text(String.join(", ", marks));
        }
    }

    private static String describe(DatePoll p) {
        return p.title() + " " + p.page().value() + " " + p.slots().stream()
                .map(s -> s.start() + "/" + s.end()).collect(Collectors.joining(", ", "[", "]"))
                + (p.closed() ? " chosen=" + (p.chosen() + 1) : "");
    }
}
