package org.coquille.internal.console;

import java.nio.charset.StandardCharsets;

import org.coquille.http.HttpResponse;
import org.coquille.internal.render.PageTemplates;

/** A console page rendered from its template under {@code src/main/jte/console}, as the console's HTML response. */
final class ConsolePages {

    private ConsolePages() {
    }

    static HttpResponse render(String template, Object view, int status) {
        return ConsoleResponses.html(status, PageTemplates.render(template, view).getBytes(StandardCharsets.UTF_8));
    }
}
