package org.coquille.internal.web;

import java.util.ArrayList;
import java.util.List;

import org.coquille.core.Comments;
import org.coquille.core.DatePolls;
import org.coquille.core.Ideas;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Polls;
import org.coquille.core.Reactions;
import org.coquille.core.Votes;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.WidgetLinks;
import org.coquille.internal.render.WidgetModel;

/** Gathers what one viewer sees of one page's widgets, from the (cached) use cases. */
final class WidgetModels {

    static final String FLASH_PARAM = "coq_flash";
    /** The query parameter that lists a page's ideas newest first ({@code newest}) or by votes. */
    static final String IDEAS_ORDER = "coq_ideas";

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

    WidgetModel build(HttpRequest request, String returnTo, PageId page, PageSettings settings, Viewer viewer,
                      WidgetModel.Notice notice) {
        Messages messages = Messages.forLocale(request.locale());
        WidgetModel.Notice shown = notice != null ? notice : flashed(request, viewer, messages);
        int commentsPage = parsePage(request.parameter("coq_cp"));
        return new WidgetModel(page, settings, viewer.user(), viewer.canWrite(), messages,
                request.links() != null ? request.links() : WidgetLinks.under(request.contextPath() + prefix, assetVersion),
                request.namespace(), returnTo, guard.token(viewer.key()),
                settings.isOn(Widget.COMMENTS) ? comments.visibleTo(viewer.user(), page) : List.of(),
                c -> comments.canChange(viewer.user(), c), commentsPage, false,
                settings.isOn(Widget.VOTE) ? votes.summary(viewer.user(), page) : null,
                settings.isOn(Widget.POLL) ? polls.viewsOf(viewer.user(), page) : List.of(),
                settings.isOn(Widget.REACTIONS) ? reactions.summary(viewer.user(), page) : null,
                settings.isOn(Widget.IDEAS) ? ideas.box(viewer.user(), page, Ideas.Order.parse(request.parameter(IDEAS_ORDER)))
                        : null,
                settings.isOn(Widget.DATE_POLL) ? datePolls.viewsOf(viewer.user(), page) : List.of(),
                shown);
    }

    /** The page's own URL, context path included, without Coquille's query parameters. */
    static String returnTo(HttpRequest request) {
        String query = request.queryString();
        StringBuilder url = new StringBuilder(request.contextPath()).append(request.path());
        if (query != null && !query.isEmpty()) {
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("coq_")) {
                    kept.add(pair);
                }
            }
            if (!kept.isEmpty()) {
                url.append('?').append(String.join("&", kept));
            }
        }
        return url.toString();
    }

    private WidgetModel.Notice flashed(HttpRequest request, Viewer viewer, Messages messages) {
        Flash.Entry entry = flash.get(request.parameter(FLASH_PARAM), viewer.key());
        return entry == null ? null : new WidgetModel.Notice(entry.widget(), messages.get(entry.key(), entry.args()),
                entry.error(), entry.draft(), entry.target());
    }

    private static int parsePage(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
