package org.coquille.internal.render;

import org.coquille.core.DisplayNames;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.coquille.core.Comment;
import org.coquille.core.Idea;
import org.coquille.core.IdeaStatus;
import org.coquille.core.IdeaStatusChange;
import org.coquille.social.Ideas;
import org.coquille.core.Messages;
import org.coquille.core.Widget;

/** Renders the idea box: the ideas with their votes, status, answer and history, and the forms to take part. */
final class IdeasRenderer {

    /** The query parameters of the box's view (see the web layer's {@code WidgetModels}): order, page, open idea. */
    private static final String ORDER_PARAM = "coq_ideas";
    private static final String PAGE_PARAM = "coq_ip";
    private static final String OPEN_PARAM = "coq_idea";

    private final ZoneId zone;
    private final Map<Locale, DateTimeFormatter> formatters = new ConcurrentHashMap<>();
    private final CommentsRenderer comments;

    private final DisplayNames names;

    IdeasRenderer(ZoneId zone, CommentsRenderer comments, DisplayNames names) {
        this.zone = zone;
        this.names = names;
        this.comments = comments;
    }

    void render(Html html, WidgetModel model, IdeaBoxView view) {
        Messages m = model.messages();
        html.open("div", "class", "coq-widget coq-ideas", "id", model.id("coq-ideas"));
        html.element("h2", m.get("ui.ideas.title", view.total()), "class", "coq-title");
        WidgetModel.Notice notice = model.noticeFor(Widget.IDEAS);
        if (notice != null && !notice.aboutComment()) {
            Forms.notice(html, notice);
        }
        order(html, model, view.shown().order());
        if (view.shown().ideas().isEmpty()) {
            html.element("p", m.get("ui.ideas.none"), "class", "coq-empty");
        } else {
            html.open("ol", "class", "coq-idea-list");
            for (Ideas.IdeaView idea : view.shown().ideas()) {
                idea(html, model, view, idea);
            }
            html.close("ol");
        }
        if (view.pages() > 1) {
            pager(html, model, view);
        }
        if (model.canWrite()) {
            submitForm(html, model, view);
        }
        html.close("div");
    }

    /**
     * The page's URL showing the box in {@code order}, at page {@code number}, with idea {@code open}'s comments
     * open (or none): defaults are left out.
     */
    private static String viewUrl(WidgetModel model, Ideas.Order order, int number, Long open) {
        StringBuilder url = new StringBuilder(model.returnTo());
        char sep = model.returnTo().contains("?") ? '&' : '?';
        if (order == Ideas.Order.NEWEST) {
            url.append(sep).append(ORDER_PARAM).append("=newest");
            sep = '&';
        }
        if (number > 1 && open == null) {
            url.append(sep).append(PAGE_PARAM).append('=').append(number);
            sep = '&';
        }
        if (open != null) {
            url.append(sep).append(OPEN_PARAM).append('=').append(open);
        }
        return url.toString();
    }

    private void order(Html html, WidgetModel model, Ideas.Order order) {
        Messages m = model.messages();
        String base = model.returnTo() + (model.returnTo().contains("?") ? "&" : "?") + ORDER_PARAM + "=";
        html.open("p", "class", "coq-idea-order").text(m.get("ui.ideas.order") + " ");
        link(html, base + "votes#" + model.id("coq-ideas"), m.get("ui.ideas.byVotes"), order == Ideas.Order.VOTES);
        html.text(" · ");
        link(html, base + "newest#" + model.id("coq-ideas"), m.get("ui.ideas.newest"), order == Ideas.Order.NEWEST);
        html.close("p");
    }

    private void pager(Html html, WidgetModel model, IdeaBoxView view) {
        Messages m = model.messages();
        html.open("nav", "class", "coq-pager", "aria-label", m.get("ui.ideas.pages"));
        for (int p = 1; p <= view.pages(); p++) {
            if (p == view.number()) {
                html.element("span", String.valueOf(p), "aria-current", "page");
            } else {
                html.element("a", String.valueOf(p), "href", viewUrl(model, view.shown().order(), p, null) + "#"
                        + model.id("coq-ideas"), "class", "coq-view", "aria-label", m.get("ui.ideas.page", p));
            }
        }
        html.close("nav");
    }

    private static void link(Html html, String href, String text, boolean current) {
        html.element("a", text, "href", href, "class", "coq-view", "aria-current", current ? "true" : null);
    }

    private void idea(Html html, WidgetModel model, IdeaBoxView box, Ideas.IdeaView view) {
        Messages m = model.messages();
        Idea idea = view.idea();
        html.open("li", "class", "coq-idea", "id", model.id("coq-idea-" + idea.id()));
        html.element("h3", idea.shownTitle(m), "class", "coq-idea-title");
        String when = date(m.locale(), idea.created());
        String byline = idea.isErased() ? m.get("ui.ideas.submitted", when) : m.get("ui.ideas.by", names.of(idea.author()), when);
        html.open("p", "class", "coq-meta").text(byline + " ");
        html.element("span", status(m, idea.status()), "class", "coq-status coq-status-"
                + idea.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        html.close("p");
        html.open("p", "class", "coq-body").userText(idea.body()).close("p");
        vote(html, model, box, view);
        if (idea.answer() != null) {
            html.open("p", "class", "coq-answer").element("strong", m.get("ui.ideas.answer")).text(" ")
                    .userText(idea.answer()).close("p");
        }
        if (!view.history().isEmpty()) {
            html.open("details", "class", "coq-history").element("summary", m.get("ui.ideas.history"));
            html.open("ol");
            for (IdeaStatusChange change : view.history()) {
                html.open("li").text(m.get("ui.ideas.change", date(m.locale(), change.at()), status(m, change.from()),
                        status(m, change.to()), change.editor()));
                if (change.answer() != null) {
                    html.text(" ").open("q").userText(change.answer()).close("q");
                }
                html.close("li");
            }
            html.close("ol").close("details");
        }
        if (model.viewer() != null && model.viewer().editor() && !idea.status().next().isEmpty()) {
            statusForm(html, model, box, idea);
        }
        thread(html, model, box, idea);
        html.close("li");
    }

    /** The idea's comment count, a link opening (or closing) its comments, and when open the comments and forms. */
    private void thread(Html html, WidgetModel model, IdeaBoxView box, Idea idea) {
        Messages m = model.messages();
        List<Comment> all = box.commentsOn(idea.id());
        List<Comment> top = all.stream().filter(c -> !c.isReply()).toList();
        boolean open = Long.valueOf(idea.id()).equals(box.open());
        String id = model.id("coq-idea-" + idea.id() + "-comments");
        html.open("p", "class", "coq-meta coq-idea-comment-count");
        if (open) {
            html.element("a", m.get("ui.ideas.hideComments", all.size()), "href",
                    viewUrl(model, box.shown().order(), box.number(), null) + "#" + model.id("coq-idea-" + idea.id()),
                    "class", "coq-view", "aria-label", m.get("ui.ideas.hideCommentsOn", all.size(), idea.shownTitle(m)));
        } else {
            html.element("a", m.get("ui.ideas.comments", all.size()), "href",
                    viewUrl(model, box.shown().order(), box.number(), idea.id()) + "#" + id,
                    "class", "coq-view", "aria-label", m.get("ui.ideas.commentsOn", all.size(), idea.shownTitle(m)));
        }
        html.close("p");
        if (!open) {
            return;
        }
        WidgetModel.Notice notice = model.noticeFor(Widget.IDEAS);
        notice = notice != null && notice.aboutComment() ? notice : null;
        html.open("section", "class", "coq-idea-comments", "id", id, "aria-label", m.get("ui.ideas.commentsLabel", idea.shownTitle(m)));
        Forms.notice(html, notice);
        CommentsRenderer.Thread thread = new CommentsRenderer.Thread(Ideas.thread(idea.id()),
                viewUrl(model, box.shown().order(), box.number(), idea.id()), model.id("coq-idea-" + idea.id() + "-new-comment"),
                notice);
        comments.list(html, model, thread, top, all);
        comments.newCommentForm(html, model, thread);
        html.close("section");
    }

    private void vote(Html html, WidgetModel model, IdeaBoxView box, Ideas.IdeaView view) {
        Messages m = model.messages();
        Idea idea = view.idea();
        boolean open = idea.status() != IdeaStatus.DONE && idea.status() != IdeaStatus.DECLINED;
        String count = m.get("ui.ideas.votes", idea.votes());
        if (model.canWrite() && (open || view.voted())) {
            Forms.openOn(html, model, model.page(), returnTo(model, box), "idea/vote", "coq-form coq-idea-vote");
            Forms.hidden(html, model, "coq_idea", String.valueOf(idea.id()));
            // an id of its own: the script puts the focus back on it after the answer
            html.open("button", "type", "submit", "id", model.id("coq-idea-" + idea.id() + "-vote"),
                    "name", model.field("coq_on"), "value", view.voted() ? "off" : "on",
                    "class", "coq-thumb" + (view.voted() ? " coq-on" : ""), "aria-pressed", String.valueOf(view.voted()),
                    "aria-label", m.get(view.voted() ? "ui.ideas.unvote" : "ui.ideas.vote", idea.shownTitle(m), idea.votes()));
            html.element("span", "👍 " + idea.votes(), "aria-hidden", "true").close("button");
            html.close("form");
        } else {
            html.element("p", count, "class", "coq-meta coq-idea-votes");
        }
    }

    private void statusForm(Html html, WidgetModel model, IdeaBoxView box, Idea idea) {
        Messages m = model.messages();
        String base = model.id("coq-idea-" + idea.id());
        Forms.openOn(html, model, model.page(), returnTo(model, box), "idea/status", "coq-form coq-idea-status");
        Forms.hidden(html, model, "coq_idea", String.valueOf(idea.id()));
        html.open("fieldset").element("legend", m.get("ui.ideas.statusLegend", idea.shownTitle(m)));
        html.element("label", m.get("ui.ideas.status"), "for", base + "-status");
        html.open("select", "id", base + "-status", "name", model.field("coq_status"));
        for (IdeaStatus next : idea.status().next()) {
            html.element("option", status(m, next), "value", next.name().toLowerCase(Locale.ROOT));
        }
        html.close("select");
        html.element("label", m.get("ui.ideas.answerLabel"), "for", base + "-answer");
        html.open("textarea", "id", base + "-answer", "name", model.field("coq_body"), "rows", "3",
                "maxlength", String.valueOf(Ideas.MAX_ANSWER)).close("textarea");
        html.element("button", m.get("ui.ideas.saveStatus"), "type", "submit");
        html.close("fieldset").close("form");
    }

    /** Where the box's forms come back to: the same view of the box. */
    private static String returnTo(WidgetModel model, IdeaBoxView box) {
        return viewUrl(model, box.shown().order(), box.number(), box.open());
    }

    private void submitForm(Html html, WidgetModel model, IdeaBoxView box) {
        Messages m = model.messages();
        WidgetModel.Notice notice = model.noticeFor(Widget.IDEAS);
        String draft = notice != null && notice.error() && notice.target() == null && !notice.aboutComment()
                ? notice.draft() : null;
        Forms.openOn(html, model, model.page(), returnTo(model, box), "idea", "coq-form coq-idea-new");
        html.open("fieldset").element("legend", m.get("ui.ideas.submitLegend"));
        html.element("label", m.get("ui.ideas.titleLabel"), "for", model.id("coq-idea-title"));
        html.open("input", "type", "text", "id", model.id("coq-idea-title"), "name", model.field("coq_title"),
                "maxlength", String.valueOf(Ideas.MAX_TITLE), "required", "");
        html.element("label", m.get("ui.ideas.textLabel"), "for", model.id("coq-idea-text"));
        html.open("textarea", "id", model.id("coq-idea-text"), "name", model.field("coq_body"), "rows", "4",
                "maxlength", String.valueOf(Ideas.MAX_TEXT), "required", "").text(draft == null ? "" : draft)
                .close("textarea");
        html.element("button", m.get("ui.ideas.submit"), "type", "submit");
        html.close("fieldset").close("form");
    }

    static String status(Messages m, IdeaStatus status) {
        return m.get("ui.ideas.status." + status.name());
    }

    private String date(Locale locale, TemporalAccessor at) {
        return formatters.computeIfAbsent(locale,
                l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l).withZone(zone)).format(at);
    }
}
