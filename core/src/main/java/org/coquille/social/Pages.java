package org.coquille.social;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.coquille.core.PageId;
import org.coquille.core.PageRules;
import org.coquille.core.PageSettings;
import org.coquille.core.PatternRule;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.spi.PageStore;
import org.coquille.spi.SettingsStore;

/**
 * A page's effective settings: those saved for that page in the store win; else the most specific
 * matching URL pattern, among the patterns editors saved in the store and those of the pages file (a
 * pattern saved in the store replaces the file's rule for the same pattern); else every widget off.
 */
public final class Pages {

    /** Where a page's settings come from. */
    public enum Source {
        /** Saved for this very page. */
        PAGE,
        /** A URL pattern an editor saved in the console. */
        CONSOLE_PATTERN,
        /** A URL pattern of the pages file. */
        FILE_PATTERN,
        /** Nothing matches: every widget is off. */
        NONE
    }

    /**
     * A page's settings and where they come from.
     *
     * @param settings the effective settings
     * @param source   where they come from
     * @param pattern  the pattern that gave them, or {@code null}
     */
    public record Resolution(PageSettings settings, Source source, String pattern) { }

    private record Merged(List<PatternRule> stored, PageRules rules) { }

    private final PageStore store;
    private final SettingsStore patterns;
    private final PageRules fileRules;
    private volatile Merged merged;

    public Pages(PageStore store, SettingsStore patterns, PageRules rules) {
        this.store = Objects.requireNonNull(store, "store");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        this.fileRules = Objects.requireNonNull(rules, "rules");
        this.merged = new Merged(List.of(), rules);
    }

    /** The settings of {@code page}. */
    public PageSettings settings(PageId page) {
        PageSettings saved = store.settings(page);
        if (saved != null) {
            return saved;
        }
        PageSettings matched = rules().match(page);
        return matched != null ? matched : PageSettings.off(page);
    }

    /** The settings of {@code page} and where they come from. */
    public Resolution resolve(PageId page) {
        PageSettings saved = store.settings(page);
        if (saved != null) {
            return new Resolution(saved, Source.PAGE, null);
        }
        String path = page.value();
        int q = path.indexOf('?');
        String bare = q >= 0 ? path.substring(0, q) : path;
        for (PatternRule rule : rules().rules()) {
            if (rule.matches(bare)) {
                boolean stored = storedRules().contains(rule);
                return new Resolution(rule.forPage(page), stored ? Source.CONSOLE_PATTERN : Source.FILE_PATTERN,
                        rule.pattern());
            }
        }
        return new Resolution(PageSettings.off(page), Source.NONE, null);
    }

    /**
     * The effective settings of every page among {@code known} and those with settings saved, keeping those with
     * a widget on, ordered by page: the experiments the usage report follows.
     */
    public List<PageSettings> withWidgetsOn(Collection<PageId> known) {
        Set<PageId> ids = new TreeSet<>(known);
        store.allSettings().forEach(s -> ids.add(s.page()));
        List<PageSettings> on = new ArrayList<>();
        for (PageId page : ids) {
            PageSettings settings = settings(page);
            if (settings.anyOn()) {
                on.add(settings);
            }
        }
        return List.copyOf(on);
    }

    /** The patterns of the pages file, most specific first. */
    public PageRules fileRules() {
        return fileRules;
    }

    /** Every pattern in force, those saved in the store replacing the file's for the same pattern, most specific first. */
    public PageRules rules() {
        List<PatternRule> stored = storedRules();
        Merged current = merged;
        if (current.stored() != stored && !current.stored().equals(stored)) {
            current = new Merged(stored, fileRules.overriddenBy(stored));
            merged = current;
        }
        return current.rules();
    }

    private List<PatternRule> storedRules() {
        return patterns.patternRules();
    }

    PageSettings requireOn(PageId page, Widget widget) {
        PageSettings settings = settings(page);
        if (!settings.isOn(widget)) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.widget.off", widget.name().toLowerCase(Locale.ROOT));
        }
        return settings;
    }

    static void requireEditor(User user) {
        if (!user.editor()) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "rule.editorOnly");
        }
    }
}
