package org.coquille.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complete response from core, for an adapter to write to its container's response.
 *
 * @param status  the HTTP status
 * @param headers the headers in order (a name may repeat, as {@code Set-Cookie} does)
 * @param body    the body bytes, possibly empty
 */
public record HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public HttpResponse {
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static HttpResponse of(int status, String contentType, String body) {
        return new HttpResponse(status, List.of(Map.entry("Content-Type", contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse redirect(String location) {
        return new HttpResponse(303, List.of(Map.entry("Location", location)), new byte[0]);
    }

    /**
     * The first value of header {@code name} (case-insensitive), or {@code null}. A plain loop: every answer under the
     * prefix asks it once, and a stream's pipeline cost more than the few headers it looks through.
     */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** This response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new HttpResponse(status, more, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
