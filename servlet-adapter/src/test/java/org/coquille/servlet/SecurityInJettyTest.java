package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;


import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write guards through a real Jetty, behind a TLS-terminating proxy as Jetty's {@link ForwardedRequestCustomizer}
 * knows it ({@code X-Forwarded-Proto: https} makes the request HTTPS, as a real proxy does).
 */
class SecurityInJettyTest {

    private static final PageId PAGE = PageId.of("/latin1.jsp");

    @TempDir
    Path work;
    private Server server;
    private Coquille coquille;
    private MemoryStore store;
    private String base;
    private String site;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private void start(String... settings) throws Exception {
        store = new MemoryStore();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.VOTE, Widget.REACTIONS)));
        Map<String, String> all = new HashMap<>(Map.of("coquille.workFolder", work.toString(),
                "coquille.identity", "header"));
        for (int i = 0; i < settings.length; i += 2) {
            all.put(settings[i], settings[i + 1]);
        }
        coquille = Coquille.builder().settings(all).store(store).key(new byte[32]).build();
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new ForwardedRequestCustomizer());
        server = LoopbackJetty.pagesBehind(coquille, http);
        site = LoopbackJetty.origin(server).substring("http://".length());
        base = LoopbackJetty.base(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        coquille.close();
    }

    private String token(String user, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/latin1.jsp"));
        if (user != null) {
            request.header("X-Remote-User", user);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        String page = new String(client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body(),
                StandardCharsets.ISO_8859_1);
        return page.replaceAll("(?s).*name=\"coq_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> vote(String origin, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/_coquille/api/vote"))
                .header("X-Remote-User", "alice").header("X-Coquille-Csrf", token("alice", headers))
                .header("Origin", origin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"page\":\"/latin1.jsp\",\"vote\":1}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void originOfAnotherSchemeIsAnotherOrigin() throws Exception {
        start();
        assertThat(vote("https://" + site).statusCode()).isEqualTo(403);
        assertThat(store.votes().vote(PAGE, "alice")).isNull();
        assertThat(vote("http://" + site).statusCode()).isEqualTo(200);
        // behind a TLS-terminating proxy the container knows, the https page is this site
        assertThat(vote("https://" + site, "X-Forwarded-Proto", "https").statusCode()).isEqualTo(200);
        assertThat(vote("http://" + site, "X-Forwarded-Proto", "https").statusCode()).isEqualTo(403);
    }

    /** A reaction posted by form, as a browser without cookies posts it (the token from the page it was given). */
    private HttpResponse<String> anonymousReaction(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/_coquille/form/reaction"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("coq_csrf=" + token(null, headers) + "&coq_page=%2Flatin1.jsp"
                        + "&coq_return=%2Fintranet%2Flatin1.jsp&coq_reaction=on%3A%F0%9F%8E%89"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymousCookieIsSecureOnHttps() throws Exception {
        start("coquille.anonymous", "true");
        String overHttps = anonymousReaction("X-Forwarded-Proto", "https").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(overHttps).startsWith("coq_anon=").contains("; Secure").contains("HttpOnly");
        String overHttp = anonymousReaction().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(overHttp).startsWith("coq_anon=").doesNotContain("Secure");
    }

    @Test
    void anonymousWritesWithoutTheCookieAreLimitedByAddress() throws Exception {
        start("coquille.anonymous", "true", "coquille.rateLimit.writesPerMinute", "3");
        int cookies = 0;
        for (int i = 0; i < 8; i++) {
            if (anonymousReaction().headers().firstValue("Set-Cookie").isPresent()) {
                cookies++;
            }
        }
        assertThat(store.reactions().reactionCounts(PAGE).get("\uD83C\uDF89")).isEqualTo(3L);
        assertThat(cookies).as("new anonymous ids").isEqualTo(3);
    }
}
