package org.coquille.core;

import org.coquille.spi.PageStore;

/** Looks up a page's settings and checks that a widget is on. */
final class Pages {

    private Pages() {
    }

    static PageSettings settings(PageStore store, PageId page) {
        PageSettings settings = store.settings(page);
        return settings == null ? PageSettings.off(page) : settings;
    }

    static PageSettings requireOn(PageStore store, PageId page, Widget widget) {
        PageSettings settings = settings(store, page);
        if (!settings.isOn(widget)) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "rule.widget.off", widget.name().toLowerCase(java.util.Locale.ROOT));
        }
        return settings;
    }

    static void requireEditor(User user) {
        if (!user.editor()) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "rule.editorOnly");
        }
    }
}
