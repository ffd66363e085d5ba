package org.coquille.servlet;

import java.nio.charset.CharacterCodingException;
import java.util.Locale;

import org.coquille.http.HttpRequest.UnreadableRequestException;
import org.coquille.http.HttpRequest.UnreadableRequestException.Kind;

/**
 * Names what the container found wrong when it could not read a request's parameters. Containers say it in their
 * own exceptions (Jetty 12: {@code BadMessageException: Unable to parse form content}, caused by
 * {@code Invalid UTF-8}, {@code form too large > 200000} or {@code form with too many fields > 1000}); the
 * causes' words decide the kind, and the deepest one is kept as the detail shown to the user.
 */
final class UnreadableForms {

    private UnreadableForms() {
    }

    static UnreadableRequestException of(RuntimeException failure) {
        StringBuilder words = new StringBuilder();
        boolean coding = false;
        String detail = failure.getMessage();
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            coding |= t instanceof CharacterCodingException || t instanceof IllegalArgumentException
                    && String.valueOf(t.getMessage()).contains("%");
            if (t.getMessage() != null) {
                words.append(' ').append(t.getMessage().toLowerCase(Locale.ROOT));
                detail = t.getMessage();
            }
        }
        String said = words.toString();
        Kind kind;
        if (coding || said.contains("utf-8") || said.contains("utf8") || said.contains("charset")
                || said.contains("malformed input") || said.contains("encoding")) {
            kind = Kind.NOT_UTF8;
        } else if (said.contains("too large") || said.contains("larger than") || said.contains("max length")
                || said.contains("too big") || said.contains("exceed")) {
            kind = Kind.TOO_LARGE;
        } else if (said.contains("too many") || said.contains("keys")) {
            kind = Kind.TOO_MANY_FIELDS;
        } else {
            kind = Kind.MALFORMED;
        }
        return new UnreadableRequestException(kind, detail == null ? failure.getClass().getSimpleName() : detail, failure);
    }
}
