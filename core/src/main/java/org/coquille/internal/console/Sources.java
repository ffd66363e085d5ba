package org.coquille.internal.console;

import org.coquille.core.Messages;
import org.coquille.social.Pages;

/** Says in words where a page's settings come from. */
final class Sources {

    private Sources() {
    }

    static String label(Messages m, Pages.Resolution r) {
        return switch (r.source()) {
            case PAGE -> m.get("console.source.page");
            case CONSOLE_PATTERN -> m.get("console.source.console", r.pattern());
            case FILE_PATTERN -> m.get("console.source.file", r.pattern());
            case NONE -> m.get("console.source.none");
        };
    }
}
