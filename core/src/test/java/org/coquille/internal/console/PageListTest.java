package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.Coquille;
import org.coquille.core.CataloguedPage;
import org.coquille.core.PageId;
import org.coquille.core.PatternRule;
import org.coquille.core.Widget;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages list finds pages nobody has visited yet: named by an exact pattern, or by an address typed in the search. */
class PageListTest {

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;
    private EditorInConsole console;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC))
                .zone(ZoneOffset.UTC).identity(IdentityResolver.container("coquille-editor")).build();
        console = new EditorInConsole(coquille);
        store.settings().savePatternRule(PatternRule.of("/rh/conges.html", Set.of(Widget.COMMENTS)));
        store.settings().savePatternRule(PatternRule.of("/actualites/*", Set.of(Widget.COMMENTS)));
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    @Test
    void aPageAnExactPatternNamesIsFoundWithoutAccentsOrCase() {
        assertThat(console.page("pages?q=congés").select("main tbody td.coq-url").eachText()).containsExactly("/rh/conges.html");
        assertThat(console.page("pages?q=CONGES").select("main tbody td.coq-url").eachText()).containsExactly("/rh/conges.html");
        assertThat(console.page("pages").select("main tbody td.coq-url").eachText()).as("a folder names no page")
                .containsExactly("/rh/conges.html");
    }

    @Test
    void thePatternsListSaysHowManyKnownPagesEachCoversInWords() {
        assertThat(console.page("patterns").select("main > .coq-table-wrap tbody tr td:nth-child(3)").eachText())
                .containsExactly("No known page", "1 known page");
        console.page("page?id=actualites/a.html");
        console.page("page?id=actualites/b.html");
        assertThat(console.page("patterns").select("main > .coq-table-wrap tbody tr td:nth-child(3)").eachText())
                .containsExactly("2 known pages", "1 known page");
    }

    @Test
    void aPageWhoseAddressHasAccentsIsFoundByItsWords() {
        // as the filter names it: the path as the browser sent it, percent-encoded
        store.catalogue().catalogue(List.of(new CataloguedPage(PageId.of("/rh/cong%C3%A9s-pay%C3%A9s.html"), null,
                Instant.parse("2026-03-01T09:00:00Z"))));
        assertThat(console.page("pages?q=payés").select("main tbody td.coq-url").eachText())
                .containsExactly("/rh/cong%C3%A9s-pay%C3%A9s.html");
    }
}
