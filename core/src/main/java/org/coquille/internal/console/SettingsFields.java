package org.coquille.internal.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.coquille.core.Messages;
import org.coquille.core.Moderation;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.inject.Placement;
import org.coquille.core.RuleViolation;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.http.HttpRequest;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** The fields that say what Coquille does on a page or a URL pattern: read from a form, written into one, described. */
final class SettingsFields {

    private SettingsFields() {
    }

    /**
     * The settings a posted form gives {@code page}, an objective set {@code today}; a bad field is a
     * {@link RuleViolation} naming it.
     */
    static PageSettings read(HttpRequest request, PageId page, LocalDate today) {
        Set<Widget> widgets = EnumSet.noneOf(Widget.class);
        for (String name : request.parameters("widget")) {
            widgets.add(parse(Widget.class, name, "widget"));
        }
        String anchor = value(request, "anchor", "default");
        String selector = value(request, "selector", "").strip();
        Placement placement;
        if (anchor.equals("default")) {
            placement = Placement.DEFAULT;
        } else {
            if (selector.isEmpty()) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.selectorMissing");
            }
            checkSelector(selector);
            placement = new Placement(parse(Placement.Anchor.class, anchor, "anchor"), selector);
        }
        return new PageSettings(page, widgets, placement, parse(VoteKind.class, value(request, "vote", "thumbs"), "vote"),
                parse(Moderation.class, value(request, "moderation", "post"), "moderation"),
                request.parameter("locked") != null, Objective.parse(request.parameter("objective"),
                request.parameter("objectiveText"), request.parameter("target"), request.parameter("endDate"), today));
    }

    /** Fails with a message when {@code selector} is not a CSS selector jsoup can use, or is too long. */
    static void checkSelector(String selector) {
        if (selector.length() > 1000) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.selectorTooLong", selector.length(), 1000);
        }
        try {
            QueryParser.parse(selector);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.selector", selector);
        }
    }

    private static String value(HttpRequest request, String name, String fallback) {
        String value = request.parameter(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "console.error.field", field, value);
        }
    }

    /** Writes the fields into {@code form}, showing {@code current}. */
    static void write(ConsoleHtml html, Element form, PageSettings current) {
        Messages m = html.m;
        Element widgets = form.appendElement("fieldset").addClass("coq-fieldset");
        widgets.appendElement("legend").text(m.get("console.field.widgets"));
        Element choices = widgets.appendElement("div").addClass("coq-switches");
        for (Widget widget : Widget.values()) {
            String id = "coq-w-" + lower(widget);
            Element label = choices.appendElement("label").attr("for", id).addClass("coq-switch");
            Element box = label.appendElement("input").attr("type", "checkbox").id(id).attr("name", "widget")
                    .attr("value", lower(widget));
            if (current.isOn(widget)) {
                box.attr("checked", true);
            }
            label.appendElement("span").text(capitalised(m, m.get("widget." + lower(widget))));
        }
        Element where = form.appendElement("fieldset").addClass("coq-fieldset");
        where.appendElement("legend").text(m.get("console.field.position"));
        Element anchorRow = html.field(where, "coq-anchor", m.get("console.field.anchor"), null);
        ConsoleHtml.select(anchorRow, "coq-anchor", "anchor", lower(current.placement().anchor()).replace("body_end", "default"),
                List.of(Map.entry("default", m.get("console.anchor.default")), Map.entry("before", m.get("console.anchor.before")),
                        Map.entry("after", m.get("console.anchor.after")), Map.entry("inside", m.get("console.anchor.inside"))));
        Element selectorRow = html.field(where, "coq-selector", m.get("console.field.selector"), m.get("console.hint.selector"));
        ConsoleHtml.input(selectorRow, "text", "coq-selector", "selector", current.placement().selector())
                .attr("spellcheck", "false").attr("autocomplete", "off");
        Element options = form.appendElement("fieldset").addClass("coq-fieldset");
        options.appendElement("legend").text(m.get("console.field.options"));
        ConsoleHtml.select(html.field(options, "coq-vote", m.get("console.field.vote"), null), "coq-vote", "vote",
                lower(current.voteKind()), List.of(Map.entry("thumbs", m.get("console.vote.thumbs")),
                        Map.entry("stars", m.get("console.vote.stars"))));
        ConsoleHtml.select(html.field(options, "coq-moderation", m.get("console.field.moderation"), null), "coq-moderation",
                "moderation", lower(current.moderation()), List.of(Map.entry("post", m.get("console.moderation.post")),
                        Map.entry("pre", m.get("console.moderation.pre"))));
        Element lock = options.appendElement("div").addClass("coq-field coq-check");
        Element box = lock.appendElement("input").attr("type", "checkbox").id("coq-locked").attr("name", "locked")
                .attr("value", "true");
        if (current.commentsLocked()) {
            box.attr("checked", true);
        }
        lock.appendElement("label").attr("for", "coq-locked").text(m.get("console.field.locked"));
        writeObjective(html, form, current);
    }

    /**
     * The objective's fields: what the widgets are for, a description, a target and an end date. When widgets
     * are on without an objective, a note asks for one (optional, but the report is built on it).
     */
    private static void writeObjective(ConsoleHtml html, Element form, PageSettings current) {
        Messages m = html.m;
        Objective objective = current.objective();
        Element set = form.appendElement("fieldset").addClass("coq-fieldset").id("coq-objective-set");
        set.appendElement("legend").text(m.get("console.field.objective"));
        set.appendElement("p").addClass("coq-hint").text(m.get("console.hint.objective"));
        if (current.anyOn() && objective == null) {
            set.appendElement("p").addClass("coq-prompt").id("coq-objective-prompt").attr("role", "note")
                    .text(m.get("console.objective.prompt"));
        }
        List<Map.Entry<String, String>> purposes = new ArrayList<>();
        purposes.add(Map.entry("", m.get("console.objective.none")));
        for (Objective.Purpose p : Objective.Purpose.values()) {
            purposes.add(Map.entry(p.code(), m.get("objective.purpose." + p.code())));
        }
        Element purpose = ConsoleHtml.select(html.field(set, "coq-objective", m.get("console.field.purpose"), null),
                "coq-objective", "objective", objective == null ? "" : objective.purpose().code(), purposes);
        if (current.anyOn() && objective == null) {
            purpose.attr("aria-describedby", "coq-objective-prompt");
        }
        ConsoleHtml.input(html.field(set, "coq-objective-text", m.get("console.field.objectiveText"),
                        m.get("console.hint.objectiveText", Objective.MAX_TEXT_LENGTH)), "text", "coq-objective-text",
                "objectiveText", objective == null ? null : objective.text())
                .attr("maxlength", String.valueOf(Objective.MAX_TEXT_LENGTH));
        ConsoleHtml.input(html.field(set, "coq-target", m.get("console.field.target"), m.get("console.hint.target")),
                        "number", "coq-target", "target",
                        objective == null || objective.target() == null ? null : String.valueOf(objective.target()))
                .attr("min", "1").attr("max", String.valueOf(Objective.MAX_TARGET)).attr("inputmode", "numeric");
        ConsoleHtml.input(html.field(set, "coq-end", m.get("console.field.endDate"), m.get("console.hint.endDate")),
                "date", "coq-end", "endDate",
                objective == null || objective.endDate() == null ? null : objective.endDate().toString());
        if (objective != null) {
            set.appendElement("p").addClass("coq-hint").id("coq-objective-since")
                    .text(m.get("console.objective.since", objective.since().toString()));
        }
    }

    /** The widgets that are on, in the reader's language, or a dash. */
    static String widgets(Messages m, Set<Widget> widgets) {
        if (widgets.isEmpty()) {
            return m.get("console.none");
        }
        List<String> names = new ArrayList<>();
        for (Widget w : Widget.values()) {
            if (widgets.contains(w)) {
                names.add(names.isEmpty() ? capitalised(m, m.get("widget." + lower(w))) : m.get("widget." + lower(w)));
            }
        }
        return String.join(", ", names);
    }

    private static String capitalised(Messages m, String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(m.locale()) + text.substring(1);
    }

    /** The settings in the pages file's syntax, for the audit trail: {@code comments, vote ; vote=stars ; ...}. */
    static String describe(PageSettings s) {
        String widgets = s.widgets().isEmpty() ? "off"
                : s.widgets().stream().sorted().map(SettingsFields::lower).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder(widgets);
        out.append(" ; vote=").append(lower(s.voteKind())).append(" ; moderation=").append(lower(s.moderation()));
        if (s.commentsLocked()) {
            out.append(" ; locked=true");
        }
        out.append(" ; position=").append(position(s.placement()));
        if (s.objective() != null) {
            out.append(" ; objective=").append(s.objective().describe());
        }
        return out.toString();
    }

    /** A placement as the pages file writes it: {@code default} or {@code after #content}. */
    static String position(Placement p) {
        return p.isDefault() ? "default" : lower(p.anchor()) + " " + p.selector();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
