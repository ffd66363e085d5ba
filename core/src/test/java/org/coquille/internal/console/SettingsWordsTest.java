package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import org.coquille.core.Messages;
import org.coquille.core.Moderation;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.inject.Placement;
import org.junit.jupiter.api.Test;

/** Settings in the editor's words, never in the pages file's syntax. */
class SettingsWordsTest {

    private static final Messages FR = Messages.forLocale(Locale.FRENCH);
    private static final PageSettings SETTINGS = PageSettings.off(PageId.of("/a.html"))
            .withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE)).withVoteKind(VoteKind.STARS)
            .withModeration(Moderation.PRE).withCommentsLocked(true)
            .withPlacement(new Placement(Placement.Anchor.AFTER, "#contenu"));

    @Test
    void settingsAreSaidInFrench() {
        assertThat(SettingsWords.of(FR, SETTINGS)).isEqualTo("Commentaires, vote · Vote : Une à cinq étoiles"
                + " · Commentaires : Attendent l'approbation d'un éditeur · Commentaires en lecture seule"
                + " · Emplacement : Après l'élément choisi #contenu");
    }

    @Test
    void theAuditTrailsDescriptionReadsTheSameAsTheSettings() {
        assertThat(SettingsWords.ofDescription(FR, SettingsFields.describe(SETTINGS))).isEqualTo(SettingsWords.of(FR, SETTINGS));
        assertThat(SettingsWords.ofDescription(FR, "off ; vote=thumbs ; moderation=post ; position=default"))
                .isEqualTo("Aucun widget · Vote : Pouce levé ou baissé · Commentaires : Affichés aussitôt (modérés ensuite)"
                        + " · Emplacement : À la fin de la page (par défaut)")
                .doesNotContain("=");
    }

    @Test
    void whatItDoesNotKnowStaysAsWritten() {
        assertThat(SettingsWords.ofDescription(FR, "gadget ; colour=blue")).isEqualTo("gadget · colour=blue");
    }
}
