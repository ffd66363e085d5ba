package org.coquille.internal.console;

import java.time.LocalDate;
import java.util.List;

import org.coquille.core.CataloguedPage;
import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.social.Pages;
import org.coquille.core.Poll;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
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

    HttpResponse show(HttpRequest request, User editor) {
        return render(request, editor, Urls.page(request.parameter("id")), null, 200);
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
