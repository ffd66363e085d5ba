package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.coquille.inject.Placement;
import org.coquille.social.Pages;
import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.Test;

class PageRulesTest {

    private static PageRules rules(String text) throws IOException {
        return PageRules.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void mostSpecificPatternWins() throws IOException {
        PageRules rules = rules("""
                /actualites/* = comments, vote ; vote=stars
                /actualites/archives/* = off
                /actualites/une.jsp = reactions ; position=after #contenu
                *.jsp = reactions
                """);
        assertThat(rules.match(PageId.of("/actualites/2026/cantine.jsp?id=3")).widgets())
                .containsExactlyInAnyOrder(Widget.COMMENTS, Widget.VOTE);
        assertThat(rules.match(PageId.of("/actualites/2026/cantine.jsp")).voteKind()).isEqualTo(VoteKind.STARS);
        assertThat(rules.match(PageId.of("/actualites/archives/2001.jsp")).widgets()).isEmpty();
        PageSettings une = rules.match(PageId.of("/actualites/une.jsp"));
        assertThat(une.widgets()).containsExactly(Widget.REACTIONS);
        assertThat(une.placement()).isEqualTo(Placement.after("#contenu"));
        assertThat(rules.match(PageId.of("/rh/conges.jsp")).widgets()).containsExactly(Widget.REACTIONS);
        assertThat(rules.match(PageId.of("/rh/conges.html"))).isNull();
    }

    @Test
    void settingsSavedForAPageWinOverPatterns() throws IOException {
        MemoryStore store = new MemoryStore();
        Pages pages = new Pages(store.pages(), store.settings(), rules("/actualites/* = comments"));
        PageId page = PageId.of("/actualites/a.jsp");
        assertThat(pages.settings(page).widgets()).containsExactly(Widget.COMMENTS);
        store.pages().saveSettings(PageSettings.off(page).withWidgets(Set.of(Widget.VOTE)));
        assertThat(pages.settings(page).widgets()).containsExactly(Widget.VOTE);
    }

    @Test
    void badLinesSayWhatIsAllowed() {
        assertThatThrownBy(() -> rules("/a/* = comments, likes"))
                .hasMessageContaining("widget 'likes'").hasMessageContaining("comments, vote, poll, reactions");
        assertThatThrownBy(() -> rules("/a/* = comments ; vote=hearts"))
                .hasMessageContaining("vote=thumbs|stars");
        assertThatThrownBy(() -> rules("a*b = comments")).hasMessageContaining("is not an exact path");
    }
}
