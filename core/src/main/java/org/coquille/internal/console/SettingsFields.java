package org.coquille.internal.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * The fields that say what Coquille does on a page or a URL pattern: read from a posted form, described in words and
 * in the pages file's syntax. {@link SettingsForm} shows them.
 */
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
        if (anchor.contains(" ")) {
            // a named position: its anchor and selector in one value
            selector = anchor.substring(anchor.indexOf(' ') + 1).strip();
            anchor = anchor.substring(0, anchor.indexOf(' '));
        }
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

    /** {@code typed} with its objective, if any, continuing {@code before} (see {@link Objective#continuing}). */
    static PageSettings continuing(PageSettings typed, Objective before) {
        return typed.objective() == null ? typed : typed.withObjective(typed.objective().continuing(before));
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

    static String capitalised(Messages m, String text) {
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
