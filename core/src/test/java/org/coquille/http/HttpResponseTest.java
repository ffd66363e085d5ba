package org.coquille.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A response's header is found whatever its case, the first of a repeated one, and none is made up. */
class HttpResponseTest {

    private final HttpResponse response = new HttpResponse(200, List.of(Map.entry("Set-Cookie", "a=1"),
            Map.entry("Content-Type", "text/html"), Map.entry("set-cookie", "b=2")), new byte[0]);

    @Test
    void aHeaderIsFoundWhateverItsCase() {
        assertThat(response.header("content-type")).isEqualTo("text/html");
        assertThat(response.header("CONTENT-TYPE")).isEqualTo("text/html");
    }

    @Test
    void aRepeatedHeaderGivesItsFirstValue() {
        assertThat(response.header("Set-Cookie")).isEqualTo("a=1");
        assertThat(response.withHeader("X-Content-Type-Options", "nosniff").header("x-content-type-options"))
                .isEqualTo("nosniff");
    }

    @Test
    void aMissingHeaderIsNull() {
        assertThat(response.header("Location")).isNull();
        assertThat(HttpResponse.redirect("/news").header("Content-Type")).isNull();
    }
}
