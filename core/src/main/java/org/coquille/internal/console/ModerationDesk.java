package org.coquille.internal.console;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coquille.core.AuditEntry;
import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.Idea;
import org.coquille.social.Ideas;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.jsoup.nodes.Element;

/** Moderation: the queue of pending comments, recent comments, their transitions, page locks and the audit trail. */
final class ModerationDesk {

    static final int QUEUE_SIZE = 100;
    static final int RECENT_SIZE = 50;
    static final int AUDIT_SIZE = 50;

    private final ConsoleContext ctx;

    ModerationDesk(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    HttpResponse show(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "moderation", m.get("console.moderation.title"));
        Element main = html.main();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(m.locale())
                .withZone(ctx.zone());

        Element queue = main.appendElement("section").attr("aria-labelledby", "coq-queue");
        List<Comment> pending = ctx.store().comments().commentsInState(CommentState.PENDING, QUEUE_SIZE);
        queue.appendElement("h2").id("coq-queue").text(m.get("console.moderation.queue", pending.size()));
        comments(html, queue, pending, when, m.get("console.moderation.queueEmpty"), m.get("console.moderation.queueCaption"));

        Element recent = main.appendElement("section").attr("aria-labelledby", "coq-recent");
        recent.appendElement("h2").id("coq-recent").text(m.get("console.moderation.recent"));
        List<Comment> latest = new ArrayList<>();
        for (CommentState state : List.of(CommentState.VISIBLE, CommentState.HIDDEN, CommentState.DELETED)) {
            latest.addAll(ctx.store().comments().commentsInState(state, RECENT_SIZE));
        }
        latest.sort(Comparator.comparing(Comment::created).thenComparing(Comment::id).reversed());
        comments(html, recent, latest.subList(0, Math.min(RECENT_SIZE, latest.size())), when,
                m.get("console.moderation.recentEmpty"), m.get("console.moderation.recent"));

        Element audit = main.appendElement("section").attr("aria-labelledby", "coq-audit");
        audit.appendElement("h2").id("coq-audit").text(m.get("console.audit.title"));
        List<AuditEntry> entries = ctx.store().audit().auditEntries(AUDIT_SIZE);
        if (entries.isEmpty()) {
            audit.appendElement("p").addClass("coq-empty").text(m.get("console.audit.none"));
        } else {
            Element body = ConsoleHtml.table(audit, m.get("console.audit.caption", AUDIT_SIZE), m.get("console.audit.when"),
                    m.get("console.audit.who"), m.get("console.audit.what"), m.get("console.audit.subject"),
                    m.get("console.audit.before"), m.get("console.audit.after"));
            for (AuditEntry e : entries) {
                Element tr = body.appendElement("tr").addClass("coq-audit-entry");
                tr.appendElement("td").text(when.format(e.at()));
                tr.appendElement("td").text(e.editor());
                tr.appendElement("td").text(m.get("console.audit.action." + e.action()).startsWith("console.")
                        ? e.action() : m.get("console.audit.action." + e.action()));
                tr.appendElement("td").addClass("coq-url").text(e.subject());
                tr.appendElement("td").addClass("coq-code").text(e.before() == null ? "" : e.before());
                tr.appendElement("td").addClass("coq-code").text(e.after() == null ? "" : e.after());
            }
        }
        return html.response(200);
    }

    private void comments(ConsoleHtml html, Element section, List<Comment> comments, DateTimeFormatter when, String empty,
                          String caption) {
        Messages m = html.m;
        if (comments.isEmpty()) {
            section.appendElement("p").addClass("coq-empty").text(empty);
            return;
        }
        Element body = ConsoleHtml.table(section, caption, m.get("console.moderation.col.comment"),
                m.get("console.pages.col.page"), m.get("console.moderation.col.state"), m.get("console.col.actions"));
        for (Comment c : comments) {
            Element tr = body.appendElement("tr").addClass("coq-comment-row").attr("data-comment", String.valueOf(c.id()));
            Element text = tr.appendElement("td");
            text.appendElement("p").addClass("coq-meta").text(m.get("console.moderation.by", c.author(), when.format(c.created())));
            text.appendElement("p").addClass("coq-body").text(c.body());
            // a comment on an idea belongs to the idea's page: its link, lock and moderation rule are that page's
            Long ideaId = Ideas.threadIdea(c.page());
            Idea idea = ideaId == null ? null : ctx.store().ideas().idea(ideaId);
            PageId host = idea == null ? c.page() : idea.page();
            Element page = tr.appendElement("td").addClass("coq-url");
            page.appendElement("a").attr("href", html.base + "page?id=" + Urls.encode(host.value())).text(host.value());
            if (idea != null) {
                page.appendElement("span").addClass("coq-meta coq-idea-ref").text(" " + m.get("console.moderation.idea", idea.shownTitle(m)));
            }
            tr.appendElement("td").appendElement("span").addClass("coq-state coq-state-" + SettingsFields.lower(c.state()))
                    .text(m.get("console.state." + SettingsFields.lower(c.state())));
            Element actions = tr.appendElement("td").addClass("coq-row-actions");
            for (ModerationAction action : ModerationAction.values()) {
                if (action.appliesTo(c.state())) {
                    html.button(actions, "moderation", m.get("console.moderation." + action.key()),
                            action == ModerationAction.DELETE ? "coq-danger" : "coq-secondary",
                            "comment", String.valueOf(c.id()), "action", action.key());
                }
            }
            boolean locked = ctx.pages().settings(host).commentsLocked();
            html.button(actions, "moderation", m.get(locked ? "console.moderation.unlock" : "console.moderation.lock"),
                    "coq-secondary", "page", host.value(), "action", locked ? "unlock" : "lock");
        }
    }

    HttpResponse act(HttpRequest request, User editor) {
        String name = request.parameter("action") == null ? "" : request.parameter("action");
        if (name.equals("lock") || name.equals("unlock")) {
            PageId page = Urls.page(request.parameter("page"));
            PageSettings before = ctx.pages().settings(page);
            PageSettings after = before.withCommentsLocked(name.equals("lock"));
            ctx.store().pages().saveSettings(after);
            ctx.audit(editor, "page." + name, page.value(), SettingsFields.describe(before), SettingsFields.describe(after));
            return ConsoleResponses.done(ctx.base(request) + "moderation", name + "ed");
        }
        ModerationAction action = ModerationAction.named(name);
        if (action == null) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.field", "action", name);
        }
        long id = Urls.id(request.parameter("comment"));
        Comment comment = ctx.store().comments().comment(id);
        if (comment == null) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.comment.notFound");
        }
        if (!action.appliesTo(comment.state())) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "console.error.transition",
                    SettingsFields.lower(comment.state()), action.key());
        }
        // the change and its audit entry are written together, or not at all
        ctx.store().audit().moderateComment(id, action.to(), new AuditEntry(0, ctx.clock().instant(), editor.id(),
                "comment." + action.key(), "comment " + id + " (" + comment.page().value() + ")", comment.state().name(),
                action.to().name()));
        return ConsoleResponses.done(ctx.base(request) + "moderation", switch (action) {
            case APPROVE -> "approved";
            case HIDE -> "hidden";
            case RESTORE -> "restored";
            case DELETE -> "deleted";
        });
    }
}
