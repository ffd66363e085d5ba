package org.coquille.core;

import org.coquille.Coquille;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report's pages send the console's security headers; no answer under the prefix is content-sniffed. */
class SecurityHeadersTest {

    private static final PageId PAGE = PageId.of("/news/canteen.jsp");

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32])
                .clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC))
                .identity(IdentityResolver.container("coquille-editor")).build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.values())));
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private HttpResponse editor(String path) {
        return coquille.handle(FakeRequest.get(path).user("edith", "coquille-editor").header("Host", "intranet"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report/", "report/page?page=/news/canteen.jsp", "report/user?id=alice"})
    void reportPagesSendTheConsolesSecurityHeaders(String path) throws Exception {
        HttpResponse report = editor("/_coquille/" + path);
        HttpResponse console = editor("/_coquille/console/pages");
        assertThat(report.status()).isEqualTo(200);
        for (String header : List.of("X-Content-Type-Options", "Referrer-Policy", "Cache-Control")) {
            assertThat(report.header(header)).as(header).isEqualTo(console.header(header));
        }
        String policy = report.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("form-action 'self'");
        // the page still looks as it should: its one style sheet is allowed by its hash, and no style attribute is left
        Document page = Jsoup.parse(report.bodyText());
        for (Element style : page.select("style")) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(style.data().getBytes(StandardCharsets.UTF_8));
            assertThat(policy).contains("'sha256-" + Base64.getEncoder().encodeToString(hash) + "'");
        }
        assertThat(page.select("[style]")).isEmpty();
    }

    @Test
    void reportsRefusalAndExportsAreNotSniffedEither() {
        assertThat(coquille.handle(FakeRequest.get("/_coquille/report/").user("bob")).header("X-Content-Type-Options"))
                .isEqualTo("nosniff");
        for (String export : List.of("export.csv?by=day", "export.json?by=week", "export.csv?by=objective",
            "user.json?id=alice")) {
            HttpResponse response = editor("/_coquille/report/" + export);
            assertThat(response.status()).as(export).isEqualTo(200);
            assertThat(response.header("X-Content-Type-Options")).as(export).isEqualTo("nosniff");
        }
    }

    @Test
    void jsonProblemsAndCalendarAreNotSniffed() {
        HttpResponse json = editor("/_coquille/api/page?page=/news/canteen.jsp");
        assertThat(json.header("Content-Type")).isEqualTo("application/json");
        HttpResponse problem = editor("/_coquille/api/nothing");
        assertThat(problem.header("Content-Type")).isEqualTo("application/problem+json");
        Instant start = Instant.parse("2026-03-10T12:00:00Z");
        DatePoll poll = coquille.datePolls().create(User.editor("edith"), PAGE, "Team lunch",
                List.of(new DateSlot(start, start.plus(Duration.ofMinutes(90))),
                        new DateSlot(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plusSeconds(60))));
        coquille.datePolls().close(User.editor("edith"), poll.id(), 0);
        HttpResponse ics = editor("/_coquille/calendar/datepoll-" + poll.id() + ".ics");
        assertThat(ics.status()).isEqualTo(200);
        HttpResponse css = editor("/_coquille/static/coquille.css");
        for (HttpResponse response : List.of(json, problem, ics, css)) {
            assertThat(response.header("X-Content-Type-Options")).as(response.header("Content-Type")).isEqualTo("nosniff");
        }
    }
}
