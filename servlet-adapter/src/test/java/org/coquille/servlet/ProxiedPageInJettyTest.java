package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.inject.Injection;
import org.coquille.inject.PageBuffer;
import org.coquille.store.MemoryStore;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter made {@link CoquilleFilter#forProxy} in front of a stand-in for the gateway's proxy: a servlet that answers
 * every path with the same page (an {@code ETag}, a 304 when it is matched, a 404 under {@code /missing}) and holds and
 * decorates it through its {@link ProxiedPage}, as the gateway does from Jetty's client threads.
 */
class ProxiedPageInJettyTest {

    static final String PAGE = "<!DOCTYPE html><html><head><title>Annuaire</title></head><body>"
            + "<p>Le service informatique est au 3e \u00e9tage.</p>\n".repeat(40) + "</body></html>";

    @TempDir
    Path work;
    private Server server;
    private Coquille coquille;
    private String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        MemoryStore store = new MemoryStore();
        store.pages().saveSettings(PageSettings.off(PageId.of("/annuaire.html")).withWidgets(Set.of(Widget.COMMENTS)));
        store.pages().saveSettings(PageSettings.off(PageId.of("/missing.html")).withWidgets(Set.of(Widget.COMMENTS)));
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString())).store(store)
                .key(new byte[32]).build();
        ServletContextHandler context = new ServletContextHandler(LoopbackJetty.CONTEXT);
        context.addServlet(new ServletHolder(new ProxyStandIn()), "/");
        context.addFilter(new FilterHolder(CoquilleFilter.forProxy(coquille)), "/*", EnumSet.of(DispatcherType.REQUEST));
        server = LoopbackJetty.start(context);
        base = LoopbackJetty.base(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        coquille.close();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aPageWithWidgetsIsDecoratedByTheProxyWithoutTheOriginalsValidator() throws Exception {
        HttpResponse<String> page = send("GET", "/annuaire.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<section class=\"coq-widgets\"").startsWith(PAGE.substring(0, 200));
        assertThat(page.headers().firstValue("ETag")).isEmpty();
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(page.headers().firstValue("X-Widgets-Asked")).hasValue("true");
    }

    @Test
    void aPageWithoutWidgetsGoesAsItCameWithItsValidatorTheFirstTimeAndAfter() throws Exception {
        for (int time = 0; time < 2; time++) {
            HttpResponse<String> page = send("GET", "/plain.html");
            assertThat(page.body()).isEqualTo(PAGE);
            assertThat(page.headers().firstValue("ETag")).hasValue("\"v1\"");
        }
    }

    @Test
    void theProxyIsAskedForAPageWithWidgetsWithoutTheConditionsOfTheRequest() throws Exception {
        send("GET", "/plain.html"); // a page is held once, the first time, for its title: after that it passes
        assertThat(send("GET", "/plain.html", "If-None-Match", "\"v1\"").statusCode()).isEqualTo(304);

        HttpResponse<String> page = send("GET", "/annuaire.html", "If-None-Match", "\"v1\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<section class=\"coq-widgets\"");
    }

    @Test
    void aHeadForAPageWithWidgetsHasNoLengthAndNoValidator() throws Exception {
        HttpResponse<String> head = send("HEAD", "/annuaire.html");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEmpty();
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    }

    @Test
    void anErrorPageIsNotHeld() throws Exception {
        HttpResponse<String> missing = send("GET", "/missing.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo(PAGE);
        assertThat(missing.headers().firstValue("ETag")).hasValue("\"v1\"");
    }

    @Test
    void coquillesOwnRequestsAreStillAnsweredByTheFilter() throws Exception {
        HttpResponse<String> css = send("GET", "/_coquille/static/coquille.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("X-Widgets-Asked")).isEmpty();
    }

    /** What the gateway's proxy does with a page, written synchronously: headers, then hold, then decorate. */
    private static final class ProxyStandIn extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("\"v1\"".equals(request.getHeader("If-None-Match"))) {
                response.setStatus(304);
                return;
            }
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            response.setStatus(request.getRequestURI().contains("/missing") ? 404 : 200);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("ETag", "\"v1\"");
            response.setContentLength(body.length);
            if (request.getAttribute(CoquilleFilter.WIDGETS_ATTRIBUTE) != null) {
                response.setHeader("X-Widgets-Asked", "true");
            }
            ProxiedPage page = ProxiedPage.of(request);
            if (page == null || !page.hold(response)) {
                if (!"HEAD".equals(request.getMethod())) {
                    response.getOutputStream().write(body);
                }
                return;
            }
            PageBuffer held = page.buffer();
            try {
                held.write(body, 0, body.length);
                Injection decorated = page.decorate(response, held.bytes(), held.length());
                if (decorated == null) {
                    response.getOutputStream().write(held.bytes(), 0, held.length());
                } else {
                    response.setContentLength(decorated.length());
                    decorated.writeTo(response.getOutputStream());
                }
            } finally {
                held.release();
            }
        }
    }
}
