package org.coquille.core;

import java.util.Locale;
import java.util.Objects;

import org.coquille.spi.PageStore;

/**
 * A page's effective settings: those saved for that page in the store win, else the most specific
 * matching URL pattern of the {@link PageRules}, else every widget off.
 */
public final class Pages {

    private final PageStore store;
    private final PageRules rules;

    public Pages(PageStore store, PageRules rules) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The settings of {@code page}. */
    public PageSettings settings(PageId page) {
        PageSettings saved = store.settings(page);
        if (saved != null) {
            return saved;
        }
        PageSettings matched = rules.match(page);
        return matched != null ? matched : PageSettings.off(page);
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
