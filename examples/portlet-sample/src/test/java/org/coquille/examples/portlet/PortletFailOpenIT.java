package org.coquille.examples.portlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.coquille.Coquille;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreUnavailableException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coquille's database is down: the legacy portlet is served exactly as it writes itself, and keeps working. */
class PortletFailOpenIT {

    @TempDir
    static Path work;
    private static Coquille coquille;
    private static EmbeddedPortal portal;

    @BeforeAll
    static void start() throws Exception {
        coquille = Coquille.builder().store(storeThatIsDown())
                .settings(Map.of("coquille.workFolder", work.toString())).build();
        portal = new EmbeddedPortal(coquille, work);
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
        coquille.close();
    }

    @Test
    void theLegacyPortletsMarkupIsExactlyAsItWroteIt() throws Exception {
        HttpResponse<String> page = portal.get("alice", "/sample/embed/legacy-news");

        assertThat(page.statusCode()).isEqualTo(200);
        String next = Jsoup.parse(page.body()).getElementById("next-news").attr("href");
        assertThat(page.body()).contains("<li>" + LegacyNewsPortlet.markup(0, next) + "</li>");
        assertThat(page.body()).doesNotContain("coq-");
    }

    @Test
    void theLegacyPortletsOwnActionStillWorks() throws Exception {
        String next = Jsoup.parse(portal.get("alice", "/sample/embed/legacy-news").body())
                .getElementById("next-news").attr("href");

        Document after = Jsoup.parse(portal.postAndFollow("alice", next, Map.of()).body());

        assertThat(after.text()).contains("(2/3)");
        String nextAgain = after.getElementById("next-news").attr("href");
        assertThat(after.selectFirst("li").html()).isEqualTo(Jsoup.parseBodyFragment(
                LegacyNewsPortlet.markup(1, nextAgain)).body().html());
    }

    @Test
    void theStandalonePortletShowsNothingRatherThanAnError() throws Exception {
        HttpResponse<String> page = portal.get("edith", "/sample/embed/legacy-news/coquille");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("li").get(1).html()).doesNotContain("coq-widgets");
    }

    private static SocialStore storeThatIsDown() {
        return failing(SocialStore.class);
    }

    /** A store, or one of its parts (its areas), whose every operation fails. */
    private static <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getParameterCount() == 0 && method.getReturnType().getPackageName().equals("org.coquille.spi")) {
                return failing(method.getReturnType());
            }
            return switch (method.getName()) {
                case "close" -> null;
                case "describe" -> "a store whose database is down";
                case "hashCode" -> 0;
                case "equals" -> proxy == args[0];
                case "toString" -> "down";
                default -> throw new StoreUnavailableException("database is down", new SQLException("down"));
            };
        }));
    }
}
