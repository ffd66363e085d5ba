package org.coquille.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.core.Messages;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;

/** RFC 9457 problem details, the JSON API's error answers. */
final class Problems {

    private Problems() {
    }

    /** A 405 naming the method that is wrong and the ones allowed, with {@code Allow}. */
    static HttpResponse methodNotAllowed(ObjectMapper json, HttpRequest request, String allowed) {
        String message = Messages.forLocale(request.locale()).get("error.method", request.method(), allowed);
        return problem(json, 405, "method-not-allowed", message, message).withHeader("Allow", allowed);
    }

    static HttpResponse problem(ObjectMapper json, int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://coquille.org/problems/" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        try {
            return new HttpResponse(status, List.of(Map.entry("Content-Type", "application/problem+json"),
                    Map.entry("Cache-Control", "no-store")), json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
