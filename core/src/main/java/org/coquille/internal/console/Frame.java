package org.coquille.internal.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

import org.coquille.core.Messages;
import org.coquille.core.User;
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
 * @param zone    the installation's time zone in words, said next to every time field
 */
record Frame(Messages m, String title, String base, String css, String js, List<Link> nav, String who,
             List<Notice> notices, String csrf, String zone) {

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
            nav.add(new Link(base + s[0], m.get(s[1]), s[0].equals(section)));
        }
        // the usage report lives beside the console, at ../report/
        nav.add(new Link(request.contextPath() + ctx.prefix() + "report/", m.get("console.nav.report"), false));
        nav.add(new Link(request.contextPath() + ctx.prefix() + "report/user", m.get("console.nav.personalData"), false));
        Frame frame = new Frame(m, title, base, ctx.asset(request, "console.css"), ctx.asset(request, "console.js"),
                List.copyOf(nav), m.get("console.signedIn", editor.id()), List.of(), ctx.guard().token("u:" + editor.id()),
                ctx.zoneName(m));
        if (ctx.utcByDefault() && TIMED.contains(section)) {
            frame = frame.with(new Notice(m.get("console.zone.utc", "coquille.timeZone"), false, false, true));
        }
        Instant down = ctx.health().downSince();
        if (down != null) {
            frame = frame.storeDown(ctx, down);
        }
        String done = request.parameter("done");
        if (done != null && done.matches("[a-zA-Z.]{1,60}") && !m.get("console.done." + done).startsWith("console.")) {
            frame = frame.with(new Notice(m.get("console.done." + done), false, false));
        }
        return frame;
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
        return new Frame(m, title, base, css, js, nav, who, List.copyOf(all), csrf, zone);
    }

    String lang() {
        return m.locale().getLanguage();
    }

    String tokenField() {
        return Guard.TOKEN_FIELD;
    }
}
