package org.coquille.internal.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.coquille.core.Messages;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;

/**
 * URL patterns: those saved in the console (editable) over those of the pages file (shown, read-only).
 */
final class PatternEditor {

    /** The list ({@code console/patterns.jte}): those saved in the console, those of the pages file. */
    record Patterns(Frame f, List<Row> console, List<Row> file) { }

    /**
     * A pattern, the widgets it turns on (in words), how many known pages it covers (in words), and its settings in
     * words; {@code confirm} is the question asked before deleting it.
     */
    record Row(String pattern, String widgets, String pages, String options, String confirm) { }

    /** One pattern's form ({@code console/pattern.jte}); {@code covers} says how many known pages it covers, or null. */
    record Pattern(Frame f, String pattern, SettingsForm settings, String covers) { }

    private static final PageId ANY = PageId.of("/");

    private final ConsoleContext ctx;

    PatternEditor(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    HttpResponse list(HttpRequest request, User editor) {
        Messages m = Messages.forLocale(request.locale());
        Set<PageId> known = ctx.knownPages();
        return ConsolePages.render("console/patterns.jte", new Patterns(
                Frame.of(ctx, request, editor, "patterns", m.get("console.patterns.title")),
                rows(m, ctx.store().settings().patternRules(), known), rows(m, ctx.pages().fileRules().rules(), known)), 200);
    }

    private static List<Row> rows(Messages m, List<PatternRule> rules, Set<PageId> known) {
        return rules.stream().map(r -> new Row(r.pattern(), SettingsFields.widgets(m, r.widgets()),
                m.get("console.patterns.covers", covered(r.pattern(), known)), SettingsWords.of(m, r.forPage(ANY)),
                m.get("console.confirm.pattern", r.pattern()))).toList();
    }

    /** How many of the {@code known} pages {@code pattern} matches (by their path, as the rules match them). */
    static long covered(String pattern, Set<PageId> known) {
        PatternRule rule = PatternRule.of(pattern, Set.of());
        return known.stream().map(p -> p.value().split("\\?", 2)[0]).filter(rule::matches).count();
    }

    HttpResponse show(HttpRequest request, User editor) {
        String pattern = request.parameter("p");
        PatternRule rule = pattern == null ? null : ctx.store().settings().patternRules().stream()
                .filter(r -> r.pattern().equals(pattern)).findFirst().orElse(null);
        return form(request, editor, pattern == null ? "" : pattern, rule == null ? PageSettings.off(ANY) : rule.forPage(ANY),
                null, 200);
    }

    HttpResponse save(HttpRequest request, User editor) {
        String typed = request.parameter("pattern") == null ? "" : request.parameter("pattern").strip();
        String pattern;
        PatternRule rule;
        try {
            pattern = ctx.addresses(request).pattern(typed);
            rule = PatternRule.from(pattern, SettingsFields.read(request, ANY,
                    LocalDate.now(ctx.clock().withZone(ctx.zone()))));
        } catch (RuleViolation e) {
            return form(request, editor, typed, PageSettings.off(ANY), e, e.kind().status());
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
        return ConsoleResponses.done(ctx.base(request) + "patterns?as=" + Urls.encode(pattern) + "&typed="
                + Urls.encode(typed), "savedAs");
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
        Frame frame = Frame.of(ctx, request, editor, "patterns", pattern.isEmpty() ? m.get("console.patterns.new") : pattern)
                .withKnownPages(ctx);
        SettingsForm settings = SettingsForm.of(m, "", current, ctx.positions());
        String covers = error != null || !PatternRule.isValid(pattern) ? null
                : m.get("console.patterns.coversNow", covered(pattern, ctx.knownPages()));
        return ConsolePages.render("console/pattern.jte", error == null ? new Pattern(frame, pattern, settings, covers)
                : new Pattern(frame.withError(error.message(m.locale())), pattern,
                        settings.keepTyped(request).keepTicked(request), null), status);
    }
}
