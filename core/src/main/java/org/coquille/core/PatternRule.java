package org.coquille.core;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.coquille.inject.Placement;

/**
 * What Coquille does on every page whose path matches a URL pattern: an exact path ({@code /a/b.jsp}), a
 * prefix ({@code /a/*}) or a suffix ({@code *.jsp}). The most specific matching pattern wins: exact, then
 * the longest prefix, then the longest suffix.
 *
 * @param pattern        the URL pattern
 * @param widgets        the widgets that are on, possibly none (the pattern turns them off)
 * @param placement      where the widgets go
 * @param voteKind       the kind of page vote
 * @param moderation     whether comments wait for approval
 * @param commentsLocked whether comments are read-only
 * @param objective      what the widgets are for on the matching pages, or {@code null} when the editor has not said
 */
public record PatternRule(String pattern, Set<Widget> widgets, Placement placement, VoteKind voteKind,
                          Moderation moderation, boolean commentsLocked, Objective objective) {

    /** The longest pattern accepted, in characters. */
    public static final int MAX_LENGTH = PageId.MAX_LENGTH;

    public PatternRule {
        Objects.requireNonNull(pattern, "pattern");
        if (!isValid(pattern)) {
            throw new IllegalArgumentException("Pattern '" + pattern
                    + "' is not an exact path (/a/b.jsp), a prefix (/a/*) or a suffix (*.jsp)");
        }
        widgets = widgets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(widgets));
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(voteKind, "voteKind");
        Objects.requireNonNull(moderation, "moderation");
    }

    /** A rule without an objective. */
    public PatternRule(String pattern, Set<Widget> widgets, Placement placement, VoteKind voteKind,
                       Moderation moderation, boolean commentsLocked) {
        this(pattern, widgets, placement, voteKind, moderation, commentsLocked, null);
    }

    /** A pattern turning {@code widgets} on with every option at its default. */
    public static PatternRule of(String pattern, Set<Widget> widgets) {
        return new PatternRule(pattern, widgets, Placement.DEFAULT, VoteKind.THUMBS, Moderation.POST, false);
    }

    /** The same options as {@code settings}, for a pattern. */
    public static PatternRule from(String pattern, PageSettings settings) {
        return new PatternRule(pattern, settings.widgets(), settings.placement(), settings.voteKind(),
                settings.moderation(), settings.commentsLocked(), settings.objective());
    }

    /** Whether {@code pattern} is an exact path, a prefix ending {@code /*} or a suffix starting {@code *.}. */
    public static boolean isValid(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_LENGTH || !pattern.strip().equals(pattern)) {
            return false;
        }
        if (pattern.endsWith("/*")) {
            return pattern.startsWith("/") && pattern.indexOf('*') == pattern.length() - 1;
        }
        if (pattern.startsWith("*.")) {
            return pattern.length() > 2 && pattern.indexOf('*', 1) < 0 && pattern.indexOf('/') < 0;
        }
        return pattern.startsWith("/") && !pattern.contains("*");
    }

    /** How specific the pattern is: higher wins. */
    public int rank() {
        if (pattern.endsWith("/*")) {
            return 1_000 + pattern.length();
        }
        if (pattern.startsWith("*.")) {
            return pattern.length();
        }
        return 1_000_000;
    }

    /** Whether a page path (without its query) matches the pattern. */
    public boolean matches(String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        }
        if (pattern.startsWith("*.")) {
            return path.endsWith(pattern.substring(1));
        }
        return path.equals(pattern);
    }

    /** The settings this rule gives {@code page}. */
    public PageSettings forPage(PageId page) {
        return new PageSettings(page, widgets, placement, voteKind, moderation, commentsLocked, objective);
    }
}
