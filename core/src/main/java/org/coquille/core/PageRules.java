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

import org.coquille.inject.Placement;


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

    private final List<PatternRule> rules;

    private PageRules(List<PatternRule> rules) {
        List<PatternRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(PatternRule::rank).reversed().thenComparing(PatternRule::pattern));
        this.rules = List.copyOf(sorted);
    }

    public static PageRules none() {
        return new PageRules(List.of());
    }

    /** Rules from {@code rules}; two rules for one pattern are an error. */
    public static PageRules of(List<PatternRule> rules) {
        Set<String> seen = new java.util.HashSet<>();
        for (PatternRule rule : rules) {
            if (!seen.add(rule.pattern())) {
                throw new IllegalArgumentException("Pattern '" + rule.pattern() + "' is given twice");
            }
        }
        return new PageRules(rules);
    }

    /** These rules with {@code overrides} added; an override replaces the rule for the same pattern. */
    public PageRules overriddenBy(List<PatternRule> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        java.util.Map<String, PatternRule> merged = new java.util.LinkedHashMap<>();
        rules.forEach(r -> merged.put(r.pattern(), r));
        overrides.forEach(r -> merged.put(r.pattern(), r));
        return new PageRules(new ArrayList<>(merged.values()));
    }

    /** The rules, most specific first. */
    public List<PatternRule> rules() {
        return rules;
    }

    /** Reads rules from properties text (UTF-8). A bad line fails with its pattern and what is allowed. */
    public static PageRules read(InputStream in, String source) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        List<PatternRule> rules = new ArrayList<>();
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
        for (PatternRule rule : rules) {
            if (rule.matches(path)) {
                return rule.forPage(page);
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static PatternRule parse(String pattern, String value, String source) {
        if (!PatternRule.isValid(pattern)) {
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
        return new PatternRule(pattern, widgets, placement, vote, moderation, locked);
    }

    /** A position as the pages file and the console write it: {@code default}, or {@code before|after|inside SELECTOR}. */
    public static Placement placement(String value) {
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
