package org.coquille.internal.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

import org.coquille.core.Delivery;
import org.coquille.core.Messages;
import org.coquille.core.NotificationChoice;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.internal.web.Guard;
import org.coquille.internal.web.InstallationKey;
import org.coquille.internal.web.Web;
import org.coquille.notify.Notifications;
import org.jsoup.nodes.Entities;

/**
 * {@code <prefix>notifications/}: where a person chooses immediately, a daily digest or nothing (and the language of
 * their e-mails), and the one-click unsubscribe of RFC 8058 ({@code notifications/unsubscribe?u=&s=}, signed with the
 * installation key: a POST unsubscribes, a GET shows the button, so that a link scanner unsubscribes nobody).
 */
public final class NotificationPage implements Web.Section {

    /** What the unsubscribe signature is for, so that no other signature of the key can pass for one. */
    public static final String PURPOSE = "unsubscribe";

    private final Notifications notifications;
    private final IdentityResolver identity;
    private final Guard guard;
    private final InstallationKey key;

    public NotificationPage(Notifications notifications, IdentityResolver identity, Guard guard, InstallationKey key) {
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public HttpResponse handle(HttpRequest request, String rest) {
        Messages m = Messages.forLocale(request.locale());
        if (rest.equals("unsubscribe")) {
            return unsubscribe(request, m);
        }
        if (!rest.isEmpty()) {
            return page(404, m, m.get("error.notFound"));
        }
        User user = identity.resolve(request);
        if (user == null) {
            return page(403, m, m.get("notify.page.login"));
        }
        String viewer = "u:" + user.id();
        if (request.method().equals("POST")) {
            if (!guard.originAllowed(request) || !guard.tokenValid(request, viewer, request.parameter(Guard.TOKEN_FIELD))) {
                return page(403, m, m.get("error.csrf"));
            }
            Delivery delivery;
            try {
                delivery = Delivery.valueOf(String.valueOf(request.parameter("delivery")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return page(400, m, m.get("notify.page.badChoice", String.valueOf(request.parameter("delivery"))));
            }
            String language = "en".equals(request.parameter("language")) ? "en" : "fr";
            notifications.choose(new NotificationChoice(user.id(), delivery, language));
            return HttpResponse.redirect(request.contextPath() + request.path() + "?saved=1");
        }
        NotificationChoice choice = notifications.choiceOf(user.id());
        Messages mine = Messages.forLocale(Locale.forLanguageTag(choice.language()));
        StringBuilder form = new StringBuilder();
        if (request.parameter("saved") != null) {
            form.append("<p role=\"status\" class=\"coq-done\">").append(escape(mine.get("notify.page.saved"))).append("</p>");
        }
        form.append("<form method=\"post\" action=\"\"><input type=\"hidden\" name=\"").append(Guard.TOKEN_FIELD)
                .append("\" value=\"").append(escape(guard.token(viewer))).append("\"><fieldset><legend>")
                .append(escape(mine.get("notify.page.legend"))).append("</legend>");
        for (Delivery d : Delivery.values()) {
            String id = "coq-delivery-" + d.name().toLowerCase(Locale.ROOT);
            form.append("<p><input type=\"radio\" name=\"delivery\" id=\"").append(id).append("\" value=\"")
                    .append(d.name().toLowerCase(Locale.ROOT)).append("\"").append(d == choice.delivery() ? " checked" : "")
                    .append("> <label for=\"").append(id).append("\">").append(escape(mine.get("notify.delivery." + d.name())))
                    .append("</label></p>");
        }
        form.append("</fieldset><p><label for=\"coq-language\">").append(escape(mine.get("notify.page.language")))
                .append("</label> <select id=\"coq-language\" name=\"language\"><option value=\"fr\"")
                .append(choice.language().equals("fr") ? " selected" : "").append(">Français</option><option value=\"en\"")
                .append(choice.language().equals("en") ? " selected" : "").append(">English</option></select></p><button type=\"submit\">")
                .append(escape(mine.get("notify.page.save"))).append("</button></form>");
        return html(200, mine, mine.get("notify.page.title"), form.toString());
    }

    private HttpResponse unsubscribe(HttpRequest request, Messages m) {
        String user = request.parameter("u");
        String signature = request.parameter("s");
        if (user == null || signature == null || user.isBlank() || user.length() > User.MAX_ID_LENGTH
                || !key.verify(PURPOSE, user, signature)) {
            return page(400, m, m.get("notify.unsubscribe.bad"));
        }
        NotificationChoice choice = notifications.choiceOf(user);
        Messages theirs = Messages.forLocale(Locale.forLanguageTag(choice.language()));
        if (request.method().equals("POST")) {
            notifications.choose(new NotificationChoice(user, Delivery.NONE, choice.language()));
            return html(200, theirs, theirs.get("notify.unsubscribe.title"), "<p role=\"status\">"
                    + escape(theirs.get("notify.unsubscribe.done")) + "</p>");
        }
        String action = "unsubscribe?u=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&s="
                + URLEncoder.encode(signature, StandardCharsets.UTF_8);
        return html(200, theirs, theirs.get("notify.unsubscribe.title"), "<form method=\"post\" action=\""
                + escape(action) + "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">"
                + escape(theirs.get("notify.unsubscribe.button")) + "</button></form>");
    }

    private static HttpResponse page(int status, Messages m, String message) {
        return html(status, m, m.get("notify.page.title"), "<p role=\"alert\">" + escape(message) + "</p>");
    }

    private static HttpResponse html(int status, Messages m, String title, String body) {
        String page = "<!DOCTYPE html><html lang=\"" + m.locale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + escape(title) + "</title></head><body><main><h1>"
                + escape(title) + "</h1>" + body + "</main></body></html>";
        return HttpResponse.of(status, "text/html; charset=utf-8", page).withHeader("Cache-Control", "no-store")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
