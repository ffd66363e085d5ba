package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.coquille.Coquille;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The demo editor edith in the console, as the console's route tests drive it: pages read, forms posted, redirects followed. */
final class EditorInConsole {

    static final String C = "/_coquille/console/";

    private final Coquille coquille;

    EditorInConsole(Coquille coquille) {
        this.coquille = coquille;
    }

    /** {@code request} as edith, who has the editor role, sends it. */
    static FakeRequest editor(FakeRequest request) {
        return request.user("edith", "coquille-editor");
    }

    /** The console's answer to {@code route} (relative to the console). */
    HttpResponse get(String route) {
        return coquille.handle(editor(FakeRequest.get(C + route)));
    }

    /** The console page at {@code route}, which must answer 200. */
    Document page(String route) {
        HttpResponse response = get(route);
        assertThat(response.status()).as(route).isEqualTo(200);
        return Jsoup.parse(response.bodyText());
    }

    /** A form post to {@code route} as the browser sends it: edith's CSRF token, same-origin. */
    FakeRequest post(String route) {
        return editor(FakeRequest.post(C + route)).param("coq_csrf", token()).header("Host", "intranet")
                .header("Origin", "http://intranet");
    }

    /** Edith's CSRF token, as a console page gives it. */
    String token() {
        return page("settings").selectFirst("input[name=coq_csrf]").val();
    }

    /** Follows the redirect after a post and returns the console page it shows. */
    Document follow(HttpResponse response) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(303);
        String location = response.header("Location");
        assertThat(location).startsWith(C);
        return page(URLDecoder.decode(location.substring(C.length()), StandardCharsets.UTF_8));
    }
}
