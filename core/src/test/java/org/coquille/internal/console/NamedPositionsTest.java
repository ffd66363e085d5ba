package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.Coquille;
import org.coquille.Settings;
import org.coquille.core.NamedPosition;
import org.coquille.core.PageId;
import org.coquille.core.Widget;
import org.coquille.http.IdentityResolver;
import org.coquille.inject.Placement;
import org.coquille.store.MemoryStore;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Places for the widgets that a site administrator names once ({@code coquille.positions}) and editors pick by name in
 * the page settings, instead of writing a CSS selector.
 */
class NamedPositionsTest {

    private static final String POSITIONS = "Après l’article: after div.article | Sous le titre: after #contenu h1";
    private static final PageId PAGE = PageId.of("/rh/conges.jsp");

    @TempDir
    Path work;
    private Coquille coquille;

    @AfterEach
    void stop() {
        if (coquille != null) {
            coquille.close();
        }
    }

    @Test
    void theSettingListsNameAnchorAndSelector() {
        assertThat(Settings.of(Map.of(Settings.POSITIONS, POSITIONS)).positions()).containsExactly(
                new NamedPosition("Après l’article", Placement.after("div.article")),
                new NamedPosition("Sous le titre", Placement.after("#contenu h1")));
        assertThat(Settings.defaults().positions()).isEmpty();
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.POSITIONS, "Après l’article: below div.article")))
                .hasMessage("Setting coquille.positions: 'Après l’article: below div.article' is not a named position:"
                        + " write it as 'name: before|after|inside selector', such as 'After the article: after div.article'");
        assertThatThrownBy(() -> Coquille.builder().settings(Map.of("coquille.workFolder", work.toString(),
                Settings.POSITIONS, "Cassé: after div[[")).store(new MemoryStore()).key(new byte[32]).build())
                .hasMessageStartingWith("Setting coquille.positions: 'Cassé' has");
    }

    @Test
    void editorsPickANamedPositionAndSeeItByNameAgain() {
        MemoryStore store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString(), Settings.POSITIONS, POSITIONS))
                .store(store).key(new byte[32]).identity(IdentityResolver.container("coquille-editor")).build();
        EditorInConsole console = new EditorInConsole(coquille);
        Document form = console.page("page?id=" + PAGE.value());
        assertThat(form.select("#coq-anchor option").eachText()).containsExactly("At the end of the page (default)",
                "Après l’article", "Sous le titre", "Before the selected element", "After the selected element",
                "Inside the selected element, at its end");

        Document saved = console.follow(coquille.handle(console.post("page").param("id", PAGE.value())
                .param("widget", "comments").param("anchor", "after #contenu h1").param("selector", "")));
        assertThat(store.pages().settings(PAGE).placement()).isEqualTo(Placement.after("#contenu h1"));
        assertThat(store.pages().settings(PAGE).widgets()).isEqualTo(Set.of(Widget.COMMENTS));
        assertThat(saved.select("#coq-anchor option[selected]").text()).isEqualTo("Sous le titre");
        assertThat(saved.select("#coq-selector").val()).as("nothing to write").isEmpty();
        assertThat(List.of(saved.select("#coq-anchor option[selected]").val())).containsExactly("after #contenu h1");
    }
}
