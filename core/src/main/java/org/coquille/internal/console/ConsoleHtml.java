package org.coquille.internal.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import org.coquille.core.Messages;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.internal.web.Guard;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One console page, built with jsoup's DOM so that every text and attribute is escaped: the layout
 * (navigation, heading, notices) and small helpers for the elements every section uses.
 */
final class ConsoleHtml {

    /** The console's sections, in navigation order: path and message key. */
    private static final List<Map.Entry<String, String>> NAV = List.of(
            Map.entry("pages", "console.nav.pages"), Map.entry("patterns", "console.nav.patterns"),
            Map.entry("polls", "console.nav.polls"), Map.entry("datepolls", "console.nav.datePolls"),
            Map.entry("moderation", "console.nav.moderation"),
            Map.entry("settings", "console.nav.settings"));

    final Messages m;
    final String base;
    private final Document doc;
    private final Element main;
    private final String csrf;

    ConsoleHtml(ConsoleContext ctx, HttpRequest request, User editor, String section, String title) {
        this.m = Messages.forLocale(request.locale());
        this.base = ctx.base(request);
        this.csrf = ctx.guard().token("u:" + editor.id());
        this.doc = Document.createShell("");
        // not pretty-printed: text areas give back exactly what the editor typed
        doc.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        doc.selectFirst("html").attr("lang", m.locale().getLanguage());
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title + " — " + m.get("console.title"));
        head.appendElement("link").attr("rel", "stylesheet").attr("href", ctx.asset(request, "console.css"));
        head.appendElement("script").attr("src", ctx.asset(request, "console.js")).attr("defer", true);
        Element body = doc.body().addClass("coq-console");
        body.appendElement("a").addClass("coq-skip").attr("href", "#coq-main").text(m.get("console.skip"));
        Element header = body.appendElement("header").addClass("coq-bar");
        header.appendElement("a").addClass("coq-brand").attr("href", base + "pages").text(m.get("console.title"));
        Element list = header.appendElement("nav").attr("aria-label", m.get("console.nav.label")).appendElement("ul");
        for (Map.Entry<String, String> item : NAV) {
            Element a = list.appendElement("li").appendElement("a").attr("href", base + item.getKey())
                    .text(m.get(item.getValue()));
            if (item.getKey().equals(section)) {
                a.attr("aria-current", "page");
            }
        }
        // the usage report lives beside the console, at ../report/
        list.appendElement("li").appendElement("a").attr("href", request.contextPath() + ctx.prefix() + "report/")
                .text(m.get("console.nav.report"));
        header.appendElement("span").addClass("coq-who").text(m.get("console.signedIn", editor.id()));
        this.main = body.appendElement("main").id("coq-main").attr("tabindex", "-1");
        main.appendElement("h1").text(title);
        Instant down = ctx.health().downSince();
        if (down != null) {
            storeDownNotice(ctx, down);
        }
        String done = request.parameter("done");
        if (done != null && done.matches("[a-zA-Z.]{1,60}") && !m.get("console.done." + done).startsWith("console.")) {
            notice(m.get("console.done." + done), false);
        }
    }

    Element main() {
        return main;
    }

    /** The page an editor gets when the store is down: the console's frame with the notice, as a 503. */
    static HttpResponse storeDown(ConsoleContext ctx, HttpRequest request, User editor, Instant since) {
        Messages m = Messages.forLocale(request.locale());
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "", m.get("console.storeDown.title"));
        if (ctx.health().downSince() == null) {
            html.storeDownNotice(ctx, since);
        }
        return html.response(503).withHeader("Retry-After", "5");
    }

    private void storeDownNotice(ConsoleContext ctx, Instant since) {
        String at = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(m.locale()).withZone(ctx.zone())
                .format(since);
        notice(m.get("console.storeDown", at), true).addClass("coq-store-down");
    }

    /** A notice at the top of the page: an error ({@code role=alert}) or a confirmation. */
    Element notice(String text, boolean error) {
        Element p = main.appendElement("p").addClass(error ? "coq-notice coq-error" : "coq-notice")
                .attr("role", error ? "alert" : "status").text(text);
        main.child(0).after(p);
        return p;
    }

    /** A form posting to {@code action} (relative to the console) with the CSRF token. */
    Element form(Element parent, String action) {
        Element form = parent.appendElement("form").attr("method", "post").attr("action", base + action)
                .attr("accept-charset", "UTF-8");
        hidden(form, Guard.TOKEN_FIELD, csrf);
        return form;
    }

    /** A one-button form: posts {@code fields} (name, value pairs) to {@code action}. */
    Element button(Element parent, String action, String label, String cssClass, String... fields) {
        Element form = form(parent, action).addClass("coq-inline");
        for (int i = 0; i < fields.length; i += 2) {
            hidden(form, fields[i], fields[i + 1]);
        }
        form.appendElement("button").attr("type", "submit").addClass(cssClass).text(label);
        return form;
    }

    static void hidden(Element form, String name, String value) {
        form.appendElement("input").attr("type", "hidden").attr("name", name).attr("value", value);
    }

    /** A labelled control in a field row: the label's {@code for} names the control's id. */
    Element field(Element parent, String id, String label, String hint) {
        Element row = parent.appendElement("div").addClass("coq-field");
        row.appendElement("label").attr("for", id).text(label);
        if (hint != null) {
            row.appendElement("p").addClass("coq-hint").id(id + "-hint").text(hint);
        }
        return row;
    }

    static Element input(Element row, String type, String id, String name, String value) {
        Element input = row.appendElement("input").attr("type", type).id(id).attr("name", name);
        if (value != null) {
            input.attr("value", value);
        }
        if (row.selectFirst("#" + id + "-hint") != null) {
            input.attr("aria-describedby", id + "-hint");
        }
        return input;
    }

    static Element select(Element row, String id, String name, String selected, List<Map.Entry<String, String>> options) {
        Element select = row.appendElement("select").id(id).attr("name", name);
        for (Map.Entry<String, String> option : options) {
            Element o = select.appendElement("option").attr("value", option.getKey()).text(option.getValue());
            if (option.getKey().equals(selected)) {
                o.attr("selected", true);
            }
        }
        return select;
    }

    /** A table with a caption and column headers; returns its body. */
    static Element table(Element parent, String caption, String... headers) {
        Element table = parent.appendElement("div").addClass("coq-table-wrap").appendElement("table").addClass("coq-table");
        table.appendElement("caption").text(caption);
        Element row = table.appendElement("thead").appendElement("tr");
        for (String header : headers) {
            row.appendElement("th").attr("scope", "col").text(header);
        }
        return table.appendElement("tbody");
    }

    HttpResponse response(int status) {
        byte[] body = ("<!DOCTYPE html>\n" + doc.outerHtml()).getBytes(StandardCharsets.UTF_8);
        return ConsoleResponses.html(status, body);
    }
}
