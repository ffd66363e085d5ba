package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coquille.Coquille;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.social.Comments;
import org.coquille.social.Ideas;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments on single ideas of an idea box, end to end through core (forms, script fragments, console moderation,
 * usage report), without a container. Each idea's comments are a comment thread of its own ({@link Ideas#thread}).
 */
class IdeaCommentsRoutesTest {

    private static final String PAGE_HTML = "<html><head><title>Cantine</title></head><body><h1>Menu</h1></body></html>";
    private static final PageId PAGE = PageId.of("/restaurant/menu.html");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String EDITOR_ROLE = "coquille-editor";

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;
    private Idea idea;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder()
                .settings(Map.of("coquille.workFolder", work.toString(), "coquille.rateLimit.writesPerMinute", "50",
                        "coquille.comments.maxLength", "200"))
                .store(store).key(new byte[32]).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .zone(ZoneOffset.UTC).identity(IdentityResolver.container(EDITOR_ROLE))
                .build();
        // the idea box alone: comments on ideas do not need the page's own comments widget
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.IDEAS)));
        idea = coquille.ideas().submit(User.employee("alice"), PAGE, "Salad bar", "A salad bar on Fridays");
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private Document page(String url, String user, String... roles) {
        byte[] out = coquille.decorate(FakeRequest.get(url).user(user, roles), PAGE_HTML.getBytes(StandardCharsets.UTF_8),
                "UTF-8");
        assertThat(out).as("widgets added").isNotNull();
        return Jsoup.parse(new String(out, StandardCharsets.UTF_8));
    }

    private String opened() {
        return PAGE.value() + "?coq_idea=" + idea.id();
    }

    /** A form as a viewer sees it: where it posts and its fields (hidden ones, then those a test fills in or overrides). */
    private record Form(String action, Map<String, String> fields) {

        Form with(String name, String value) {
            fields.put(name, value);
            return this;
        }

        FakeRequest by(String user, String... roles) {
            FakeRequest post = FakeRequest.post(action).user(user, roles).header("Host", "intranet")
                    .header("Origin", "http://intranet");
            fields.forEach(post::param);
            return post;
        }
    }

    /** The form {@code selector} as {@code user} sees it with the idea's comments open. */
    private Form form(String selector, String user, String... roles) {
        Element form = page(opened(), user, roles).selectFirst(selector);
        assertThat(form).as(selector).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(h -> fields.put(h.attr("name"), h.val()));
        return new Form(form.attr("action"), fields);
    }

    private Document follow(HttpResponse response, String user, String... roles) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(303);
        return page(response.header("Location").split("#")[0], user, roles);
    }

    private Element thread(Document page) {
        return page.selectFirst("#coq-idea-" + idea.id() + "-comments");
    }

    @Test
    void eachIdeaShowsItsCommentCountAndALinkThatOpensItsComments() {
        Document closed = page(PAGE.value(), "bruno");
        Element link = closed.selectFirst("#coq-idea-" + idea.id() + " .coq-idea-comment-count a");
        assertThat(link.text()).isEqualTo("Comments (0)");
        assertThat(link.attr("aria-label")).isEqualTo("Comments (0) on “Salad bar”");
        assertThat(link.attr("href")).isEqualTo(opened() + "#coq-idea-" + idea.id() + "-comments");
        assertThat(thread(closed)).as("closed by default").isNull();

        Document open = page(opened(), "bruno");
        assertThat(thread(open).attr("aria-label")).isEqualTo("Comments on “Salad bar”");
        assertThat(thread(open).select(".coq-empty").text()).isEqualTo("No comments yet. Be the first.");
        Element textarea = thread(open).selectFirst(".coq-new-comment textarea");
        assertThat(open.selectFirst("label[for=" + textarea.id() + "]")).isNotNull();
        assertThat(thread(open).selectFirst(".coq-new-comment input[name=coq_page]").val()).isEqualTo("/#idea-" + idea.id());
        assertThat(thread(open).selectFirst(".coq-new-comment input[name=coq_return]").val()).isEqualTo(opened());
        assertThat(open.selectFirst(".coq-idea-comment-count a").text()).isEqualTo("Hide the comments (0)");
        assertThat(open.selectFirst(".coq-idea-comment-count a").attr("href"))
                .isEqualTo(PAGE.value() + "#coq-idea-" + idea.id());
    }

    @Test
    void commentPostedByFormShowsUnderTheIdeaAndCountsForItsPage() {
        HttpResponse posted = coquille.handle(form(".coq-new-comment", "bruno").with("coq_body", "Yes, with lentils").by("bruno"));
        assertThat(posted.header("Location")).startsWith(opened() + "&coq_flash=")
                .endsWith("#coq-idea-" + idea.id() + "-comments");
        Document after = follow(posted, "bruno");
        assertThat(thread(after).select(".coq-notice").text()).isEqualTo("Your comment is posted.");
        assertThat(thread(after).select(".coq-comment .coq-author").text()).isEqualTo("bruno");
        assertThat(thread(after).select(".coq-comment .coq-body").text()).isEqualTo("Yes, with lentils");
        assertThat(after.select(".coq-ideas > .coq-notice")).as("told next to the comments, once").isEmpty();

        Document alices = page(PAGE.value(), "alice");
        assertThat(alices.selectFirst(".coq-idea-comment-count a").text()).isEqualTo("Comments (1)");
        assertThat(store.comments().comments(PAGE)).as("not the page's own comments").isEmpty();
        assertThat(store.comments().comments(Ideas.thread(idea.id()))).hasSize(1);

        coquille.flushViews();
        LocalDate day = LocalDate.of(2026, 3, 2);
        assertThat(coquille.reports().perPage(day, day, Bucket.PERIOD)).extracting(ActivityFigures::page)
                .as("the comment counts for the idea's page, no page of its own").containsExactly(PAGE);
        assertThat(store.activity().activity(ActivityQuery.page(PAGE, day, day, Bucket.PERIOD)).get(0).comments()).isEqualTo(1);
    }

    @Test
    void repliesOneLevelDeepAndAuthorsEditAndDeleteTheirOwnOnly() {
        Comment first = coquille.comments().post(User.employee("bruno"), Ideas.thread(idea.id()), null, "Yes");
        HttpResponse replied = coquille.handle(form(".coq-idea-comments .coq-reply form", "alice")
                .with("coq_body", "Thanks!").by("alice"));
        Document after = follow(replied, "alice");
        assertThat(thread(after).select(".coq-replies .coq-body").text()).isEqualTo("Thanks!");
        Comment reply = store.comments().comments(Ideas.thread(idea.id())).get(1);
        assertThat(reply.parentId()).isEqualTo(first.id());

        HttpResponse deeper = coquille.handle(form(".coq-idea-comments .coq-reply form", "carol")
                .with("coq_parent", String.valueOf(reply.id())).with("coq_body", "Me too").by("carol")
                .header("X-Coquille-Fragment", "1"));
        assertThat(deeper.status()).isEqualTo(400);
        assertThat(Jsoup.parse(deeper.bodyText()).select(".coq-idea-comments .coq-error").text())
                .isEqualTo("You can reply to a comment, not to a reply.");

        assertThat(thread(page(opened(), "carol")).select(".coq-edit")).as("carol may change none").isEmpty();
        Form carols = form(".coq-new-comment", "carol");
        HttpResponse notHers = coquille.handle(new Form(carols.action() + "/edit", carols.fields())
                .with("coq_comment", String.valueOf(first.id())).with("coq_body", "Changed by carol").by("carol")
                .header("X-Coquille-Fragment", "1"));
        assertThat(notHers.status()).isEqualTo(403);
        assertThat(Jsoup.parse(notHers.bodyText()).select(".coq-idea-comments .coq-error").text())
                .isEqualTo("You can only change your own comments.");
        assertThat(store.comments().comment(first.id()).body()).isEqualTo("Yes");

        Document brunos = page(opened(), "bruno");
        assertThat(thread(brunos).select(".coq-edit")).as("bruno may change his own, not alice's reply").hasSize(1);
        Document edited = follow(coquille.handle(form("#coq-comment-" + first.id() + " .coq-edit form", "bruno")
                .with("coq_body", "Yes, on Fridays").by("bruno")), "bruno");
        assertThat(thread(edited).select("#coq-comment-" + first.id() + " .coq-body").text()).isEqualTo("Yes, on Fridays");
        assertThat(thread(edited).select("#coq-comment-" + first.id() + " .coq-edited").text()).isEqualTo("edited");

        Document deleted = follow(coquille.handle(form("#coq-comment-" + first.id() + " form.coq-inline", "bruno")
                .by("bruno")), "bruno");
        assertThat(thread(deleted).select(".coq-notice").text()).isEqualTo("Your comment is deleted.");
        assertThat(thread(deleted).select("#coq-comment-" + first.id())).isEmpty();
        assertThat(store.comments().comment(first.id()).state()).isEqualTo(CommentState.DELETED);
    }

    @Test
    void afterTheEditWindowTheAuthorMayNoLongerChangeTheirComment() {
        Comment old = store.comments().addComment(Ideas.thread(idea.id()), null, "bruno", "Posted an hour ago",
                NOW.minusSeconds(3600), CommentState.VISIBLE);
        assertThat(thread(page(opened(), "bruno")).select(".coq-edit")).as("no edit form any more").isEmpty();
        Form brunos = form(".coq-new-comment", "bruno");
        HttpResponse late = coquille.handle(new Form(brunos.action() + "/delete", brunos.fields())
                .with("coq_comment", String.valueOf(old.id())).by("bruno").header("X-Coquille-Fragment", "1"));
        assertThat(late.status()).isEqualTo(403);
        assertThat(Jsoup.parse(late.bodyText()).select(".coq-idea-comments .coq-error").text())
                .isEqualTo("Comments can be changed for 15 minutes after posting; that time is over.");
        assertThat(store.comments().comment(old.id()).state()).isEqualTo(CommentState.VISIBLE);
        assertThat(thread(page(opened(), "edith", EDITOR_ROLE)).select("#coq-comment-" + old.id() + " .coq-edit"))
                .as("editors may, always").hasSize(1);
    }

    @Test
    void onAPreModeratedPagePendingCommentsShowToTheirAuthorAndEditorsUntilTheConsoleApprovesThem() {
        // through Coquille's store, whose cache then knows
        coquille.store().pages().saveSettings(store.pages().settings(PAGE).withModeration(Moderation.PRE));
        HttpResponse posted = coquille.handle(form(".coq-new-comment", "bruno").with("coq_body", "Lentils please").by("bruno"));
        Document brunos = follow(posted, "bruno");
        assertThat(thread(brunos).select(".coq-notice").text())
                .isEqualTo("Thank you. Your comment will show once an editor approves it.");
        assertThat(thread(brunos).select(".coq-state-pending .coq-badge").text()).isEqualTo("awaiting approval");
        assertThat(page(opened(), "carol").select(".coq-idea-comments .coq-comment")).as("hidden from others").isEmpty();
        assertThat(page(PAGE.value(), "carol").selectFirst(".coq-idea-comment-count a").text()).isEqualTo("Comments (0)");
        assertThat(thread(page(opened(), "edith", EDITOR_ROLE)).select(".coq-state-pending .coq-body").text())
                .isEqualTo("Lentils please");

        FakeRequest console = FakeRequest.get("/_coquille/console/moderation").user("edith", EDITOR_ROLE);
        Document queue = Jsoup.parse(coquille.handle(console).bodyText());
        Element row = queue.selectFirst("section:has(#coq-queue) tr.coq-comment-row");
        assertThat(row.select(".coq-body").text()).isEqualTo("Lentils please");
        assertThat(row.select(".coq-url a").text()).as("the idea's page").isEqualTo(PAGE.value());
        assertThat(row.select(".coq-idea-ref").text()).isEqualTo("on the idea “Salad bar”");
        String token = row.selectFirst("input[name=coq_csrf]").val();
        long id = Long.parseLong(row.attr("data-comment"));
        HttpResponse approved = coquille.handle(FakeRequest.post("/_coquille/console/moderation")
                .user("edith", EDITOR_ROLE).header("Host", "intranet").header("Origin", "http://intranet")
                .param("coq_csrf", token).param("comment", String.valueOf(id)).param("action", "approve"));
        assertThat(approved.status()).isEqualTo(303);
        assertThat(thread(page(opened(), "carol")).select(".coq-comment .coq-body").text()).isEqualTo("Lentils please");
        assertThat(page(PAGE.value(), "carol").selectFirst(".coq-idea-comment-count a").text()).isEqualTo("Comments (1)");
    }

    @Test
    void emptyOrOversizedCommentsAreRefusedWithAClearMessageAndTheTextGivenBack() {
        HttpResponse empty = coquille.handle(form(".coq-new-comment", "bruno").with("coq_body", "   ").by("bruno")
                .header("X-Coquille-Fragment", "1"));
        assertThat(empty.status()).isEqualTo(400);
        Element emptyThread = Jsoup.parse(empty.bodyText()).selectFirst("#coq-idea-" + idea.id() + "-comments");
        assertThat(emptyThread.select(".coq-error").text())
                .isEqualTo("Your comment is empty. Write some text before posting.");

        String tooLong = "x".repeat(201);
        HttpResponse oversized = coquille.handle(form(".coq-new-comment", "bruno").with("coq_body", tooLong).by("bruno"));
        Document after = follow(oversized, "bruno");
        assertThat(thread(after).select(".coq-error").text()).isEqualTo("Your comment has 201 characters; at most 200 are allowed.");
        assertThat(thread(after).select(".coq-new-comment textarea").text()).as("the text given back").isEqualTo(tooLong);
        assertThat(after.selectFirst(".coq-idea-new textarea").text()).as("not in the idea form").isEmpty();

        HttpResponse french = coquille.handle(form(".coq-new-comment", "bruno").with("coq_body", "").by("bruno")
                .header("X-Coquille-Fragment", "1").locale(Locale.FRENCH));
        assertThat(Jsoup.parse(french.bodyText()).select(".coq-idea-comments .coq-error").text())
                .isEqualTo("Votre commentaire est vide. Écrivez un texte avant de publier.");
        assertThat(store.comments().comments(Ideas.thread(idea.id()))).as("nothing stored").isEmpty();
    }

    @Test
    void withoutAValidTokenOrForAnIdeaThatIsNotThereNothingIsStored() {
        HttpResponse forged = coquille.handle(form(".coq-new-comment", "bruno").with("coq_csrf", "forged")
                .with("coq_body", "Hello").by("bruno").header("X-Coquille-Fragment", "1"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(Jsoup.parse(forged.bodyText()).select(".coq-idea-comments .coq-error").text())
                .isEqualTo("This form has expired. Reload the page and try again.");

        HttpResponse missing = coquille.handle(form(".coq-new-comment", "bruno").with("coq_page", "/#idea-999")
                .with("coq_body", "Hello").by("bruno"));
        assertThat(missing.status()).isEqualTo(303);
        assertThat(store.comments().comments(Ideas.thread(idea.id()))).isEmpty();
        assertThat(store.comments().comments(PageId.of("/#idea-999"))).isEmpty();

        coquille.store().pages().saveSettings(store.pages().settings(PAGE).withWidgets(Set.of(Widget.COMMENTS)));
        HttpResponse boxOff = coquille.handle(FakeRequest.post("/_coquille/form/comment").user("bruno")
                .header("Host", "intranet").header("Origin", "http://intranet")
                .param("coq_csrf", page(PAGE.value(), "bruno").selectFirst("input[name=coq_csrf]").val())
                .param("coq_page", Ideas.thread(idea.id()).value()).param("coq_return", PAGE.value())
                .param("coq_body", "Hello").header("X-Coquille-Fragment", "1"));
        assertThat(boxOff.status()).isEqualTo(404);
        assertThat(Jsoup.parse(boxOff.bodyText()).select(".coq-live").text()).isEqualTo("This page has no ideas widget.");
        assertThat(store.comments().comments(Ideas.thread(idea.id()))).isEmpty();
    }

    @Test
    void theScriptGetsTheWidgetsBackInTheViewTheFormCameFrom() {
        Idea newer = store.ideas().addIdea(PAGE, "carol", "Soup", "Soup in winter", NOW.plusSeconds(60));
        Element form = page(PAGE.value() + "?coq_ideas=newest&coq_idea=" + idea.id(), "bruno")
                .selectFirst(".coq-new-comment");
        assertThat(form.selectFirst("input[name=coq_return]").val())
                .isEqualTo(PAGE.value() + "?coq_ideas=newest&coq_idea=" + idea.id());
        FakeRequest post = FakeRequest.post(form.attr("action")).user("bruno").header("Host", "intranet")
                .header("Origin", "http://intranet").header("X-Coquille-Fragment", "1").param("coq_body", "Good idea");
        form.select("input[type=hidden]").forEach(h -> post.param(h.attr("name"), h.val()));
        HttpResponse response = coquille.handle(post);
        assertThat(response.status()).isEqualTo(200);
        Document fragment = Jsoup.parse(response.bodyText());
        assertThat(fragment.select(".coq-idea-title").eachText()).as("still newest first").containsExactly("Soup", "Salad bar");
        assertThat(fragment.select("#coq-idea-" + idea.id() + "-comments .coq-body").text()).isEqualTo("Good idea");
        assertThat(fragment.select("#coq-idea-" + newer.id() + "-comments")).isEmpty();
        assertThat(fragment.select(".coq-idea-order a[aria-current]").text()).isEqualTo("newest");
        assertThat(fragment.selectFirst(".coq-idea-order a").attr("href"))
                .as("links built on the page's URL, not the view's").isEqualTo(PAGE.value() + "?coq_ideas=votes#coq-ideas");
    }

    @Test
    void ideaThreadsAreNotPagesOfTheConsole() {
        coquille.comments().post(User.employee("bruno"), Ideas.thread(idea.id()), null, "Yes");
        page(PAGE.value(), "bruno");
        coquille.flushViews();
        Document pages = Jsoup.parse(coquille.handle(FakeRequest.get("/_coquille/console/pages")
                .user("edith", EDITOR_ROLE)).bodyText());
        assertThat(pages.text()).contains(PAGE.value()).doesNotContain("#idea-");
    }
}
