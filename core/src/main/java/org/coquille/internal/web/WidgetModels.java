package org.coquille.internal.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.social.Ideas;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.social.Votes;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.WidgetLinks;
import org.coquille.internal.page.PageLinks;
import org.coquille.internal.render.IdeaBoxView;
import org.coquille.internal.render.WidgetModel;

/** Gathers what one viewer sees of one page's widgets, from the (cached) use cases. */
final class WidgetModels {

    static final String FLASH_PARAM = "coq_flash";
    /** The query parameter of the page of comments shown, from 1. */
    static final String COMMENTS_PAGE = "coq_cp";
    /** The query parameter that lists a page's ideas newest first ({@code newest}) or by votes. */
    static final String IDEAS_ORDER = "coq_ideas";
    /** The query parameter of the page of ideas shown, from 1. */
    static final String IDEAS_PAGE = "coq_ip";
    /** The query parameter of the idea whose comments are open. */
    static final String IDEA_OPEN = "coq_idea";

    private final Comments comments;
    private final Votes votes;
    private final Polls polls;
    private final Reactions reactions;
    private final Ideas ideas;
    private final DatePolls datePolls;
    private final Flash flash;
    private final Guard guard;
    private final String prefix;
    private final String assetVersion;

    WidgetModels(Comments comments, Votes votes, Polls polls, Reactions reactions, Ideas ideas, DatePolls datePolls,
                 Flash flash, Guard guard, String prefix, String assetVersion) {
        this.ideas = ideas;
        this.datePolls = datePolls;
        this.assetVersion = assetVersion;
        this.comments = comments;
        this.votes = votes;
        this.polls = polls;
        this.reactions = reactions;
        this.flash = flash;
        this.guard = guard;
        this.prefix = prefix;
    }

    /**
     * What {@code viewer} sees of {@code page}'s widgets.
     *
     * @param returnTo the page's URL without Coquille's parameters
     * @param view     the view parameters of the page's URL ({@code coq_cp}, {@code coq_ideas}, {@code coq_ip},
     *                 {@code coq_idea}) by name, {@code null} when absent
     */
    WidgetModel build(HttpRequest request, String returnTo, Function<String, String> view, PageId page,
                      PageSettings settings, Viewer viewer, WidgetModel.Notice notice) {
        Messages messages = Messages.forLocale(request.locale());
        WidgetModel.Notice shown = notice != null ? notice : flashed(request, viewer, messages);
        int commentsPage = parsePage(view.apply(COMMENTS_PAGE));
        return new WidgetModel(page, settings, viewer.user(), viewer.canWrite(), messages,
                request.links() != null ? request.links() : WidgetLinks.under(request.contextPath() + prefix, assetVersion),
                request.namespace(), returnTo, guard.token(viewer.key()),
                settings.isOn(Widget.COMMENTS) ? comments.visibleTo(viewer.user(), page) : List.of(),
                c -> comments.canChange(viewer.user(), c), commentsPage, false,
                settings.isOn(Widget.VOTE) ? votes.summary(viewer.user(), page) : null,
                settings.isOn(Widget.POLL) ? polls.viewsOf(viewer.user(), page) : List.of(),
                settings.isOn(Widget.REACTIONS) ? reactions.summary(viewer.user(), page) : null,
                settings.isOn(Widget.IDEAS) ? ideaBox(viewer, page, view) : null,
                settings.isOn(Widget.DATE_POLL) ? datePolls.viewsOf(viewer.user(), page) : List.of(),
                shown);
    }

    private IdeaBoxView ideaBox(Viewer viewer, PageId page, Function<String, String> view) {
        Ideas.Box box = ideas.box(viewer.user(), page, Ideas.Order.parse(view.apply(IDEAS_ORDER)));
        return IdeaBoxView.of(box, ideas.pageSize(), parsePage(view.apply(IDEAS_PAGE)),
                FormFields.longOrNull(view.apply(IDEA_OPEN)),
                id -> comments.visibleTo(viewer.user(), Ideas.thread(id)));
    }

    /** The value of parameter {@code name} in {@code url}'s query, decoded, or {@code null}. */
    static String queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int end = url.indexOf('#', q);
        for (String pair : url.substring(q + 1, end < 0 ? url.length() : end).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The page's own URL, context path included, without Coquille's query parameters. */
    static String returnTo(HttpRequest request) {
        String query = request.queryString();
        return withoutOwnParameters(PageLinks.href(request.contextPath(), request.path()
                + (query == null || query.isEmpty() ? "" : "?" + query)));
    }

    /** {@code url} without Coquille's query parameters ({@code coq_*}) nor its fragment. */
    static String withoutOwnParameters(String url) {
        int hash = url.indexOf('#');
        String whole = hash < 0 ? url : url.substring(0, hash);
        int q = whole.indexOf('?');
        if (q < 0) {
            return whole;
        }
        StringBuilder out = new StringBuilder(whole.substring(0, q));
        List<String> kept = new ArrayList<>();
        for (String pair : whole.substring(q + 1).split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("coq_")) {
                kept.add(pair);
            }
        }
        if (!kept.isEmpty()) {
            out.append('?').append(String.join("&", kept));
        }
        return out.toString();
    }

    private WidgetModel.Notice flashed(HttpRequest request, Viewer viewer, Messages messages) {
        Flash.Entry entry = flash.get(request.parameter(FLASH_PARAM), viewer.key());
        return entry == null ? null : new WidgetModel.Notice(entry.widget(), messages.get(entry.key(), entry.args()),
                entry.error(), entry.draft(), entry.target(), entry.action());
    }

    static int parsePage(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
