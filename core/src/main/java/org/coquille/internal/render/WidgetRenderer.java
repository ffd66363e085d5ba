package org.coquille.internal.render;

import org.coquille.core.DisplayNames;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.coquille.core.Messages;
import org.coquille.core.PollChoice;
import org.coquille.core.PollResults;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.core.VoteKind;
import org.coquille.social.Votes;
import org.coquille.core.Widget;

/**
 * Renders the widgets of one page for one viewer as an HTML fragment that works without JavaScript
 * (plain forms) and is enhanced by {@code coquille.js} when it runs.
 */
public final class WidgetRenderer {

    /** The id of the fragment's outer element (namespaced); the script swaps the element whole after an action. */
    public static final String ROOT_ID = "coq-widgets";

    private final CommentsRenderer comments;
    private final IdeasRenderer ideas;
    private final DatePollsRenderer datePolls;

    private final ZoneId zone;

    /** @param zone the installation's time zone, which the widgets show times in */
    public WidgetRenderer(ZoneId zone) {
        this(zone, DisplayNames.ids());
    }

    /** Widgets that show authors by the names {@code names} gives (the directory's), escaped as all text. */
    public WidgetRenderer(ZoneId zone, DisplayNames names) {
        this.zone = zone;
        this.comments = new CommentsRenderer(zone, names);
        this.ideas = new IdeasRenderer(zone, comments, names);
        this.datePolls = new DatePollsRenderer(zone);
    }

    /** The time zone the widgets show times in. */
    public ZoneId zone() {
        return zone;
    }

    /** The fragment for {@code model}, with its stylesheet and script. */
    public String render(WidgetModel model) {
        return template(model).fill(model.csrf());
    }

    /**
     * The fragment for {@code model}, with its stylesheet and script, the CSRF token left open: any viewer whose
     * model differs only by the token may be served it.
     */
    public FragmentTemplate template(WidgetModel model) {
        Html html = new Html();
        html.open("link", "rel", "stylesheet", "href", model.links().asset("coquille.css"));
        widgets(html, model);
        html.open("script", "src", model.links().asset("coquille.js"), "defer", "").close("script");
        return html.template();
    }

    /** The widgets alone, without the asset links: what the script swaps in after an action. */
    public String renderWidgets(WidgetModel model) {
        Html html = new Html();
        widgets(html, model);
        return html.template().fill(model.csrf());
    }

    private void widgets(Html html, WidgetModel model) {
        Messages m = model.messages();
        html.open("section", "class", "coq-widgets", "id", model.id(ROOT_ID), "lang", m.locale().getLanguage(),
                "aria-label", m.get("ui.widgets.label"), "data-coq-page", model.page().value());
        html.element("p", model.notice() == null ? "" : model.notice().text(), "class", "coq-live", "role", "status",
                "aria-live", "polite");
        if (model.reactions() != null) {
            reactions(html, model, model.reactions());
        }
        if (model.vote() != null) {
            vote(html, model, model.vote());
        }
        if (model.settings().isOn(Widget.POLL)) {
            for (Polls.View poll : model.polls()) {
                poll(html, model, poll);
            }
        }
        if (model.settings().isOn(Widget.DATE_POLL) && !model.datePolls().isEmpty()) {
            datePolls.render(html, model);
        }
        if (model.ideas() != null) {
            ideas.render(html, model, model.ideas());
        }
        if (model.settings().isOn(Widget.COMMENTS)) {
            comments.render(html, model);
        }
        html.close("section");
    }

    private void reactions(Html html, WidgetModel model, Reactions.Summary summary) {
        Messages m = model.messages();
        html.open("div", "class", "coq-widget coq-reactions", "id", model.id("coq-reactions"));
        Forms.notice(html, model.noticeFor(Widget.REACTIONS));
        Forms.openGroup(html, model, "reaction", m.get("ui.reactions.label"));
        for (Map.Entry<String, Long> e : summary.counts().entrySet()) {
            boolean mine = summary.mine().contains(e.getKey());
            String label = m.get(mine ? "ui.reactions.undo" : "ui.reactions.do", e.getKey(), e.getValue());
            if (model.canWrite()) {
                html.open("button", "type", "submit", "name", model.field("coq_reaction"),
                        "value", (mine ? "off:" : "on:") + e.getKey(), "class", "coq-reaction",
                        "aria-pressed", String.valueOf(mine), "aria-label", label);
            } else {
                html.open("span", "class", "coq-reaction", "title", label);
            }
            html.element("span", e.getKey(), "aria-hidden", "true");
            html.text(" ").element("span", String.valueOf(e.getValue()), "class", "coq-count");
            html.close(model.canWrite() ? "button" : "span");
        }
        Forms.closeGroup(html, model);
        html.close("div");
    }

    private void vote(Html html, WidgetModel model, Votes.Summary summary) {
        Messages m = model.messages();
        html.open("div", "class", "coq-widget coq-vote", "id", model.id("coq-vote"));
        Forms.notice(html, model.noticeFor(Widget.VOTE));
        Forms.openGroup(html, model, "vote", m.get("ui.vote.label"));
        if (summary.kind() == VoteKind.THUMBS) {
            thumb(html, model, summary, 1, "👍", summary.tally().count(1));
            thumb(html, model, summary, -1, "👎", summary.tally().count(-1));
        } else {
            for (int star = 1; star <= 5; star++) {
                boolean filled = summary.mine() != null && star <= summary.mine();
                String label = m.get("ui.vote.star", star);
                button(html, model, String.valueOf(star), "coq-star" + (filled ? " coq-on" : ""),
                        summary.mine() != null && summary.mine() == star, label, filled ? "★" : "☆");
            }
            html.element("span", m.get("ui.vote.average", String.format(m.locale(), "%.1f", summary.tally().average()),
                    summary.tally().total()), "class", "coq-average");
        }
        Forms.closeGroup(html, model);
        html.close("div");
    }

    private void thumb(Html html, WidgetModel model, Votes.Summary summary, int value, String symbol, long count) {
        Messages m = model.messages();
        boolean mine = summary.mine() != null && summary.mine() == value;
        String label = m.get(value > 0 ? "ui.vote.up" : "ui.vote.down", count);
        button(html, model, String.valueOf(value), "coq-thumb" + (mine ? " coq-on" : ""), mine, label,
                symbol + " " + count);
    }

    private void button(Html html, WidgetModel model, String value, String cssClass, boolean pressed, String label,
                        String shown) {
        if (model.canWrite()) {
            html.open("button", "type", "submit", "name", model.field("coq_vote"), "value", value, "class", cssClass,
                    "aria-pressed", String.valueOf(pressed), "aria-label", label);
            html.element("span", shown, "aria-hidden", "true").close("button");
        } else {
            html.element("span", shown, "class", cssClass, "title", label);
        }
    }

    private void poll(Html html, WidgetModel model, Polls.View view) {
        Messages m = model.messages();
        String id = model.id("coq-poll-" + view.poll().id());
        html.open("div", "class", "coq-widget coq-poll", "id", id);
        WidgetModel.Notice notice = model.noticeFor(Widget.POLL);
        if (notice != null && Long.valueOf(view.poll().id()).equals(notice.target())) {
            Forms.notice(html, notice);
        }
        boolean answerable = model.canWrite() && view.open();
        if (answerable) {
            Forms.open(html, model, "poll", "coq-form");
            Forms.hidden(html, model, "coq_poll", String.valueOf(view.poll().id()));
        }
        html.open("fieldset");
        html.element("legend", view.poll().question());
        String type = view.poll().choice() == PollChoice.SINGLE ? "radio" : "checkbox";
        for (int i = 0; i < view.poll().options().size(); i++) {
            String optionId = id + "-" + i;
            html.open("div", "class", "coq-option");
            html.open("input", "type", type, "id", optionId, "name", model.field("coq_option"), "value", String.valueOf(i),
                    "checked", view.mine().contains(i) ? "" : null, "disabled", answerable ? null : "");
            html.element("label", view.poll().options().get(i), "for", optionId);
            if (view.resultsShown()) {
                result(html, m, view.results(), i);
            }
            html.close("div");
        }
        html.close("fieldset");
        if (view.resultsShown()) {
            html.element("p", m.get("ui.poll.participants", view.results().participants()), "class", "coq-meta");
        } else {
            html.element("p", m.get(switch (view.poll().results()) {
                case AFTER_CLOSING -> "ui.poll.resultsAfterClosing";
                default -> "ui.poll.resultsAfterAnswering";
            }), "class", "coq-meta");
        }
        if (!view.open()) {
            html.element("p", m.get("rule.poll.notOpen"), "class", "coq-meta");
        }
        if (answerable) {
            html.element("button", m.get(view.mine().isEmpty() ? "ui.poll.answer" : "ui.poll.change"), "type", "submit");
            html.close("form");
        }
        html.close("div");
    }

    private static void result(Html html, Messages m, PollResults results, int option) {
        long votes = results.votesPerOption().get(option);
        int percent = (int) Math.round(results.share(option) * 100);
        html.open("span", "class", "coq-bar", "role", "img", "aria-label", m.get("ui.poll.result", votes, percent));
        html.open("span", "class", "coq-bar-fill", "style", "width:" + percent + "%").close("span");
        html.close("span");
        html.element("span", String.format(Locale.ROOT, "%d %%", percent), "class", "coq-percent", "aria-hidden", "true");
    }
}
