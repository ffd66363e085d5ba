package org.coquille.internal.render;

import org.coquille.core.DisplayNames;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.coquille.core.Comment;
import org.coquille.core.CommentState;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.Widget;

/** Renders the comments widget: the list with one level of replies, and the forms. */
final class CommentsRenderer {

    /** Top-level comments per page of the list. */
    static final int PAGE_SIZE = 20;

    private final ZoneId zone;
    private final java.util.Map<java.util.Locale, DateTimeFormatter> formatters = new java.util.concurrent.ConcurrentHashMap<>();

    private final DisplayNames names;

    CommentsRenderer(ZoneId zone, DisplayNames names) {
        this.zone = zone;
        this.names = names;
    }

    /**
     * Where a list of comments lives.
     *
     * @param page     the page, or idea thread, its forms post to
     * @param returnTo the URL its forms come back to
     * @param newId    the element id of its new-comment field
     * @param notice   the outcome of the viewer's last action on it, or {@code null}
     */
    record Thread(PageId page, String returnTo, String newId, WidgetModel.Notice notice) { }

    void render(Html html, WidgetModel model) {
        Messages m = model.messages();
        List<Comment> top = new ArrayList<>(model.comments().stream().filter(c -> !c.isReply()).toList());
        if (model.newestFirst()) {
            Collections.reverse(top);
        }
        int pages = Math.max(1, (top.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, model.commentsPage()), pages);
        List<Comment> shown = top.subList((current - 1) * PAGE_SIZE, Math.min(top.size(), current * PAGE_SIZE));

        html.open("div", "class", "coq-widget coq-comments", "id", model.id("coq-comments"));
        html.element("h2", m.get("ui.comments.title", top.size()), "class", "coq-title");
        WidgetModel.Notice notice = model.noticeFor(Widget.COMMENTS);
        Forms.notice(html, notice);
        Thread thread = new Thread(model.page(), model.returnTo(), model.id("coq-new-comment"), notice);
        list(html, model, thread, shown, model.comments());
        if (pages > 1) {
            pager(html, model, current, pages);
        }
        newCommentForm(html, model, thread);
        html.close("div");
    }

    /**
     * The top-level comments {@code shown}, each with its replies (found in {@code all}) and, when the viewer may
     * take part, a reply form; or a line saying there are none.
     */
    void list(Html html, WidgetModel model, Thread thread, List<Comment> shown, List<Comment> all) {
        Messages m = model.messages();
        if (shown.isEmpty()) {
            html.element("p", m.get("ui.comments.none"), "class", "coq-empty");
            return;
        }
        Map<Long, List<Comment>> replies = all.stream().filter(Comment::isReply)
                .collect(Collectors.groupingBy(Comment::parentId));
        html.open("ol", "class", "coq-comment-list");
        for (Comment comment : shown) {
            html.open("li");
            comment(html, model, thread, comment);
            List<Comment> children = replies.getOrDefault(comment.id(), List.of());
            if (!children.isEmpty()) {
                html.open("ol", "class", "coq-replies", "aria-label", m.get("ui.comments.replies"));
                for (Comment reply : children) {
                    html.open("li");
                    comment(html, model, thread, reply);
                    html.close("li");
                }
                html.close("ol");
            }
            if (model.canWrite() && !model.settings().commentsLocked()) {
                replyForm(html, model, thread, comment);
            }
            html.close("li");
        }
        html.close("ol");
    }

    /** The form for a new comment, or why there is none (comments locked, or the viewer may not take part). */
    void newCommentForm(Html html, WidgetModel model, Thread thread) {
        Messages m = model.messages();
        if (model.settings().commentsLocked()) {
            html.element("p", m.get("rule.comment.locked"), "class", "coq-empty");
            return;
        }
        if (!model.canWrite()) {
            html.element("p", m.get("rule.anonymous"), "class", "coq-empty");
            return;
        }
        WidgetModel.Notice notice = thread.notice();
        boolean draft = notice != null && notice.error() && notice.target() == null && notice.draft() != null;
        Forms.openOn(html, model, thread.page(), thread.returnTo(), "comment", "coq-form coq-new-comment");
        html.element("label", m.get("ui.comments.newLabel"), "for", thread.newId());
        html.element("textarea", draft ? notice.draft() : "", "id", thread.newId(), "name", model.field("coq_body"), "rows", "4",
                "required", "");
        html.element("button", m.get("ui.comments.send"), "type", "submit");
        html.close("form");
    }

    private void comment(Html html, WidgetModel model, Thread thread, Comment comment) {
        Messages m = model.messages();
        WidgetModel.Notice notice = thread.notice();
        html.open("article", "class", "coq-comment coq-state-" + comment.state().name().toLowerCase(java.util.Locale.ROOT),
                "id", model.id("coq-comment-" + comment.id()));
        html.open("p", "class", "coq-meta");
        html.element("span", names.of(comment.author()), "class", "coq-author");
        html.text(" · ");
        html.element("time", format(model, comment), "datetime", comment.created().toString());
        if (comment.edited() != null) {
            html.text(" · ").element("span", m.get("ui.comments.edited"), "class", "coq-edited");
        }
        if (comment.state() == CommentState.PENDING) {
            html.text(" · ").element("span", m.get("ui.comments.pending"), "class", "coq-badge");
        } else if (comment.state() == CommentState.HIDDEN) {
            html.text(" · ").element("span", m.get("ui.comments.hidden"), "class", "coq-badge");
        }
        html.close("p");
        html.open("div", "class", "coq-body").userText(comment.body()).close("div");
        if (model.canChange().test(comment)) {
            boolean editing = notice != null && notice.error() && Long.valueOf(comment.id()).equals(notice.target())
                    && notice.draft() != null;
            html.open("details", "class", "coq-edit", "open", editing ? "" : null);
            html.element("summary", m.get("ui.comments.edit"));
            Forms.openOn(html, model, thread.page(), thread.returnTo(), "comment/edit", "coq-form");
            Forms.hidden(html, model, "coq_comment", String.valueOf(comment.id()));
            String id = model.id("coq-edit-" + comment.id());
            html.element("label", m.get("ui.comments.editLabel"), "for", id);
            html.element("textarea", editing ? notice.draft() : comment.body(), "id", id, "name", model.field("coq_body"), "rows", "3",
                    "required", "");
            html.element("button", m.get("ui.comments.save"), "type", "submit");
            html.close("form");
            html.close("details");
            Forms.openOn(html, model, thread.page(), thread.returnTo(), "comment/delete", "coq-form coq-inline");
            Forms.hidden(html, model, "coq_comment", String.valueOf(comment.id()));
            html.element("button", m.get("ui.comments.delete"), "type", "submit", "class", "coq-link-button");
            html.close("form");
        }
        html.close("article");
    }

    private void replyForm(Html html, WidgetModel model, Thread thread, Comment parent) {
        Messages m = model.messages();
        WidgetModel.Notice notice = thread.notice();
        boolean replying = notice != null && notice.error() && Long.valueOf(parent.id()).equals(notice.target());
        html.open("details", "class", "coq-reply", "open", replying ? "" : null);
        html.element("summary", m.get("ui.comments.reply"));
        Forms.openOn(html, model, thread.page(), thread.returnTo(), "comment", "coq-form");
        Forms.hidden(html, model, "coq_parent", String.valueOf(parent.id()));
        String id = model.id("coq-reply-" + parent.id());
        html.element("label", m.get("ui.comments.replyLabel", names.of(parent.author())), "for", id);
        html.element("textarea", replying && notice.draft() != null ? notice.draft() : "", "id", id, "name", model.field("coq_body"),
                "rows", "2", "required", "");
        html.element("button", m.get("ui.comments.send"), "type", "submit");
        html.close("form");
        html.close("details");
    }

    private void pager(Html html, WidgetModel model, int current, int pages) {
        Messages m = model.messages();
        html.open("nav", "class", "coq-pager", "aria-label", m.get("ui.comments.pages"));
        String sep = model.returnTo().contains("?") ? "&" : "?";
        for (int p = 1; p <= pages; p++) {
            if (p == current) {
                html.element("span", String.valueOf(p), "aria-current", "page");
            } else {
                String url = model.links().commentsPage(p);
                html.element("a", String.valueOf(p), "href", (url != null ? url : model.returnTo() + sep + "coq_cp=" + p)
                        + "#" + model.id("coq-comments"), "class", "coq-view");
            }
        }
        html.close("nav");
    }

    private String format(WidgetModel model, Comment comment) {
        DateTimeFormatter formatter = formatters.computeIfAbsent(model.messages().locale(),
                locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale).withZone(zone));
        return formatter.format(comment.created());
    }
}
