package org.coquille.internal.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.jsoup.nodes.Element;

/**
 * Polls: the list, the form that creates or edits one (question and options only while nobody has answered),
 * opening, closing, deleting, and the results.
 */
final class PollDesk {

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
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "polls", m.get("console.polls.title"));
        Element main = html.main();
        main.appendElement("p").addClass("coq-lead").text(m.get("console.polls.lead"));
        main.appendElement("p").appendElement("a").addClass("coq-button").attr("href", html.base + "poll")
                .text(m.get("console.polls.new"));
        List<Poll> polls = allPolls();
        if (polls.isEmpty()) {
            main.appendElement("p").addClass("coq-empty").text(m.get("console.polls.none"));
            return html.response(200);
        }
        Element body = ConsoleHtml.table(main, m.get("console.polls.title"), m.get("console.polls.col.question"),
                m.get("console.pages.col.page"), m.get("console.polls.col.state"), m.get("console.polls.col.participants"));
        Instant now = ctx.clock().instant();
        for (Poll poll : polls) {
            Element tr = body.appendElement("tr");
            tr.appendElement("td").appendElement("a").attr("href", html.base + "poll?id=" + poll.id()).text(poll.question());
            tr.appendElement("td").addClass("coq-url").text(poll.page().value());
            tr.appendElement("td").text(state(m, poll, now));
            tr.appendElement("td").addClass("coq-num").text(String.valueOf(ctx.store().polls().pollResults(poll.id()).participants()));
        }
        return html.response(200);
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
        boolean answered = results != null && results.participants() > 0;
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "polls",
                exists ? m.get("console.polls.edit") : m.get("console.polls.new"));
        if (error != null) {
            html.notice(error.message(m.locale()), true);
        }
        Element main = html.main();
        Instant now = ctx.clock().instant();
        if (exists) {
            main.appendElement("p").addClass("coq-lead").text(state(m, poll, now) + " · "
                    + m.get("ui.poll.participants", results.participants()));
        }
        if (answered) {
            main.appendElement("p").addClass("coq-notice").text(m.get("console.polls.answeredHint"));
        }
        Element form = html.form(main, "poll").addClass("coq-settings");
        ConsoleHtml.hidden(form, "id", exists ? String.valueOf(poll.id()) : "");
        Element pageRow = html.field(form, "coq-poll-page", m.get("console.pages.col.page"), m.get("console.hint.pollPage"));
        ConsoleHtml.input(pageRow, "text", "coq-poll-page", "page", request.parameter("page") != null && error != null
                ? request.parameter("page") : poll.page().value()).attr("required", true);
        Element questionRow = html.field(form, "coq-question", m.get("console.polls.col.question"), null);
        ConsoleHtml.input(questionRow, "text", "coq-question", "question", error != null && request.parameter("question") != null
                ? request.parameter("question") : poll.question()).attr("required", true).attr("maxlength", "300");
        Element optionsRow = html.field(form, "coq-options", m.get("console.polls.options"), m.get("console.hint.options"));
        optionsRow.appendElement("textarea").id("coq-options").attr("name", "options").attr("rows", "5")
                .attr("aria-describedby", "coq-options-hint")
                .text(error != null && request.parameter("options") != null ? request.parameter("options")
                        : String.join("\n", poll.options()));
        ConsoleHtml.select(html.field(form, "coq-choice", m.get("console.polls.choice"), null), "coq-choice", "choice",
                SettingsFields.lower(poll.choice()), List.of(Map.entry("single", m.get("console.polls.single")),
                        Map.entry("multiple", m.get("console.polls.multiple"))));
        ConsoleHtml.input(html.field(form, "coq-opens", m.get("console.polls.opensAt"), m.get("console.hint.opens")),
                "datetime-local", "coq-opens", "opensAt", local(poll.opensAt()));
        ConsoleHtml.input(html.field(form, "coq-closes", m.get("console.polls.closesAt"), m.get("console.hint.closes")),
                "datetime-local", "coq-closes", "closesAt", local(poll.closesAt()));
        ConsoleHtml.select(html.field(form, "coq-results", m.get("console.polls.results"), null), "coq-results", "results",
                SettingsFields.lower(poll.results()), List.of(Map.entry("always", m.get("console.polls.results.always")),
                        Map.entry("after_answering", m.get("console.polls.results.afterAnswering")),
                        Map.entry("after_closing", m.get("console.polls.results.afterClosing"))));
        if (answered) {
            for (String locked : List.of("#coq-poll-page", "#coq-question", "#coq-options", "#coq-choice", "#coq-opens")) {
                form.select(locked).forEach(e -> e.attr("disabled", true));
            }
        }
        form.appendElement("div").addClass("coq-actions").appendElement("button").attr("type", "submit")
                .addClass("coq-primary").text(m.get(exists ? "console.page.save" : "console.polls.create"));
        if (exists) {
            Element actions = main.appendElement("div").addClass("coq-actions");
            if (poll.isOpenAt(now)) {
                html.button(actions, "poll/close", m.get("console.polls.close"), "coq-secondary", "id", String.valueOf(poll.id()));
            } else {
                html.button(actions, "poll/open", m.get("console.polls.open"), "coq-secondary", "id", String.valueOf(poll.id()));
            }
            html.button(actions, "poll/delete", m.get("console.delete"), "coq-danger", "id", String.valueOf(poll.id()));
            resultsTable(html, main, poll, results);
        }
        return html.response(status);
    }

    private static void resultsTable(ConsoleHtml html, Element main, Poll poll, PollResults results) {
        Messages m = html.m;
        Element section = main.appendElement("section").attr("aria-labelledby", "coq-results-title");
        section.appendElement("h2").id("coq-results-title").text(m.get("console.polls.resultsTitle"));
        Element body = ConsoleHtml.table(section, m.get("ui.poll.participants", results.participants()),
                m.get("console.polls.option"), m.get("console.polls.votes"), m.get("console.polls.share"));
        for (int i = 0; i < poll.options().size(); i++) {
            Element tr = body.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").text(poll.options().get(i));
            long votes = i < results.votesPerOption().size() ? results.votesPerOption().get(i) : 0;
            tr.appendElement("td").addClass("coq-num").text(String.valueOf(votes));
            int percent = (int) Math.round(results.share(i) * 100);
            Element share = tr.appendElement("td");
            share.appendElement("meter").attr("min", "0").attr("max", "100").attr("value", String.valueOf(percent))
                    .attr("aria-hidden", "true").text(percent + " %");
            share.appendElement("span").text(" " + percent + " %");
        }
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
