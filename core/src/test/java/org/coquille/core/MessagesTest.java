package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** The texts read as people write them, whatever the message's arguments. */
class MessagesTest {

    @Test
    void anApostropheShowsOnceInATextWithoutArguments() {
        Messages french = Messages.forLocale(Locale.FRENCH);
        assertThat(french.get("ui.comments.none")).isEqualTo("Aucun commentaire pour l'instant. Soyez le premier.");
        assertThat(french.get("ui.poll.resultsAfterAnswering"))
                .isEqualTo("Les résultats s'affichent une fois que vous avez répondu.");
    }

    @Test
    void anApostropheShowsOnceInATextWithArguments() {
        assertThat(Messages.forLocale(Locale.FRENCH).get("rule.widget.off", "vote")).isEqualTo("Cette page n'a pas de widget vote.");
    }

    @Test
    void everyApostropheIsWrittenForMessageFormatSoThatNoTextLosesOne() {
        for (Locale locale : Messages.LOCALES) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.coquille.core.messages", locale, Messages.CONTROL);
            Messages messages = Messages.forLocale(locale);
            for (String key : bundle.keySet()) {
                if (bundle.getString(key).contains(",choice,")) {
                    continue; // only the branch the argument picks shows
                }
                // '{' and '}' quote a brace: the quotes are MessageFormat's, not the text's
                String meant = bundle.getString(key).replace("'{'", "{").replace("'}'", "}").replace("''", "'");
                long apostrophes = meant.chars().filter(c -> c == '\'').count();
                assertThat(messages.get(key, 1, 2, 3).chars().filter(c -> c == '\'').count())
                        .as(locale + " " + key + " keeps its apostrophes").isEqualTo(apostrophes);
            }
        }
    }

    @Test
    void noTextInEitherLanguageShowsADoubledApostrophe() {
        for (Locale locale : Messages.LOCALES) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.coquille.core.messages", locale, Messages.CONTROL);
            Messages messages = Messages.forLocale(locale);
            for (String key : bundle.keySet()) {
                Object[] args = {1, 2, 3};
                assertThat(messages.get(key, args)).as(locale + " " + key).doesNotContain("''");
                if (!bundle.getString(key).contains("{")) {
                    assertThat(messages.get(key)).as(locale + " " + key).doesNotContain("''");
                }
            }
        }
    }
}
