package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.coquille.examples.browser.Widgets.ShownComment;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An employee uses every widget with JavaScript on: each action answers in place, the page is never reloaded. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class WidgetsWithJavaScriptIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final String NEWS = "/actualites/nouveau-restaurant.html";
    private static final String TELEWORK = "/rh/teletravail.html";
    private static final String QUESTION = "Combien de jours de télétravail par semaine souhaiteriez-vous ?";

    @Test
    void commentsReplyEditAndDeleteWithoutReload() throws Exception {
        Employee alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        Widgets widgets = alice.open(NEWS);
        alice.markPage();

        widgets.comment("The grill corner is a good idea.");
        assertThat(widgets.notice()).isEqualTo("Your comment is posted.");
        assertThat(widgets.comments()).containsExactly(new ShownComment("alice", "The grill corner is a good idea.", false, true));

        widgets.reply("The grill corner is a good idea.", "And the coffee corner too.");
        widgets.edit("And the coffee corner too.", "And the coffee corner, too!");
        assertThat(widgets.notice()).isEqualTo("Your comment is updated.");
        widgets.comment("A comment to take back.");
        widgets.delete("A comment to take back.");
        assertThat(widgets.notice()).isEqualTo("Your comment is deleted.");

        assertThat(widgets.comments()).containsExactly(
                new ShownComment("alice", "The grill corner is a good idea.", false, true),
                new ShownComment("alice", "And the coffee corner, too!", true, true));
        assertThat(alice.stillOnMarkedPage()).as("no page load happened").isTrue();
        assertThat(alice.url()).doesNotContain("coq_");
    }
}
