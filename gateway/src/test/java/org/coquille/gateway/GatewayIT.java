package org.coquille.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coquille.inject.PageBuffers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway in front of a real intranet in another process ({@link LegacySite}): what a visitor gets through the
 * gateway compared with what the intranet sends alone.
 */
class GatewayIT {

    private static final String ALICE = "X-Remote-User";

    @TempDir
    static Path folder;

    private static LegacySite intranet;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        String missing = LegacySite.missing();
        assumeTrue(missing == null, missing);
        intranet = LegacySite.start(folder);
        gateway = start(intranet.base(), "PT2S", Map.of(
                "coquille.identity.rolesHeader", "X-Remote-Roles"));
        // Coquille holds a page it has never seen once, to read its title for the console: done here, so that the
        // tests see pages without widgets as they pass every time after that
        for (String path : List.of("/plain/gzip.html", "/plain/stream")) {
            Http.get(gatewayBase() + path);
        }
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (intranet != null) {
            intranet.close();
        }
    }

    /** A gateway with widgets on every page but under /plain/, its H2 store in a work folder of its own. */
    private static Gateway start(String upstream, String timeout, Map<String, String> settings) throws Exception {
        Path work = Files.createTempDirectory(folder, "work");
        Files.writeString(work.resolve("coquille-pages.properties"), "/* = comments, vote, reactions\n/plain/* = off\n");
        List<String> args = new java.util.ArrayList<>(List.of("--upstream", upstream, "--port", "0", "--host",
                "127.0.0.1", "--timeout", timeout, "--coquille.workFolder=" + work));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return Gateway.start(GatewayOptions.parse(args));
    }

    private static String gatewayBase() {
        return "http://127.0.0.1:" + gateway.port();
    }

    @Test
    void aPageGetsTheWidgetsAndKeepsEveryByteOfItsOwn() throws Exception {
        Http.Answer without = Http.get(intranet.base() + "/");
        Http.Answer with = Http.get(gatewayBase() + "/", ALICE, "alice");

        assertThat(with.status()).isEqualTo(200);
        assertThat(with.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).containsIgnoringCase("iso-8859-1"));
        assertThat(with.header("Content-Length")).contains(Integer.toString(with.body().length));
        String inserted = insertion(with.body(), without.body());
        assertThat(inserted).startsWith("<link rel=\"stylesheet\" href=\"/_coquille/static/coquille.css")
                .contains("id=\"coq-widgets\"").endsWith("</script>");
        assertThat(with.text()).contains("cr\u00e8me br\u00fbl\u00e9e");
        // a decorated page is another representation: the intranet's validator does not go out with it
        assertThat(without.header("ETag")).contains("\"accueil-1\"");
        assertThat(with.header("ETag")).isEmpty();
        assertThat(with.response().headers().allValues("Date")).hasSize(1);
    }

    @Test
    void aPageWithoutWidgetsIsTheIntranetsAnswerExactly() throws Exception {
        Http.Answer without = Http.get(intranet.base() + "/plain/gzip.html");
        Http.Answer with = Http.get(gatewayBase() + "/plain/gzip.html", ALICE, "alice");
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).isEqualTo(without.body());
        assertThat(with.header("Content-Length")).isEqualTo(without.header("Content-Length"));
    }

    @Test
    void aRedirectAndItsCookiePointAtTheGatewayNotAtTheIntranet() throws Exception {
        Http.Answer direct = Http.get(intranet.base() + "/login");
        assertThat(direct.header("Location")).contains(intranet.base() + "/?welcome=1");
        assertThat(direct.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Domain=127.0.0.1"));

        Http.Answer answer = Http.get(gatewayBase() + "/login");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).contains(gatewayBase() + "/?welcome=1");
        assertThat(answer.header("Set-Cookie")).contains("JSESSIONID=abc123; Path=/; HttpOnly");
    }

    @Test
    void aBinaryDownloadArrivesByteForByte() throws Exception {
        Http.Answer without = Http.get(intranet.base() + "/docs/rapport.pdf");
        Http.Answer with = Http.get(gatewayBase() + "/docs/rapport.pdf", ALICE, "alice");
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).hasSize(256 * 64).isEqualTo(without.body());
        assertThat(with.header("Content-Disposition")).isEqualTo(without.header("Content-Disposition"));
        assertThat(with.header("Content-Type")).contains("application/pdf");
    }

    @Test
    void aCompressingIntranetIsAskedForPagesThatGetWidgetsUncompressedAndLeftAloneForOthers() throws Exception {
        Http.Answer widgets = Http.get(gatewayBase() + "/gzip.html", ALICE, "alice", "Accept-Encoding", "gzip");
        assertThat(widgets.status()).isEqualTo(200);
        assertThat(widgets.header("Content-Encoding")).isEmpty();
        assertThat(widgets.text()).contains("id=\"coq-widgets\"").contains("cr\u00e8me br\u00fbl\u00e9e");

        Http.Answer plain = Http.get(gatewayBase() + "/plain/gzip.html", ALICE, "alice", "Accept-Encoding", "gzip");
        Http.Answer direct = Http.get(intranet.base() + "/plain/gzip.html", "Accept-Encoding", "gzip");
        assertThat(plain.header("Content-Encoding")).contains("gzip");
        assertThat(plain.body()).isEqualTo(direct.body());
    }

    @Test
    void aStreamedPageWithoutWidgetsIsPassedOnAsItComes() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = Http.client().send(
                HttpRequest.newBuilder(URI.create(gatewayBase() + "/plain/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] first = new byte[22];
            int n = in.readNBytes(first, 0, first.length);
            Duration firstPart = Duration.ofNanos(System.nanoTime() - start);
            byte[] rest = in.readAllBytes();
            Duration whole = Duration.ofNanos(System.nanoTime() - start);

            assertThat(new String(first, 0, n, StandardCharsets.UTF_8)).isEqualTo("<html><body><p>one</p>");
            assertThat(new String(rest, StandardCharsets.UTF_8)).isEqualTo("<p>two</p><p>three</p></body></html>");
            // the intranet sends its three parts a second apart: the first is on its way long before the last
            assertThat(whole).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(firstPart).isLessThan(whole.minusMillis(1500));
        }
    }

    @Test
    void aSlowIntranetIsAnswered504AndADeadOne502WithAPlainPage() throws Exception {
        Http.Answer slow = Http.get(gatewayBase() + "/slow.html");
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).isEqualToIgnoringCase("text/plain;charset=UTF-8"));
        assertThat(slow.text()).startsWith("504 Gateway Timeout\nThe intranet did not answer in time.");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Gateway dead = start("http://127.0.0.1:" + closedPort, "PT2S", Map.of())) {
            Http.Answer answer = Http.get("http://127.0.0.1:" + dead.port() + "/", ALICE, "alice");
            assertThat(answer.status()).isEqualTo(502);
            assertThat(answer.text()).startsWith("502 Bad Gateway\nThe intranet cannot be reached.");
        }
    }

    @Test
    void theIntranetGetsForwardingHeadersAndAnIdentityOnlyFromATrustedAddress() throws Exception {
        Http.Answer echo = Http.get(gatewayBase() + "/echo", ALICE, "alice");
        assertThat(echo.text()).contains("X-Remote-User: alice\n").contains("X-Forwarded-For: 127.0.0.1\n")
                .contains("X-Forwarded-Host: 127.0.0.1:" + gateway.port() + "\n")
                .contains("X-Forwarded-Proto: http\n").contains("Host: 127.0.0.1:" + intranet.base().split(":")[2]);

        // the sign-on proxy is elsewhere: a visitor who reaches the gateway directly cannot pass as someone else
        try (Gateway elsewhere = start(intranet.base(), "PT2S", Map.of("coquille.identity.trustedProxies", "10.1.2.3"))) {
            Http.Answer forged = Http.get("http://127.0.0.1:" + elsewhere.port() + "/echo", ALICE, "alice");
            assertThat(forged.status()).isEqualTo(200);
            assertThat(forged.text()).doesNotContain("X-Remote-User").contains("X-Forwarded-For: 127.0.0.1\n");
        }
    }

    @Test
    void anIntranetUnderAPathIsServedUnderTheSamePathWithTheRestOfItsServerBeside() throws Exception {
        try (Gateway underPath = start(intranet.base() + "/rh/", "PT2S", Map.of("coquille.identity.rolesHeader", "X-Remote-Roles"))) {
            String base = "http://127.0.0.1:" + underPath.port();
            Http.Answer echo = Http.get(base + "/rh/echo", ALICE, "alice");
            assertThat(echo.status()).isEqualTo(200);
            assertThat(echo.text()).contains("X-Remote-User: alice");
            // Coquille's own addresses are under the web application's path, as inside it
            assertThat(Http.get(base + "/rh/_coquille/console/pages", ALICE, "edith", "X-Remote-Roles", "coquille-editor")
                    .status()).isEqualTo(200);
            // the rest of the intranet's server passes, without Coquille
            Http.Answer home = Http.get(base + "/", ALICE, "alice");
            assertThat(home.body()).isEqualTo(Http.get(intranet.base() + "/").body());
            assertThat(Http.get(base + "/login").header("Location")).contains(base + "/?welcome=1");
        }
    }

    @Test
    void withItsDatabaseUnreachableTheGatewayServesTheIntranetsPagesAsTheyAre() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Gateway storeDown = start(intranet.base(), "PT2S", Map.of("coquille.store.url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/intranet", "coquille.store.connectionTimeout", "PT1S"))) {
            assertThat(storeDown.widgetsReady()).isFalse();
            String base = "http://127.0.0.1:" + storeDown.port();
            for (String path : List.of("/", "/actualites/conges.html")) {
                Http.Answer with = Http.get(base + path, ALICE, "alice");
                Http.Answer without = Http.get(intranet.base() + path);
                assertThat(with.status()).isEqualTo(200);
                assertThat(with.body()).isEqualTo(without.body());
                assertThat(with.header("ETag")).isEqualTo(without.header("ETag"));
            }
        }
    }

    @Test
    void aMistypedSettingIsRefusedAtStartWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(intranet.base(), "PT2S",
                Map.of("coquille.identity", "kerberos"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coquille.identity").hasMessageContaining("container, header or session");
    }

    @Test
    void theConsoleAnswersThroughTheGatewayForEditorsOnly() throws Exception {
        Http.Answer editor = Http.get(gatewayBase() + "/_coquille/console/pages", ALICE, "edith",
                "X-Remote-Roles", "coquille-editor");
        assertThat(editor.status()).isEqualTo(200);
        assertThat(new String(editor.body(), StandardCharsets.UTF_8)).contains("<form").contains("/_coquille/console");

        Http.Answer employee = Http.get(gatewayBase() + "/_coquille/console/pages", ALICE, "alice");
        assertThat(employee.status()).isEqualTo(403);
    }

    @Test
    void aCommentPostedThroughTheGatewayShowsOnThePage() throws Exception {
        Http.Answer page = Http.get(gatewayBase() + "/actualites/conges.html", ALICE, "alice");
        Matcher csrf = Pattern.compile("name=\"coq_csrf\" value=\"([^\"]+)\"").matcher(page.text());
        assertThat(csrf.find()).isTrue();
        String form = "coq_csrf=" + csrf.group(1) + "&coq_page=" + enc("/actualites/conges.html")
                + "&coq_return=" + enc("/actualites/conges.html") + "&coq_body=" + enc("Merci, c'est not\u00e9 !");

        Http.Answer posted = Http.postForm(gatewayBase() + "/_coquille/form/comment", form, ALICE, "alice");
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("/actualites/conges.html"));

        Http.Answer after = Http.get(gatewayBase() + "/actualites/conges.html", ALICE, "bob");
        assertThat(new String(after.body(), StandardCharsets.ISO_8859_1)).contains("Merci, c&#x27;est not");
    }

    @Test
    void aPageStreamedInPartsGetsTheWidgetsOnceItsLastPartHasCome() throws Exception {
        byte[] without = "<html><body><p>one</p><p>two</p><p>three</p></body></html>".getBytes(StandardCharsets.UTF_8);
        Http.Answer with = Http.get(gatewayBase() + "/stream", ALICE, "alice");

        assertThat(with.status()).isEqualTo(200);
        assertThat(with.header("Content-Length")).contains(Integer.toString(with.body().length));
        assertThat(insertion(with.body(), without)).contains("id=\"coq-widgets\"");
    }

    @Test
    void aPageBiggerThanTheLargestPooledArrayGetsTheWidgetsAndKeepsEveryByteOfItsOwn() throws Exception {
        Http.Answer without = Http.get(intranet.base() + "/big.html");
        Http.Answer with = Http.get(gatewayBase() + "/big.html", ALICE, "alice");

        assertThat(without.body().length).isGreaterThan(PageBuffers.LARGEST);
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.header("Content-Length")).contains(Integer.toString(with.body().length));
        assertThat(insertion(with.body(), without.body())).contains("id=\"coq-widgets\"");
    }

    @Test
    void aPageTooBigToHoldPassesAsItCameWithItsValidator() throws Exception {
        Http.Answer without = Http.get(intranet.base() + "/huge.html");
        Http.Answer with = Http.get(gatewayBase() + "/huge.html", ALICE, "alice");

        assertThat(without.body().length).isGreaterThan(2 * 1024 * 1024); // coquille.maxPageSize's default
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).isEqualTo(without.body());
        assertThat(with.header("ETag")).contains("\"annuaire-1\"");
    }

    @Test
    void anEmptyPageGoesAsItCameWithItsValidator() throws Exception {
        Http.Answer with = Http.get(gatewayBase() + "/empty.html", ALICE, "alice");
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).isEmpty();
        assertThat(with.header("ETag")).contains("\"vide-1\"");
    }

    @Test
    void anIntranetThatDiesHalfWayNeverHasHalfAnAnswerPassedOffAsWhole() throws Exception {
        // a page held for widgets: none of it has left, so the visitor gets the gateway's plain 502
        Http.Answer held = Http.get(gatewayBase() + "/broken.html", ALICE, "alice");
        assertThat(held.status()).isEqualTo(502);
        assertThat(held.text()).startsWith("502 Bad Gateway\nThe intranet's answer could not be read.");

        // an export passed on as it comes: its first part has left, so the visitor's answer is cut short too
        assertThatThrownBy(() -> Http.get(gatewayBase() + "/docs/export.csv", ALICE, "alice"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aHeadForAPageWithWidgetsHasTheDecoratedPagesHeadersWithoutLengthOrValidator() throws Exception {
        Http.Answer head = Http.head(gatewayBase() + "/", ALICE, "alice");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).containsIgnoringCase("iso-8859-1"));
        assertThat(head.header("Content-Length")).isEmpty();
        assertThat(head.header("ETag")).isEmpty();
        assertThat(head.header("Cache-Control")).contains("private, no-cache");

        Http.Answer plain = Http.head(gatewayBase() + "/plain/gzip.html", ALICE, "alice");
        assertThat(plain.header("Content-Length")).isEqualTo(Http.get(intranet.base() + "/plain/gzip.html").header("Content-Length"));
    }

    @Test
    void aConditionalRequestForAPageWithWidgetsGetsTheWholeDecoratedPage() throws Exception {
        assertThat(Http.get(intranet.base() + "/", "If-None-Match", "\"accueil-1\"").status()).isEqualTo(304);

        Http.Answer with = Http.get(gatewayBase() + "/", ALICE, "alice", "If-None-Match", "\"accueil-1\"");
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.text()).contains("id=\"coq-widgets\"");
        assertThat(with.header("ETag")).isEmpty();
    }

    @Test
    void aFormPostedToTheIntranetReachesItWhole() throws Exception {
        Http.Answer posted = Http.postForm(gatewayBase() + "/formulaire", "nom=Dupont&service=RH", ALICE, "alice");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.text()).isEqualTo("posted: nom=Dupont&service=RH");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** What {@code with} has that {@code without} has not, asserting that it is one insertion and nothing else. */
    private static String insertion(byte[] with, byte[] without) {
        int suffix = 0;
        while (suffix < without.length && with[with.length - 1 - suffix] == without[without.length - 1 - suffix]) {
            suffix++;
        }
        int prefix = 0;
        while (prefix < without.length - suffix && with[prefix] == without[prefix]) {
            prefix++;
        }
        assertThat(prefix + suffix).as("every byte of the intranet's page is kept").isEqualTo(without.length);
        return new String(with, prefix, with.length - prefix - suffix, StandardCharsets.ISO_8859_1);
    }

    static {
        // the gateway's own log stays short in the test output
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

}
