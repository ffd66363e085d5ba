package org.coquille.internal.console;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.coquille.core.Messages;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.inject.Placement;

/**
 * A page's or a pattern's settings said in the editor's language ("Comments, reactions · Vote: Thumbs up or down ·
 * ..."), where the pages file's syntax ({@code vote=thumbs ; moderation=post}) would be technical: in the patterns list
 * and in the audit trail, whose entries keep that syntax.
 */
final class SettingsWords {

    private static final String SEPARATOR = " · ";

    private SettingsWords() {
    }

    /** {@code s} in words: its widgets, then each option. */
    static String of(Messages m, PageSettings s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.widgets().isEmpty() ? m.get("console.words.off") : SettingsFields.widgets(m, s.widgets()));
        parts.add(m.get("console.words.vote", m.get("console.vote." + SettingsFields.lower(s.voteKind()))));
        parts.add(m.get("console.words.moderation", m.get("console.moderation." + SettingsFields.lower(s.moderation()))));
        if (s.commentsLocked()) {
            parts.add(m.get("console.words.locked"));
        }
        parts.add(m.get("console.words.position", position(m, s.placement())));
        if (s.objective() != null) {
            parts.add(m.get("console.words.objective", m.get("objective.purpose." + s.objective().purpose().code())));
        }
        return String.join(SEPARATOR, parts);
    }

    /**
     * A description in the pages file's syntax ({@link SettingsFields#describe}, as the audit trail keeps it) in words,
     * part by part; a part it does not know stays as written.
     */
    static String ofDescription(Messages m, String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String[] pieces = description.split(" ; ");
        parts.add(widgets(m, pieces[0]));
        for (int i = 1; i < pieces.length; i++) {
            parts.add(option(m, pieces[i]));
        }
        return String.join(SEPARATOR, parts);
    }

    private static String widgets(Messages m, String names) {
        if (names.strip().equals("off")) {
            return m.get("console.words.off");
        }
        Set<Widget> widgets = EnumSet.noneOf(Widget.class);
        for (String name : names.split(",")) {
            try {
                widgets.add(Widget.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return names;
            }
        }
        return SettingsFields.widgets(m, widgets);
    }

    private static String option(Messages m, String piece) {
        int eq = piece.indexOf('=');
        if (eq < 0) {
            return piece;
        }
        String key = piece.substring(0, eq).strip();
        String value = piece.substring(eq + 1).strip();
        String known = switch (key) {
            case "vote", "moderation" -> m.get("console." + key + "." + value);
            case "locked" -> value.equals("true") ? m.get("console.words.locked") : null;
            case "position" -> value.equals("default") ? m.get("console.anchor.default") : anchored(m, value);
            case "objective" -> value;
            default -> null;
        };
        if (known == null || known.startsWith("console.")) {
            return piece;
        }
        return switch (key) {
            case "vote" -> m.get("console.words.vote", known);
            case "moderation" -> m.get("console.words.moderation", known);
            case "position" -> m.get("console.words.position", known);
            case "objective" -> m.get("console.words.objective", known);
            default -> known;
        };
    }

    private static String position(Messages m, Placement p) {
        return p.isDefault() ? m.get("console.anchor.default")
                : m.get("console.anchor." + SettingsFields.lower(p.anchor())) + " " + p.selector();
    }

    private static String anchored(Messages m, String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String anchor = m.get("console.anchor." + value.substring(0, space));
        return anchor.startsWith("console.") ? null : anchor + " " + value.substring(space + 1).strip();
    }
}
