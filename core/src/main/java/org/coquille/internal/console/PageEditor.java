package org.coquille.internal.console;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coquille.core.CataloguedPage;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.social.Pages;
import org.coquille.core.Poll;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.internal.page.PageLinks;

/**
 * One page ({@code console/page.jte}): where its settings come from, the form that sets them for this page alone, and
 * its polls.
 */
final class PageEditor {

    /**
     * What the page shows.
     *
     * @param href    the page's address in the intranet
     * @param source  where its settings come from, in words
     * @param widgets the widgets on, in words
     * @param own     whether the page has settings of its own (which it can drop)
     */
    record View(Frame f, PageId page, String href, String source, String widgets, SettingsForm settings, boolean own,
                List<Poll> polls) { }

    private final ConsoleContext ctx;

    PageEditor(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The page's settings; a page the console did not know joins the catalogue now, so that it is listed. The console's
     * links give a page id exactly (whatever it holds, {@code //x} included); an address typed into {@code id} is read
     * as typed addresses are.
     */
    HttpResponse show(HttpRequest request, User editor) {
        String id = request.parameter("id") == null ? "" : request.parameter("id").strip();
        PageId page = id.startsWith("/") && id.length() <= PageId.MAX_LENGTH ? PageId.of(id) : ctx.addresses(request).page(id);
        if (ctx.store().catalogue().cataloguedPages().stream().noneMatch(p -> p.page().equals(page))) {
            ctx.catalogue(page);
        }
        return render(request, editor, page, null, 200);
    }

    HttpResponse save(HttpRequest request, User editor) {
        PageId page = Urls.page(request.parameter("id"));
        PageSettings settings;
        try {
            settings = SettingsFields.read(request, page, LocalDate.now(ctx.clock().withZone(ctx.zone())));
        } catch (RuleViolation e) {
            return render(request, editor, page, e, e.kind().status());
        }
        Pages.Resolution before = ctx.pages().resolve(page);
        settings = SettingsFields.continuing(settings, before.settings().objective());
        ctx.store().pages().saveSettings(settings);
        ctx.audit(editor, "page.settings", page.value(), before.source() == Pages.Source.PAGE
                ? SettingsFields.describe(before.settings()) : null, SettingsFields.describe(settings));
        return ConsoleResponses.done(ctx.base(request) + "page?id=" + Urls.encode(page.value()), "saved");
    }

    /**
     * Turns one widget on for the page, keeping every other setting it has now, and goes back to where the editor was
     * (the poll or date poll that needs it) with a notice saying so.
     */
    HttpResponse turnOn(HttpRequest request, User editor) {
        PageId page = Urls.page(request.parameter("id"));
        Widget widget = Arrays.stream(Widget.values()).filter(w -> SettingsFields.lower(w).equals(request.parameter("widget")))
                .findFirst().orElseThrow(() -> new RuleViolation(RuleViolation.Kind.INVALID, "console.error.field", "widget",
                        String.valueOf(request.parameter("widget"))));
        Pages.Resolution before = ctx.pages().resolve(page);
        if (!before.settings().widgets().contains(widget)) {
            Set<Widget> on = EnumSet.of(widget);
            on.addAll(before.settings().widgets());
            PageSettings after = before.settings().withWidgets(on);
            ctx.store().pages().saveSettings(after);
            ctx.audit(editor, "page.settings", page.value(), before.source() == Pages.Source.PAGE
                    ? SettingsFields.describe(before.settings()) : null, SettingsFields.describe(after));
        }
        String back = request.parameter("back");
        String to = back != null && back.matches("(poll|datepoll)\\?id=\\d{1,18}") ? back : "page?id=" + Urls.encode(page.value());
        return ConsoleResponses.done(ctx.base(request) + to + "&as=" + Urls.encode(page.value()) + "&widget="
                + SettingsFields.lower(widget), "widgetOn");
    }

    HttpResponse reset(HttpRequest request, User editor) {
        PageId page = Urls.page(request.parameter("id"));
        PageSettings before = ctx.store().pages().settings(page);
        if (ctx.store().settings().deleteSettings(page)) {
            ctx.audit(editor, "page.reset", page.value(), SettingsFields.describe(before), null);
        }
        return ConsoleResponses.done(ctx.base(request) + "page?id=" + Urls.encode(page.value()), "reset");
    }

    private HttpResponse render(HttpRequest request, User editor, PageId page, RuleViolation error, int status) {
        Messages m = Messages.forLocale(request.locale());
        String title = ctx.store().catalogue().cataloguedPages().stream().filter(p -> p.page().equals(page)).findFirst()
                .map(CataloguedPage::title).orElse(null);
        Frame frame = Frame.of(ctx, request, editor, "pages", title == null ? page.value() : title);
        Pages.Resolution resolution = ctx.pages().resolve(page);
        SettingsForm settings = SettingsForm.of(m, "", resolution.settings(), ctx.positions());
        return ConsolePages.render("console/page.jte", new View(error == null ? frame : frame.withError(error.message(m.locale())),
                page, PageLinks.href(request.contextPath(), page.value()), Sources.label(m, resolution),
                SettingsFields.widgets(m, resolution.settings().widgets()),
                error == null ? settings : settings.keepTyped(request), resolution.source() == Pages.Source.PAGE,
                ctx.store().polls().polls(page)), status);
    }
}
