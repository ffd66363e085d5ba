package org.coquille.internal.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.coquille.http.HttpResponse;

/** The console's responses: never cached, never framed by another site. */
final class ConsoleResponses {

    private ConsoleResponses() {
    }

    static HttpResponse html(int status, byte[] body) {
        return secure(new HttpResponse(status, List.of(Map.entry("Content-Type", "text/html; charset=utf-8")), body));
    }

    static HttpResponse text(int status, String text) {
        return secure(HttpResponse.of(status, "text/plain; charset=utf-8", text));
    }

    static HttpResponse download(String type, String fileName, String text) {
        return secure(new HttpResponse(200, List.of(Map.entry("Content-Type", type),
                Map.entry("Content-Disposition", "attachment; filename=\"" + fileName + "\"")),
                text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A redirect after a successful post, with the message key of what was done. */
    static HttpResponse done(String location, String doneKey) {
        return secure(HttpResponse.redirect(location + (location.contains("?") ? "&" : "?") + "done=" + doneKey));
    }

    static HttpResponse secure(HttpResponse response) {
        return response.withHeader("Cache-Control", "no-store")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
                .withHeader("Referrer-Policy", "same-origin");
    }
}
