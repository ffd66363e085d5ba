package org.coquille.internal.console;

import java.time.LocalDate;
import java.util.List;

import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.jsoup.nodes.Element;

/** URL patterns: those saved in the console (editable) over those of the pages file (shown, read-only). */
final class PatternEditor {

    private static final PageId ANY = PageId.of("/");

    private final ConsoleContext ctx;

    PatternEditor(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    HttpResponse list(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "patterns", m.get("console.patterns.title"));
        Element main = html.main();
        main.appendElement("p").addClass("coq-lead").text(m.get("console.patterns.lead"));
        main.appendElement("p").appendElement("a").addClass("coq-button").attr("href", html.base + "pattern")
                .text(m.get("console.patterns.new"));
        List<PatternRule> stored = ctx.store().settings().patternRules();
        if (stored.isEmpty()) {
            main.appendElement("p").addClass("coq-empty").text(m.get("console.patterns.none"));
        } else {
            Element body = ConsoleHtml.table(main, m.get("console.patterns.console"), m.get("console.patterns.col.pattern"),
                    m.get("console.pages.col.widgets"), m.get("console.patterns.col.options"), m.get("console.col.actions"));
            for (PatternRule rule : stored) {
                Element tr = body.appendElement("tr");
                tr.appendElement("td").addClass("coq-url").appendElement("a")
                        .attr("href", html.base + "pattern?p=" + Urls.encode(rule.pattern())).text(rule.pattern());
                tr.appendElement("td").text(SettingsFields.widgets(m, rule.widgets()));
                tr.appendElement("td").addClass("coq-code").text(SettingsFields.describe(rule.forPage(ANY)));
                html.button(tr.appendElement("td"), "pattern/delete", m.get("console.delete"), "coq-danger",
                        "pattern", rule.pattern());
            }
        }
        List<PatternRule> file = ctx.pages().fileRules().rules();
        Element section = main.appendElement("section").attr("aria-labelledby", "coq-file");
        section.appendElement("h2").id("coq-file").text(m.get("console.patterns.file"));
        section.appendElement("p").addClass("coq-hint").text(m.get("console.patterns.fileHint"));
        if (file.isEmpty()) {
            section.appendElement("p").addClass("coq-empty").text(m.get("console.patterns.none"));
        } else {
            Element body = ConsoleHtml.table(section, m.get("console.patterns.file"), m.get("console.patterns.col.pattern"),
                    m.get("console.pages.col.widgets"), m.get("console.patterns.col.options"));
            for (PatternRule rule : file) {
                Element tr = body.appendElement("tr");
                tr.appendElement("td").addClass("coq-url").text(rule.pattern());
                tr.appendElement("td").text(SettingsFields.widgets(m, rule.widgets()));
                tr.appendElement("td").addClass("coq-code").text(SettingsFields.describe(rule.forPage(ANY)));
            }
        }
        return html.response(200);
    }

    HttpResponse show(HttpRequest request, User editor) {
        String pattern = request.parameter("p");
        PatternRule rule = pattern == null ? null : ctx.store().settings().patternRules().stream()
                .filter(r -> r.pattern().equals(pattern)).findFirst().orElse(null);
        return form(request, editor, pattern == null ? "" : pattern, rule == null ? PageSettings.off(ANY) : rule.forPage(ANY),
                null, 200);
    }

    HttpResponse save(HttpRequest request, User editor) {
        String pattern = request.parameter("pattern") == null ? "" : request.parameter("pattern").strip();
        PatternRule rule;
        try {
            if (!PatternRule.isValid(pattern)) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.pattern", pattern);
            }
            rule = PatternRule.from(pattern, SettingsFields.read(request, ANY,
                    LocalDate.now(ctx.clock().withZone(ctx.zone()))));
        } catch (RuleViolation e) {
            return form(request, editor, pattern, PageSettings.off(ANY), e, e.kind().status());
        }
        PatternRule before = ctx.store().settings().patternRules().stream().filter(r -> r.pattern().equals(pattern)).findFirst()
                .orElse(null);
        if (rule.objective() != null) {
            rule = PatternRule.from(pattern, rule.forPage(ANY).withObjective(
                    rule.objective().continuing(before == null ? null : before.objective())));
        }
        ctx.store().settings().savePatternRule(rule);
        ctx.audit(editor, "pattern.save", pattern, before == null ? null : SettingsFields.describe(before.forPage(ANY)),
                SettingsFields.describe(rule.forPage(ANY)));
        return ConsoleResponses.done(ctx.base(request) + "patterns", "saved");
    }

    HttpResponse delete(HttpRequest request, User editor) {
        String pattern = request.parameter("pattern") == null ? "" : request.parameter("pattern");
        PatternRule before = ctx.store().settings().patternRules().stream().filter(r -> r.pattern().equals(pattern)).findFirst()
                .orElse(null);
        if (before != null && ctx.store().settings().deletePatternRule(pattern)) {
            ctx.audit(editor, "pattern.delete", pattern, SettingsFields.describe(before.forPage(ANY)), null);
        }
        return ConsoleResponses.done(ctx.base(request) + "patterns", "deleted");
    }

    private HttpResponse form(HttpRequest request, User editor, String pattern, PageSettings current, RuleViolation error,
                              int status) {
        Messages m = Messages.forLocale(request.locale());
        ConsoleHtml html = new ConsoleHtml(ctx, request, editor, "patterns",
                pattern.isEmpty() ? m.get("console.patterns.new") : pattern);
        if (error != null) {
            html.notice(error.message(m.locale()), true);
        }
        Element form = html.form(html.main(), "pattern").addClass("coq-settings");
        Element row = html.field(form, "coq-pattern", m.get("console.patterns.col.pattern"), m.get("console.hint.pattern"));
        ConsoleHtml.input(row, "text", "coq-pattern", "pattern", pattern).attr("required", true).attr("spellcheck", "false");
        SettingsFields.write(html, form, current);
        if (error != null) {
            PageEditor.keepTyped(form, request);
            request.parameters("widget").stream().filter(w -> w.matches("[a-z]{1,20}"))
                    .forEach(w -> form.select("input[name=widget][value=" + w + "]").forEach(e -> e.attr("checked", true)));
        }
        form.appendElement("div").addClass("coq-actions").appendElement("button").attr("type", "submit")
                .addClass("coq-primary").text(m.get("console.page.save"));
        return html.response(status);
    }
}
