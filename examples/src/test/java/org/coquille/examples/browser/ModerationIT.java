package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pre-moderation as the three people involved live it: on the télétravail page ({@code moderation=pre} in the
 * demo's rules) a comment waits until an editor approves it in the console's queue; a comment the editor hides is
 * gone for everyone; the audit trail says who did what.
 */
class ModerationIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final String TELEWORK = "/rh/teletravail.html";

    private static Employee alice;
    private static Employee bruno;
    private static EditorsConsole edith;

    @BeforeAll
    static void people() throws Exception {
        alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        bruno = intranet.employee("bruno", Chromium.Profile.ENGLISH);
        edith = new EditorsConsole(intranet.employee("edith", Chromium.Profile.ENGLISH), intranet.base());
    }

    @Test
    void aCommentWaitsForTheEditorThenShowsAndIsGoneOnceHidden() {
        String text = "Two days a week would suit the whole team.";
        Widgets page = alice.open(TELEWORK);
        page.comment(text);
        assertThat(page.notice()).isEqualTo("Thank you. Your comment will show once an editor approves it.");
        assertThat(bodies(bruno.open(TELEWORK))).as("not shown to others before approval").doesNotContain(text);

        edith.home().section("Moderation (1)");
        assertThat(edith.heading()).isEqualTo("Moderation");
        assertThat(edith.queue()).containsExactly(text);
        edith.moderate(text, "Approve");
        assertThat(edith.notice()).isEqualTo("The comment is approved and visible.");
        assertThat(edith.queue()).isEmpty();
        assertThat(edith.recent()).containsEntry(text, "visible");
        assertThat(bodies(bruno.open(TELEWORK))).as("shown once approved, on the next page view").contains(text);

        edith.moderate(text, "Hide");
        assertThat(edith.notice()).isEqualTo("The comment is hidden.");
        assertThat(edith.recent()).containsEntry(text, "hidden");
        assertThat(bodies(bruno.open(TELEWORK))).as("hidden for everyone").doesNotContain(text);
        assertThat(bodies(alice.open(TELEWORK))).as("hidden for its author too").doesNotContain(text);

        List<EditorsConsole.AuditLine> trail = edith.audit();
        assertThat(trail).hasSizeGreaterThanOrEqualTo(2);
        assertThat(trail.get(0)).satisfies(line -> {
            assertThat(line.editor()).isEqualTo("edith");
            assertThat(line.action()).isEqualTo("Comment hidden");
            assertThat(line.subject()).endsWith("(" + TELEWORK + ")");
            assertThat(line.before()).isEqualTo("visible");
            assertThat(line.after()).isEqualTo("hidden");
        });
        assertThat(trail.get(1)).satisfies(line -> {
            assertThat(line.editor()).isEqualTo("edith");
            assertThat(line.action()).isEqualTo("Comment approved");
            assertThat(line.subject()).isEqualTo(trail.get(0).subject());
            assertThat(line.before()).isEqualTo("waiting");
            assertThat(line.after()).isEqualTo("visible");
        });
    }

    @Test
    void aCommentDeletedFromTheQueueNeverShows() {
        String text = "Working from home on Fridays, please.";
        bruno.open(TELEWORK).comment(text);
        edith.moderation();
        assertThat(edith.queue()).contains(text);
        // with JavaScript the console asks before deleting; the editor says yes
        edith.moderate(text, "Delete");
        assertThat(edith.notice()).isEqualTo("Deleted.");
        assertThat(edith.queue()).doesNotContain(text);
        assertThat(edith.recent()).containsEntry(text, "deleted");
        assertThat(edith.audit().get(0).action()).isEqualTo("Comment deleted");
        assertThat(bodies(alice.open(TELEWORK))).doesNotContain(text);
    }

    private static List<String> bodies(Widgets widgets) {
        return widgets.comments().stream().map(Widgets.ShownComment::body).toList();
    }
}
