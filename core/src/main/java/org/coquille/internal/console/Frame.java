package org.coquille.internal.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.coquille.core.CommentState;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.internal.web.Guard;

/**
 * What every console page shows around its own content ({@code console/layout.jte}): language, title, navigation,
 * who is signed in, the notices at the top; and what its forms carry (the base URL and the CSRF token).
 *
 * @param m       the texts in the editor's language
 * @param base    the console's base URL
 * @param csrf    the token every form posts
 * @param nav     the sections, the current one marked
 * @param notices the notices at the top, first first
 * @param intranet the intranet's home, for the way back
 * @param known   the known pages' addresses, suggested in the address fields ({@code list="coq-known-pages"}), or none
 * @param zone    the installation's time zone in words, said next to every time field
 */
record Frame(Messages m, String title, String base, String css, String js, List<Link> nav, String who,
             List<Notice> notices, String csrf, String intranet, List<String> known, String zone) {

    /** A link of the navigation; {@code current} for the section shown. */
    record Link(String href, String text, boolean current) { }

    /**
     * A notice at the top of the page: an error ({@code role=alert}), a warning, or a confirmation; one says the store
     * is down.
     */
    record Notice(String text, boolean error, boolean storeDown, boolean warning) {

        Notice(String text, boolean error, boolean storeDown) {
            this(text, error, storeDown, false);
        }

        String cssClass() {
            return (error ? "coq-notice coq-error" : warning ? "coq-notice coq-warning" : "coq-notice")
                    + (storeDown ? " coq-store-down" : "");
        }
    }

    /** The most addresses suggested in an address field. */
    static final int MAX_SUGGESTIONS = 1_000;

    /** The sections whose pages have time fields: they warn when the time zone is UTC only by default. */
    private static final List<String> TIMED = List.of("polls", "datepolls");

    /** The console's sections, in navigation order: path and message key. */
    private static final List<String[]> SECTIONS = List.of(new String[] {"pages", "console.nav.pages"},
            new String[] {"patterns", "console.nav.patterns"}, new String[] {"polls", "console.nav.polls"},
            new String[] {"datepolls", "console.nav.datePolls"}, new String[] {"moderation", "console.nav.moderation"},
            new String[] {"settings", "console.nav.settings"});

    /** The frame of a page of {@code section}, titled {@code title}, with the notices the request and the store call for. */
    static Frame of(ConsoleContext ctx, HttpRequest request, User editor, String section, String title) {
        Messages m = Messages.forLocale(request.locale());
        String base = ctx.base(request);
        List<Link> nav = new ArrayList<>();
        for (String[] s : SECTIONS) {
            String text = m.get(s[1]);
            int waiting = s[0].equals("moderation") ? waiting(ctx) : 0;
            if (waiting > 0) {
                text = m.get("console.nav.waiting", text, waiting);
            }
            nav.add(new Link(base + s[0], text, s[0].equals(section)));
        }
        // the usage report lives beside the console, at ../report/
        nav.add(new Link(request.contextPath() + ctx.prefix() + "report/", m.get("console.nav.report"), false));
        nav.add(new Link(request.contextPath() + ctx.prefix() + "report/user", m.get("console.nav.personalData"), false));
        Frame frame = new Frame(m, title, base, ctx.asset(request, "console.css"), ctx.asset(request, "console.js"),
                List.copyOf(nav), m.get("console.signedIn", editor.id()), List.of(), ctx.guard().token("u:" + editor.id()),
                request.contextPath() + "/", List.of(), ctx.zoneName(m));
        if (ctx.utcByDefault() && TIMED.contains(section)) {
            frame = frame.with(new Notice(m.get("console.zone.utc", "coquille.timeZone"), false, false, true));
        }
        Instant down = ctx.health().downSince();
        if (down != null) {
            frame = frame.storeDown(ctx, down);
        }
        String done = request.parameter("done");
        if (done != null && done.matches("[a-zA-Z.]{1,60}") && !m.get("console.done." + done).startsWith("console.")) {
            frame = frame.with(new Notice(done(m, request, done), false, false));
        }
        return frame;
    }

    /** How many comments wait for approval (up to the queue's size), or 0 when the store cannot say. */
    private static int waiting(ConsoleContext ctx) {
        if (ctx.health().downSince() != null) {
            return 0;
        }
        try {
            return ctx.store().comments().commentsInState(CommentState.PENDING, ModerationDesk.QUEUE_SIZE).size();
        } catch (RuntimeException e) { // the page says why below, or the store-down page does
            return 0;
        }
    }

    /**
     * What was done, in words: the done key's message, given the address it was done to ({@code as}) and the widget
     * ({@code widget}) when the redirect names them, and how a loosely typed address was understood ({@code typed}).
     */
    private static String done(Messages m, HttpRequest request, String key) {
        // an address or a pattern only: a crafted link cannot make the notice say anything else
        String as = shortParameter(request, "as");
        if (as != null && (!(as.startsWith("/") || as.startsWith("*.")) || as.chars().anyMatch(Character::isWhitespace))) {
            as = null;
        }
        Widget widget = Arrays.stream(Widget.values()).filter(w -> SettingsFields.lower(w).equals(request.parameter("widget")))
                .findFirst().orElse(null);
        String text = m.get("console.done." + key, as, widget == null ? "" : m.get("widget." + SettingsFields.lower(widget)));
        String typed = shortParameter(request, "typed");
        return as == null || typed == null || typed.equals(as) ? text : text + " " + m.get("console.address.understood", typed, as);
    }

    private static String shortParameter(HttpRequest request, String name) {
        String value = request.parameter(name);
        return value == null || value.isBlank() || value.length() > PageId.MAX_LENGTH ? null : value;
    }

    /** This frame with the known pages' addresses suggested in its address fields. */
    Frame withKnownPages(ConsoleContext ctx) {
        List<String> pages = ctx.knownPages().stream().limit(MAX_SUGGESTIONS).map(PageId::value).toList();
        return new Frame(m, title, base, css, js, nav, who, notices, csrf, intranet, pages, zone);
    }

    /** This frame with the notice that the store is down since {@code since}. */
    Frame storeDown(ConsoleContext ctx, Instant since) {
        String at = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(m.locale()).withZone(ctx.zone())
                .format(since);
        return with(new Notice(m.get("console.storeDown", at), true, true));
    }

    /** This frame with {@code error} shown first. */
    Frame withError(String error) {
        return with(new Notice(error, true, false));
    }

    /** The latest notice goes first. */
    private Frame with(Notice notice) {
        List<Notice> all = new ArrayList<>();
        all.add(notice);
        all.addAll(notices);
        return new Frame(m, title, base, css, js, nav, who, List.copyOf(all), csrf, intranet, known, zone);
    }

    String lang() {
        return m.locale().getLanguage();
    }

    String tokenField() {
        return Guard.TOKEN_FIELD;
    }
}
