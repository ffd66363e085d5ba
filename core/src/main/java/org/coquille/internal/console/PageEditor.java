package org.coquille.internal.console;

import java.time.LocalDate;

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
import org.jsoup.nodes.Element;

/** One page: where its settings come from, the form that sets them for this page alone, and its polls. */
final class PageEditor {

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
        if (settings.objective() != null) {
            settings = settings.withObjective(settings.objective().continuing(before.settings().objective()));
        }
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
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "pages",
                title == null ? page.value() : title);
        if (error != null) {
            html.notice(error.message(m.locale()), true);
        }
        Element main = html.main();
        Element facts = main.appendElement("dl").addClass("coq-facts");
        facts.appendElement("dt").text(m.get("console.pages.col.page"));
        facts.appendElement("dd").appendElement("a").attr("href", PageLinks.href(request.contextPath(), page.value())).text(page.value());
        Pages.Resolution resolution = ctx.pages().resolve(page);
        facts.appendElement("dt").text(m.get("console.page.from"));
        facts.appendElement("dd").text(Sources.label(m, resolution));
        facts.appendElement("dt").text(m.get("console.pages.col.widgets"));
        facts.appendElement("dd").text(SettingsFields.widgets(m, resolution.settings().widgets()));

        Element section = main.appendElement("section").attr("aria-labelledby", "coq-own");
        section.appendElement("h2").id("coq-own").text(m.get("console.page.own"));
        section.appendElement("p").addClass("coq-hint").text(m.get("console.page.ownHint"));
        Element form = html.form(section, "page").addClass("coq-settings");
        ConsoleHtml.hidden(form, "id", page.value());
        SettingsFields.write(html, form, resolution.settings());
        if (error != null) {
            keepTyped(form, request);
        }
        form.appendElement("div").addClass("coq-actions").appendElement("button").attr("type", "submit")
                .addClass("coq-primary").text(m.get("console.page.save"));
        if (resolution.source() == Pages.Source.PAGE) {
            html.button(section, "page/reset", m.get("console.page.reset"), "coq-secondary", "id", page.value());
        }

        Element polls = main.appendElement("section").attr("aria-labelledby", "coq-polls");
        polls.appendElement("h2").id("coq-polls").text(m.get("console.nav.polls"));
        var list = ctx.store().polls().polls(page);
        if (list.isEmpty()) {
            polls.appendElement("p").addClass("coq-empty").text(m.get("console.polls.none"));
        } else {
            Element ul = polls.appendElement("ul");
            for (Poll poll : list) {
                ul.appendElement("li").appendElement("a").attr("href", html.base + "poll?id=" + poll.id()).text(poll.question());
            }
        }
        polls.appendElement("p").appendElement("a").addClass("coq-button")
                .attr("href", html.base + "poll?page=" + Urls.encode(page.value())).text(m.get("console.polls.new"));
        return html.response(status);
    }

    /** Puts what the editor typed for the position and the objective back into the form shown with an error. */
    static void keepTyped(Element form, HttpRequest request) {
        for (String[] field : new String[][] {{"#coq-objective-text", "objectiveText"}, {"#coq-target", "target"},
            {"#coq-end", "endDate"}}) {
            Element input = form.selectFirst(field[0]);
            String typed = request.parameter(field[1]);
            if (input != null && typed != null) {
                input.attr("value", typed);
            }
        }
        keepChosen(form, "#coq-objective option", request.parameter("objective"));
        Element selector = form.selectFirst("#coq-selector");
        if (selector != null && request.parameter("selector") != null) {
            selector.attr("value", request.parameter("selector"));
        }
        keepChosen(form, "#coq-anchor option", request.parameter("anchor"));
    }

    private static void keepChosen(Element form, String options, String chosen) {
        if (chosen != null) {
            form.select(options).forEach(o -> {
                o.removeAttr("selected");
                if (o.attr("value").equals(chosen)) {
                    o.attr("selected", true);
                }
            });
        }
    }
}
