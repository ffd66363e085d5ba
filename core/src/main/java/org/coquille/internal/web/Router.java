package org.coquille.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.social.Ideas;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.social.Pages;
import org.coquille.core.RuleViolation;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.internal.render.WidgetModel;
import org.coquille.internal.render.WidgetRenderer;

/**
 * Answers every request under Coquille's prefix: {@code static/} assets, {@code form/} posts from the
 * widgets (post/redirect/get, or the re-rendered widgets when the script asks), the JSON {@code api/}, and the
 * sections mounted on {@link Web} (the editors' {@code console/}).
 */
public final class Router {

    /** The header the script sends to get the re-rendered widgets instead of a redirect. */
    static final String FRAGMENT_HEADER = "X-Coquille-Fragment";

    private final String prefix;
    private final StaticAssets assets;
    private final WidgetActions actions;
    private final WidgetModels models;
    private final WidgetRenderer renderer;
    private final Pages pages;
    private final Viewers viewers;
    private final Guard guard;
    private final RateLimiter rateLimiter;
    private final Flash flash;
    private final JsonApi api;
    private final CalendarExport calendar;
    private final Ideas ideas;
    private final ObjectMapper json;
    private final Map<String, Web.Section> sections;

    Router(Web web) {
        this.prefix = web.prefix;
        this.assets = new StaticAssets(web.assetVersion);
        this.actions = web.actions;
        this.models = web.models;
        this.renderer = web.renderer;
        this.pages = web.pages;
        this.viewers = web.viewers;
        this.guard = web.guard;
        this.rateLimiter = web.rateLimiter;
        this.flash = web.flash;
        this.calendar = new CalendarExport(web.datePolls, web.json, web.renderer.zone());
        this.ideas = web.ideas;
        this.json = web.json;
        this.api = new JsonApi(web);
        this.sections = Map.copyOf(web.sections);
    }

    /** Answers a request under the prefix; no answer is content-sniffed ({@code X-Content-Type-Options: nosniff}). */
    public HttpResponse route(HttpRequest request) {
        HttpResponse answer = answer(request);
        return answer.header("X-Content-Type-Options") == null ? answer.withHeader("X-Content-Type-Options", "nosniff")
                : answer;
    }

    private HttpResponse answer(HttpRequest request) {
        String rest = request.path().substring(Math.min(request.path().length(), prefix.length()));
        if (rest.startsWith("static/") && isRead(request)) {
            HttpResponse asset = assets.serve(request, rest.substring("static/".length()));
            if (asset != null) {
                return asset;
            }
        } else if (rest.startsWith("form/") && ActionRequest.ACTIONS.contains(rest.substring("form/".length()))) {
            return request.method().equals("POST") ? form(request, rest.substring("form/".length()))
                    : Problems.methodNotAllowed(json, request, "POST");
        } else if (rest.startsWith(CalendarExport.PATH) && isRead(request)) {
            return calendar.serve(request, rest.substring(CalendarExport.PATH.length()));
        } else if (rest.startsWith("api/")) {
            return api.route(request, rest.substring("api/".length()));
        } else {
            int slash = rest.indexOf('/');
            Web.Section section = sections.get(slash < 0 ? rest : rest.substring(0, slash));
            if (section != null) {
                return section.handle(request, slash < 0 ? "" : rest.substring(slash + 1));
            }
        }
        Messages m = Messages.forLocale(request.locale());
        return Problems.problem(json, 404, "not-found", m.get("error.notFound"), request.path());
    }

    private static boolean isRead(HttpRequest request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    private HttpResponse form(HttpRequest request, String action) {
        Viewer viewer = viewers.of(request);
        String newAnonymous = null;
        String returnTo = safeReturnTo(request);
        boolean fragment = request.header(FRAGMENT_HEADER) != null;
        // the page or the idea's comment thread the action is about
        PageId about = pageParam(request);
        // the page whose widgets are shown again
        PageId page = about == null ? null : ideas.hostOf(about);
        ActionRequest parsed = null;
        Flash.Entry outcome;
        int status = 200;
        try {
            if (!guard.originAllowed(request)) {
                throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "error.origin");
            }
            if (!guard.tokenValid(request, viewer.key(), request.parameter(Guard.TOKEN_FIELD))) {
                throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "error.csrf");
            }
            if (!viewer.canWrite()) {
                throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "rule.anonymous");
            }
            if (viewer.user() == null) {
                // a first-time anonymous visitor (anonymous use is on): give them an id, kept in a cookie. A client can
                // drop its cookie at will, and each new id is one more voter: new ids are limited by the address
                // the request comes from (behind a proxy, the proxy's: all first posts through it share the limit)
                if (!rateLimiter.tryWrite(viewer.key())) {
                    throw new RuleViolation(RuleViolation.Kind.TOO_MANY, "rule.rateLimit");
                }
                newAnonymous = viewers.newAnonymousId();
                viewer = viewers.anonymous(newAnonymous);
            }
            parsed = FormFields.parse(request, action, about);
            if (!rateLimiter.tryWrite(viewer.key())) {
                throw new RuleViolation(RuleViolation.Kind.TOO_MANY, "rule.rateLimit");
            }
            WidgetActions.Outcome done = actions.perform(viewer.user(), parsed);
            if (page == null) {
                page = done.page() == null ? null : ideas.hostOf(done.page());
            }
            outcome = new Flash.Entry(viewer.key(), done.widget(), done.done(), new Object[0], false, null, done.target(),
                    action);
        } catch (RuleViolation e) {
            status = e.kind().status();
            outcome = new Flash.Entry(viewer.key(), WidgetActions.widgetOf(action, about), e.key(), e.args(), true,
                    request.parameter("coq_body"), targetOf(request, parsed), action);
        } catch (BadRequest e) {
            status = 400;
            outcome = new Flash.Entry(viewer.key(), WidgetActions.widgetOf(action, about), "error.badRequest",
                    new Object[] {e.getMessage()}, true, request.parameter("coq_body"), null, action);
        }
        HttpResponse response = fragment && page != null
                ? fragment(request, returnTo, page, viewer, outcome, status)
                : HttpResponse.redirect(withFlash(returnTo, flash.put(outcome), outcome, about));
        if (newAnonymous != null) {
            String path = request.contextPath().isEmpty() ? "/" : request.contextPath();
            response = response.withHeader("Set-Cookie", Viewers.ANONYMOUS_COOKIE + "=" + newAnonymous
                    + "; Path=" + path + "; Max-Age=31536000; HttpOnly; SameSite=Lax"
                    + ("https".equalsIgnoreCase(request.scheme()) ? "; Secure" : ""));
        }
        return response.withHeader("Cache-Control", "no-store");
    }

    private HttpResponse fragment(HttpRequest request, String returnTo, PageId page, Viewer viewer, Flash.Entry outcome,
                                  int status) {
        Messages m = Messages.forLocale(request.locale());
        WidgetModel.Notice notice = new WidgetModel.Notice(outcome.widget(), m.get(outcome.key(), outcome.args()),
                outcome.error(), outcome.draft(), outcome.target(), outcome.action());
        // the view the form came from (order and page of the ideas, open idea) is in the page URL it returns to
        WidgetModel model = models.build(request, WidgetModels.withoutOwnParameters(returnTo),
                name -> WidgetModels.queryParameter(returnTo, name), page, pages.settings(page), viewer, notice);
        return new HttpResponse(status, List.of(Map.entry("Content-Type", "text/html; charset=utf-8")),
                renderer.renderWidgets(model).getBytes(StandardCharsets.UTF_8));
    }

    private static Long targetOf(HttpRequest request, ActionRequest parsed) {
        if (parsed != null) {
            return parsed.comment() != null ? parsed.comment() : parsed.parent() != null ? parsed.parent()
                    : parsed.poll() != null ? parsed.poll() : parsed.idea() != null ? parsed.idea() : parsed.datePoll();
        }
        for (String field : List.of("coq_comment", "coq_parent", "coq_poll", "coq_idea", "coq_datepoll")) {
            Long value = FormFields.longOrNull(request.parameter(field));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static PageId pageParam(HttpRequest request) {
        String value = request.parameter("coq_page");
        try {
            return value == null ? null : PageId.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The page to go back to: only a path on this host, never another site (no open redirect). */
    private static String safeReturnTo(HttpRequest request) {
        return safeReturnTo(request.parameter("coq_return"), request.contextPath());
    }

    /** {@code value} if it is a {@link #isLocalPath local path}, else the application's root under {@code contextPath}. */
    static String safeReturnTo(String value, String contextPath) {
        if (isLocalPath(value)) {
            return value;
        }
        return contextPath.isEmpty() ? "/" : contextPath + "/";
    }

    /**
     * Whether {@code value} is a path on this host: it starts with one {@code /} (not {@code //} nor {@code /\}, which
     * browsers read as another host), has no control character and at most 2,000 characters. One pass over the
     * characters, as every form post asks it.
     */
    static boolean isLocalPath(String value) {
        if (value == null || value.isEmpty() || value.length() > 2000 || value.charAt(0) != '/') {
            return false;
        }
        if (value.length() > 1 && (value.charAt(1) == '/' || value.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String withFlash(String returnTo, String id, Flash.Entry outcome, PageId about) {
        String anchor = "#coq-" + outcome.widget().name().toLowerCase(Locale.ROOT);
        Long idea = about == null ? null : Ideas.threadIdea(about);
        if (idea != null) {
            anchor = "#coq-idea-" + idea + "-comments";
        } else if (outcome.widget() == org.coquille.core.Widget.POLL && outcome.target() != null) {
            anchor = "#coq-poll-" + outcome.target();
        } else if (outcome.widget() == org.coquille.core.Widget.DATE_POLL && outcome.target() != null) {
            anchor = "#coq-datepoll-" + outcome.target();
        } else if (outcome.widget() == org.coquille.core.Widget.DATE_POLL) {
            anchor = "#coq-datepolls";
        }
        return returnTo + (returnTo.contains("?") ? "&" : "?") + WidgetModels.FLASH_PARAM + "=" + id + anchor;
    }
}
