package org.coquille.internal.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.core.Messages;
import org.coquille.core.NamedPosition;
import org.coquille.core.PageSettings;
import org.coquille.social.Pages;
import org.coquille.social.Polls;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.internal.page.PageCatalogue;
import org.coquille.internal.page.PageIdResolver;
import org.coquille.internal.render.PageTemplates;
import org.coquille.internal.web.Guard;
import org.coquille.internal.web.Web;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreDownException;
import org.coquille.spi.StoreHealth;

/**
 * The editors' console, mounted under {@code <prefix>console/}: editors only (others get a plain 403,
 * visitors who are not logged in go to the host's login page when one is configured), every post checked
 * for its origin and CSRF token.
 */
public final class Console implements Web.Section {

    private final ConsoleContext ctx;
    private final PageList pageList;
    private final PageEditor pageEditor;
    private final PatternEditor patterns;
    private final PollDesk polls;
    private final DatePollDesk datePolls;
    private final ModerationDesk moderation;
    private final SettingsTransfer transfer;

    /**
     * @param pageIds  how the filter turns an address into a page id, for the addresses editors paste
     * @param zone     the time zone dates are typed and shown in
     * @param utcByDefault whether that zone is UTC only because the server runs on UTC (no zone set): pages with
     *                 times say so
     * @param loginUrl where visitors who are not logged in are sent, or empty for a 403
     * @param health   whether the store is known to be down: every page says so while it is
     * @param catalogue the pages served: the console writes this node's latest before listing them
     * @param positions the places for the widgets a site administrator named, offered to editors by name
     */
    public Console(String prefix, String assetVersion, Guard guard, IdentityResolver identity, SocialStore store,
                   Pages pages, PageIdResolver pageIds, Comments comments, Polls polls, DatePolls datePolls, Clock clock,
                   ZoneId zone, boolean utcByDefault, String loginUrl, ObjectMapper json, StoreHealth health,
                   PageCatalogue catalogue, List<NamedPosition> positions) {
        for (NamedPosition p : positions) {
            try {
                SettingsFields.checkSelector(p.placement().selector());
            } catch (RuleViolation e) {
                throw new IllegalArgumentException("Setting coquille.positions: '" + p.name() + "' has "
                        + e.message(java.util.Locale.ENGLISH), e);
            }
        }
        this.ctx = new ConsoleContext(prefix, assetVersion, Objects.requireNonNull(guard, "guard"),
                Objects.requireNonNull(identity, "identity"), store, pages, Objects.requireNonNull(pageIds, "pageIds"),
                comments, polls, Objects.requireNonNull(datePolls, "datePolls"), clock, zone, utcByDefault,
                loginUrl == null ? "" : loginUrl.strip(), json, Objects.requireNonNull(health, "health"),
                Objects.requireNonNull(catalogue, "catalogue"), List.copyOf(positions));
        this.pageList = new PageList(ctx);
        this.pageEditor = new PageEditor(ctx);
        this.patterns = new PatternEditor(ctx);
        this.polls = new PollDesk(ctx);
        this.datePolls = new DatePollDesk(ctx);
        this.moderation = new ModerationDesk(ctx);
        this.transfer = new SettingsTransfer(ctx);
    }

    /** The page-settings fields showing {@code current}, under the request's namespace ({@code console/settings.jte}). */
    public String settingsFields(HttpRequest request, PageSettings current) {
        return PageTemplates.render("console/settings.jte",
                SettingsForm.of(Messages.forLocale(request.locale()), request.namespace(), current, ctx.positions()));
    }

    /** The settings that the posted fields give {@code current}'s page, its objective continuing the current one. */
    public PageSettings readSettings(HttpRequest request, PageSettings current) {
        return SettingsFields.continuing(SettingsFields.read(request, current.page(),
                LocalDate.now(ctx.clock().withZone(ctx.zone()))), current.objective());
    }

    @Override
    public HttpResponse handle(HttpRequest request, String rest) {
        Messages m = Messages.forLocale(request.locale());
        User user = ctx.identity().resolve(request);
        if (user == null) {
            return ctx.loginUrl().isEmpty() ? ConsoleResponses.text(403, m.get("console.forbidden.anonymous"))
                    : ConsoleResponses.secure(HttpResponse.redirect(ctx.loginUrl()));
        }
        if (!user.editor()) {
            return ConsoleResponses.text(403, m.get("console.forbidden"));
        }
        boolean post = request.method().equals("POST");
        if (post) {
            if (!ctx.guard().originAllowed(request)) {
                return ConsoleResponses.text(403, m.get("error.origin"));
            }
            if (!ctx.guard().tokenValid(request, "u:" + user.id(), request.parameter(Guard.TOKEN_FIELD))) {
                return ConsoleResponses.text(403, m.get("error.csrf"));
            }
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return ConsoleResponses.text(405, m.get("error.method", request.method(), "GET, HEAD, POST"))
                    .withHeader("Allow", "GET, HEAD, POST");
        }
        try {
            HttpResponse answer = post ? post(request, user, rest) : get(request, user, rest);
            return answer != null ? answer : ConsoleResponses.text(404, m.get("console.notFound"));
        } catch (RuleViolation e) {
            return ConsoleResponses.text(e.kind().status(), e.message(m.locale()));
        } catch (StoreDownException e) {
            // the console's frame and the notice that says why, rather than a bare error
            return storeDown(request, user, e.since());
        }
    }

    /** The page an editor gets when the store is down: the console's frame with the notice, as a 503. */
    private HttpResponse storeDown(HttpRequest request, User editor, Instant since) {
        Frame frame = Frame.of(ctx, request, editor, "", Messages.forLocale(request.locale()).get("console.storeDown.title"));
        // the frame says so already when the store is known to be down
        return ConsolePages.render("console/down.jte", ctx.health().downSince() == null ? frame.storeDown(ctx, since)
                : frame, 503).withHeader("Retry-After", "5");
    }

    private HttpResponse get(HttpRequest request, User editor, String rest) {
        return switch (rest) {
            case "" -> ConsoleResponses.secure(HttpResponse.redirect(ctx.base(request) + "pages"));
            case "pages" -> pageList.show(request, editor);
            case "page" -> pageEditor.show(request, editor);
            case "patterns" -> patterns.list(request, editor);
            case "pattern" -> patterns.show(request, editor);
            case "polls" -> polls.list(request, editor);
            case "poll" -> polls.show(request, editor);
            case "poll/delete" -> polls.confirmDelete(request, editor);
            case "datepolls" -> datePolls.list(request, editor);
            case "datepoll" -> datePolls.show(request, editor);
            case "datepoll/delete" -> datePolls.confirmDelete(request, editor);
            case "moderation" -> moderation.show(request, editor);
            case "settings" -> transfer.show(request, editor, null, null);
            case "settings/export" -> transfer.export(request, editor);
            default -> null;
        };
    }

    private HttpResponse post(HttpRequest request, User editor, String rest) {
        return switch (rest) {
            case "page" -> pageEditor.save(request, editor);
            case "page/reset" -> pageEditor.reset(request, editor);
            case "page/widget" -> pageEditor.turnOn(request, editor);
            case "pattern" -> patterns.save(request, editor);
            case "pattern/delete" -> patterns.delete(request, editor);
            case "poll" -> polls.save(request, editor);
            case "poll/open", "poll/close", "poll/delete" -> polls.act(request, editor, rest.substring("poll/".length()));
            case "datepoll" -> datePolls.save(request, editor);
            case "datepoll/close" -> datePolls.close(request, editor);
            case "datepoll/delete" -> datePolls.delete(request, editor);
            case "moderation" -> moderation.act(request, editor);
            case "settings/import" -> transfer.importSettings(request, editor);
            default -> null;
        };
    }

    /** Shows people by the names {@code names} gives (the directory's) instead of their ids. */
    public void displayNames(org.coquille.core.DisplayNames names) {
        moderation.displayNames(names);
    }
}
