package org.coquille.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;


/**
 * Which widgets are on for URL patterns, read from a {@code coquille-pages.properties} file. A line is
 * {@code pattern = widgets [; option=value]...}, for example:
 * <pre>
 * /actualites/* = comments, vote, reactions ; vote=stars
 * /rh/conges.jsp = poll, comments ; moderation=pre ; position=after #contenu
 * *.pdf.html = off
 * </pre>
 * A pattern is an exact path, a prefix ending in {@code /*}, or a suffix starting with {@code *.}. The most
 * specific wins: exact, then the longest prefix, then the longest suffix. Settings saved for one page in
 * the store win over every pattern. Options: {@code vote=thumbs|stars}, {@code moderation=post|pre},
 * {@code locked=true|false}, {@code position=before|after|inside SELECTOR}.
 */
public final class PageRules {

    private record Rule(String pattern, int rank, PageSettingsTemplate template) { }

    private record PageSettingsTemplate(Set<Widget> widgets, Placement placement, VoteKind voteKind,
                                        Moderation moderation, boolean locked) {

        PageSettings forPage(PageId page) {
            return new PageSettings(page, widgets, placement, voteKind, moderation, locked);
        }
    }

    private final List<Rule> rules;

    private PageRules(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(Rule::rank).reversed());
        this.rules = List.copyOf(sorted);
    }

    public static PageRules none() {
        return new PageRules(List.of());
    }

    /** Reads rules from properties text (UTF-8). A bad line fails with its pattern and what is allowed. */
    public static PageRules read(InputStream in, String source) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        List<Rule> rules = new ArrayList<>();
        for (String pattern : properties.stringPropertyNames()) {
            rules.add(parse(pattern.strip(), properties.getProperty(pattern), source));
        }
        return new PageRules(rules);
    }

    /** The settings the rules give {@code page} (its path, without the query), or {@code null} if no rule matches. */
    public PageSettings match(PageId page) {
        String path = page.value();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        for (Rule rule : rules) {
            if (matches(rule.pattern(), path)) {
                return rule.template().forPage(page);
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        }
        if (pattern.startsWith("*.")) {
            return path.endsWith(pattern.substring(1));
        }
        return path.equals(pattern);
    }

    private static Rule parse(String pattern, String value, String source) {
        int rank;
        if (pattern.endsWith("/*")) {
            rank = 1_000 + pattern.length();
        } else if (pattern.startsWith("*.")) {
            rank = pattern.length();
        } else if (pattern.startsWith("/") && !pattern.contains("*")) {
            rank = 1_000_000;
        } else {
            throw new IllegalArgumentException(source + ": pattern '" + pattern
                    + "' is not an exact path (/a/b.jsp), a prefix (/a/*) or a suffix (*.jsp)");
        }
        String[] parts = value.split(";");
        Set<Widget> widgets = EnumSet.noneOf(Widget.class);
        for (String name : parts[0].split(",")) {
            String w = name.strip().toUpperCase(Locale.ROOT);
            if (w.isEmpty() || w.equals("OFF")) {
                continue;
            }
            try {
                widgets.add(Widget.valueOf(w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": pattern '" + pattern + "' names widget '" + name.strip()
                        + "'; widgets are comments, vote, poll, reactions, ideas, date_poll (or off)", e);
            }
        }
        Placement placement = Placement.DEFAULT;
        VoteKind vote = VoteKind.THUMBS;
        Moderation moderation = Moderation.POST;
        boolean locked = false;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].strip();
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq).strip();
            String val = eq < 0 ? "" : option.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "vote" -> vote = VoteKind.valueOf(val.toUpperCase(Locale.ROOT));
                    case "moderation" -> moderation = Moderation.valueOf(val.toUpperCase(Locale.ROOT));
                    case "locked" -> locked = Boolean.parseBoolean(val);
                    case "position" -> placement = placement(val);
                    default -> throw new IllegalArgumentException("unknown option");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": pattern '" + pattern + "' has option '" + option
                        + "'; options are vote=thumbs|stars, moderation=post|pre, locked=true|false,"
                        + " position=before|after|inside SELECTOR", e);
            }
        }
        return new Rule(pattern, rank, new PageSettingsTemplate(widgets, placement, vote, moderation, locked));
    }

    private static Placement placement(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            if (value.equals("default")) {
                return Placement.DEFAULT;
            }
            throw new IllegalArgumentException("position needs a CSS selector");
        }
        String selector = value.substring(space + 1).strip();
        return switch (value.substring(0, space)) {
            case "before" -> Placement.before(selector);
            case "after" -> Placement.after(selector);
            case "inside" -> Placement.inside(selector);
            default -> throw new IllegalArgumentException("position is before, after or inside");
        };
    }
}
