package org.coquille.internal.console;

import org.coquille.core.DisplayNames;

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

/** Moderation: the queue of pending comments, recent comments, their transitions, page locks and the audit trail. */
final class ModerationDesk {

    static final int QUEUE_SIZE = 100;
    static final int RECENT_SIZE = 50;
    static final int AUDIT_SIZE = 50;

    /** The page ({@code console/moderation.jte}): the queue, the recent comments, the audit trail. */
    record View(Frame f, List<Item> queue, List<Item> recent, List<Entry> audit) { }

    /**
     * A comment as shown, with the buttons that moderate it and lock or unlock its page.
     *
     * @param meta  who wrote it, when
     * @param host  the page it belongs to (an idea's page for a comment on an idea)
     * @param idea  the idea it is about, in words, or {@code null}
     * @param state its state, as in CSS classes
     */
    record Item(long id, String meta, String body, String host, String idea, String state, String stateText,
                List<Button> buttons) {

        String encodedHost() {
            return Urls.encode(host);
        }
    }

    /**
     * A one-button form posted to the desk: its label, style and fields (name, value pairs), and the question asked
     * before it is done, or {@code null}.
     */
    record Button(String label, String cssClass, List<String> fields, String confirm) { }

    /** An entry of the audit trail as shown. */
    record Entry(String when, String who, String what, String subject, String before, String after) { }

    private final ConsoleContext ctx;

    private volatile DisplayNames names = DisplayNames.ids();

    /** Shows authors by the names {@code value} gives (the directory's). */
    void displayNames(DisplayNames value) {
        this.names = java.util.Objects.requireNonNull(value, "names");
    }

    ModerationDesk(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    HttpResponse show(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(m.locale())
                .withZone(ctx.zone());
        List<Comment> latest = new ArrayList<>();
        for (CommentState state : List.of(CommentState.VISIBLE, CommentState.HIDDEN, CommentState.DELETED)) {
            latest.addAll(ctx.store().comments().commentsInState(state, RECENT_SIZE));
        }
        latest.sort(Comparator.comparing(Comment::created).thenComparing(Comment::id).reversed());
        List<Entry> audit = ctx.store().audit().auditEntries(AUDIT_SIZE).stream().map(e -> new Entry(when.format(e.at()), e.editor(),
                m.get("console.audit.action." + e.action()).startsWith("console.") ? e.action()
                        : m.get("console.audit.action." + e.action()), e.subject(), inWords(m, e.action(), e.before()),
                inWords(m, e.action(), e.after()))).toList();
        return ConsolePages.render("console/moderation.jte", new View(Frame.of(ctx, request, editor, "moderation",
                m.get("console.moderation.title")), items(m, when, ctx.store().comments().commentsInState(CommentState.PENDING, QUEUE_SIZE)),
                items(m, when, latest.subList(0, Math.min(RECENT_SIZE, latest.size()))), audit), 200);
    }

    /**
     * What an audit entry's before or after says, in words: a comment's state, a page's or pattern's settings; other
     * entries as written.
     */
    private static String inWords(Messages m, String action, String value) {
        if (value == null) {
            return "";
        }
        if (action.startsWith("comment.")) {
            String state = m.get("console.state." + value.toLowerCase(java.util.Locale.ROOT));
            return state.startsWith("console.") ? value : state;
        }
        return action.startsWith("page.") || action.startsWith("pattern.") ? SettingsWords.ofDescription(m, value) : value;
    }

    private List<Item> items(Messages m, DateTimeFormatter when, List<Comment> comments) {
        List<Item> items = new ArrayList<>();
        for (Comment c : comments) {
            // a comment on an idea belongs to the idea's page: its link, lock and moderation rule are that page's
            Long ideaId = Ideas.threadIdea(c.page());
            Idea idea = ideaId == null ? null : ctx.store().ideas().idea(ideaId);
            PageId host = idea == null ? c.page() : idea.page();
            List<Button> buttons = new ArrayList<>();
            for (ModerationAction action : ModerationAction.values()) {
                if (action.appliesTo(c.state())) {
                    buttons.add(new Button(m.get("console.moderation." + action.key()),
                            action == ModerationAction.DELETE ? "coq-danger" : "coq-secondary",
                            List.of("comment", String.valueOf(c.id()), "action", action.key()),
                            action == ModerationAction.DELETE ? m.get("console.confirm.comment", c.author()) : null));
                }
            }
            boolean locked = ctx.pages().settings(host).commentsLocked();
            buttons.add(new Button(m.get(locked ? "console.moderation.unlock" : "console.moderation.lock"), "coq-secondary",
                    List.of("page", host.value(), "action", locked ? "unlock" : "lock"), null));
            items.add(new Item(c.id(), m.get("console.moderation.by", names.of(c.author()), when.format(c.created())), c.body(),
                    host.value(), idea == null ? null : m.get("console.moderation.idea", idea.shownTitle(m)),
                    SettingsFields.lower(c.state()), m.get("console.state." + SettingsFields.lower(c.state())), buttons));
        }
        return items;
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
