package org.coquille.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A link built from a page id stays on this intranet, whatever the id holds, at the root context too. */
class PageLinksTest {

    private static final URI INTRANET = URI.create("https://intranet.example/console/pages");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "///evil.example", "/\\evil.example/x", "/\\/evil.example", "/news/a.jsp?x=//y"})
    void linkResolvesOnThisHost(String page) {
        for (String context : new String[] {"", "/intranet"}) {
            URI target = INTRANET.resolve(PageLinks.href(context, page).replace("\\", "/"));
            assertThat(target.getHost()).as(context + page).isEqualTo("intranet.example");
        }
    }

    @Test
    void ordinaryLinksAreUnchanged() {
        assertThat(PageLinks.href("", "/news/a.jsp?id=1")).isEqualTo("/news/a.jsp?id=1");
        assertThat(PageLinks.href("/intranet", "/news/a.jsp")).isEqualTo("/intranet/news/a.jsp");
        assertThat(PageLinks.href("", "//x")).isEqualTo("/.//x");
    }

    @Test
    void consoleLinksAPageIdAtTheRootContextOnThisHost() {
        MemoryStore store = new MemoryStore();
        PageId odd = PageId.of("//evil.example/x");
        store.pages().saveSettings(PageSettings.off(odd).withWidgets(Set.of(Widget.COMMENTS)));
        try (Coquille coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).identity(IdentityResolver.container("coquille-editor")).build()) {
            coquille.countView(FakeRequest.get("//evil.example/x"));
            coquille.flushViews();
            for (String path : new String[] {"pages", "page?id=//evil.example/x"}) {
                HttpResponse response = coquille.handle(FakeRequest.get("/_coquille/console/" + path)
                        .user("edith", "coquille-editor"));
                assertThat(response.status()).as(path).isEqualTo(200);
                Element link = Jsoup.parse(response.bodyText()).selectFirst("a:containsOwn(//evil.example/x)");
                assertThat(link).as(path).isNotNull();
                assertThat(INTRANET.resolve(link.attr("href")).getHost()).as(path).isEqualTo("intranet.example");
            }
        }
    }
}
