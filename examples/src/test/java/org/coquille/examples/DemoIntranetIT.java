package org.coquille.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo intranet as a user meets it: login form, legacy pages intact, widgets where they are on. */
class DemoIntranetIT {

    @TempDir
    static Path work;
    private static DemoIntranet demo;
    private static String base;
    private static HttpClient alice;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoIntranet.start(0, work);
        base = "http://127.0.0.1:" + demo.port() + DemoIntranet.CONTEXT;
        alice = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        alice.send(HttpRequest.newBuilder(URI.create(base + "/index.html")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = alice.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=alice&j_password=alice")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        demo.close();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DemoIntranetIT.class.getResourceAsStream("/intranet" + path)) {
            return in.readAllBytes();
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void latin1PageKeepsItsBytesAndGetsTheWidgets() throws Exception {
        HttpResponse<byte[]> response = get(alice, "/actualites/nouveau-restaurant.html");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        int start = body.indexOf("<link rel=\"stylesheet\" href=\"/intranet/_coquille/");
        int end = body.indexOf("</script>", body.indexOf("coquille.js?v=")) + "</script>".length();
        assertThat(start).isPositive();
        assertThat(body.substring(start, end)).contains("<section class=\"coq-widgets\"");
        byte[] rest = (body.substring(0, start) + body.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rest).isEqualTo(resource("/actualites/nouveau-restaurant.html"));
    }

    @Test
    void framesetAndPagesWithoutWidgetsAreServedAsTheyAre() throws Exception {
        assertThat(get(alice, "/index-frames.html").body()).isEqualTo(resource("/index-frames.html"));
        assertThat(get(alice, "/informatique/messagerie.html").body()).isEqualTo(resource("/informatique/messagerie.html"));
    }

    @Test
    void theTeleworkPageHasItsPoll() throws Exception {
        // the fragment is ASCII with numeric references, so read the page as a browser does
        String body = new String(get(alice, "/rh/teletravail.html").body(), StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(body).select(".coq-poll legend").text())
                .isEqualTo("Combien de jours de télétravail par semaine souhaiteriez-vous ?");
    }

    private static org.jsoup.nodes.Document frenchPage(String path) throws Exception {
        HttpResponse<byte[]> response = alice.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Language", "fr-FR,fr;q=0.9").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return org.jsoup.Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theCanteenMenuHasAnIdeaBox() throws Exception {
        org.jsoup.nodes.Document page = frenchPage("/restaurant/menu.html");
        assertThat(page.select(".coq-ideas legend").text()).isEqualTo("Proposer une idée");
        assertThat(page.select(".coq-ideas form").attr("action")).isEqualTo("/intranet/_coquille/form/idea");
    }

    @Test
    void theTripsPageHasADatePollThatTakesAnAnswerThroughTheFilter() throws Exception {
        org.jsoup.nodes.Document page = frenchPage("/ce/voyages.html");
        assertThat(page.select(".coq-datepoll .coq-title").text()).isEqualTo("Réunion de préparation du voyage à Lisbonne");
        assertThat(page.select(".coq-datepoll tbody tr")).hasSize(3);
        org.jsoup.nodes.Element form = page.selectFirst(".coq-datepoll form");
        StringBuilder fields = new StringBuilder();
        for (org.jsoup.nodes.Element hidden : form.select("input[type=hidden]")) {
            fields.append(java.net.URLEncoder.encode(hidden.attr("name"), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(hidden.val(), StandardCharsets.UTF_8)).append('&');
        }
        fields.append("coq_slot_0=yes&coq_slot_2=maybe");
        HttpResponse<String> answer = alice.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port()
                        + form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + demo.port())
                .header("Accept-Language", "fr-FR,fr;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document after = org.jsoup.Jsoup.parse(answer.body());
        assertThat(after.select(".coq-datepoll .coq-notice").text()).isEqualTo("Vos disponibilités sont enregistrées.");
        assertThat(after.selectFirst(".coq-datepoll input[name=coq_slot_0][value=yes]").hasAttr("checked")).isTrue();
        assertThat(after.selectFirst(".coq-datepoll input[name=coq_slot_2][value=maybe]").hasAttr("checked")).isTrue();
    }

    @Test
    void theReportShowsTheProgressOfTheIdeaBoxAndDatePollObjectives() throws Exception {
        HttpClient edith = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        edith.send(HttpRequest.newBuilder(URI.create(base + "/index.html")).build(), HttpResponse.BodyHandlers.discarding());
        edith.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=edith&j_password=edith")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> report = edith.send(HttpRequest.newBuilder(URI.create(base + "/_coquille/report/"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Element section = org.jsoup.Jsoup.parse(report.body()).getElementById("coq-objectives");
        assertThat(section.select("h3").eachText()).contains("Objective: collect and rank ideas",
                "Objective: organise an event");
        java.util.List<String> menu = section.select("tr:has(a:containsOwn(/restaurant/menu.html)) > *").eachText();
        java.util.List<String> trips = section.select("tr:has(a:containsOwn(/ce/voyages.html)) > *").eachText();
        // page, objective, target, contributors so far, since, end date, progress
        assertThat(menu).hasSize(7);
        assertThat(menu.subList(0, 3)).containsExactly("/restaurant/menu.html", "Idées pour la carte du nouveau restaurant",
                "30");
        assertThat(menu.get(6)).isIn("Behind", "On track", "Reached");
        assertThat(trips).hasSize(7);
        assertThat(trips.subList(0, 3)).containsExactly("/ce/voyages.html",
                "Date de la réunion de préparation du voyage à Lisbonne", "15");
        assertThat(trips.get(6)).isIn("Behind", "On track", "Reached");
    }

    @Test
    void visitorsWhoAreNotLoggedInGoToTheLoginForm() throws Exception {
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<byte[]> response = get(stranger, "/actualites/nouveau-restaurant.html");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login.html");
    }

    private static HttpClient login(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        client.send(HttpRequest.newBuilder(URI.create(base + "/index.html")).build(), HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + user)).build(),
                HttpResponse.BodyHandlers.discarding());
        return client;
    }

    @Test
    void editorFindsTheConsoleFromTheBannerAndSeesThePagesServed() throws Exception {
        HttpClient edith = login("edith");
        org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(new String(get(edith, "/index.html").body(),
                StandardCharsets.ISO_8859_1));
        String href = home.select("a.console-coquille").attr("href");
        assertThat(href).isEqualTo("/intranet/_coquille/console/");
        get(edith, "/actualites/nouveau-restaurant.html");
        demo.coquille().flushViews();
        HttpResponse<byte[]> console = edith.send(HttpRequest.newBuilder(URI.create(base.replace("/intranet", "") + href))
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(console.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document pages = org.jsoup.Jsoup.parse(new String(console.body(), StandardCharsets.UTF_8));
        assertThat(pages.select("h1").text()).isEqualTo("Pages");
        assertThat(pages.select("tbody td.coq-url").eachText()).contains("/actualites/nouveau-restaurant.html", "/index.html");
        assertThat(pages.select("nav a[aria-current=page]").text()).isEqualTo("Pages");
    }

    @Test
    void employeesHaveNoConsoleLinkAndNoConsole() throws Exception {
        assertThat(new String(get(alice, "/index.html").body(), StandardCharsets.ISO_8859_1)).doesNotContain("console-coquille")
                .doesNotContain("/_coquille/console/");
        HttpResponse<byte[]> console = get(alice, "/_coquille/console/pages");
        assertThat(console.statusCode()).isEqualTo(403);
        assertThat(new String(console.body(), StandardCharsets.UTF_8)).contains("editor role");
    }

    @Test
    void aReplyReachesItsAuthorByEMailShownOnTheCaughtMailPage() throws Exception {
        org.coquille.core.PageId page = org.coquille.core.PageId.of("/actualites/nouveau-restaurant.html");
        org.coquille.core.Comment mine = demo.coquille().comments().post(org.coquille.core.User.employee("alice"), page,
                null, "Le menu du jeudi ?");
        demo.coquille().comments().post(org.coquille.core.User.employee("bruno"), page, mine.id(), "Couscous, je crois.");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        org.jsoup.nodes.Document caught;
        do {
            Thread.sleep(200);
            caught = org.jsoup.Jsoup.parse(new String(get(alice, "/courrier").body(), StandardCharsets.UTF_8));
        } while (caught.select("article").isEmpty() && System.nanoTime() < deadline);
        assertThat(caught.select("article h2").eachText()).contains("Bruno Faure a répondu à votre commentaire");
        assertThat(caught.select("article p").text()).contains("alice.bernard@groupe-durand.example");
        assertThat(caught.select("article pre").text()).contains("Bonjour Alice Bernard")
                .contains("http://127.0.0.1:" + demo.port() + "/intranet/actualites/nouveau-restaurant.html");
    }
}
