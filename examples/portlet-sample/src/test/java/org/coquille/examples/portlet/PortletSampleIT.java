package org.coquille.examples.portlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coquille.core.Comment;
import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample portlet application in GateIn's portlet container (Portlet 2.0) inside Tomcat 9: the filter on the
 * legacy news portlet, and the standalone portlet, driven over HTTP as a browser would.
 */
class PortletSampleIT {

    /** The legacy portlet alone on a page, and its window: the page id the filter derives ({page}?window={window}). */
    private static final String NEWS_PAGE = "/sample/embed/legacy-news";
    private static final PageId NEWS = PageId.of(NEWS_PAGE + "?window=0");

    @TempDir
    static Path work;
    private static Coquille coquille;
    private static EmbeddedPortal portal;

    @BeforeAll
    static void start() throws Exception {
        coquille = Coquille.builder().store(new MemoryStore())
                .settings(Map.of("coquille.workFolder", work.toString(), "coquille.rateLimit.writesPerMinute", "1000"))
                .build();
        coquille.store().pages().saveSettings(PageSettings.off(NEWS)
                .withWidgets(EnumSet.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS)).withVoteKind(VoteKind.THUMBS));
        portal = new EmbeddedPortal(coquille, work);
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
        coquille.close();
    }

    @Test
    void legacyPortletMarkupIsIntactWithTheWidgetsAfterIt() throws Exception {
        HttpResponse<String> page = portal.get("alice", NEWS_PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        String next = doc.getElementById("next-news").attr("href");
        String legacy = LegacyNewsPortlet.markup(0, next);

        // the portlet's bytes, exactly as it wrote them, then Coquille's stylesheet and widgets
        assertThat(page.body()).contains("<li>" + legacy + "<link rel=\"stylesheet\"");
        Element widgets = doc.selectFirst("li > section.coq-widgets");
        assertThat(widgets).isNotNull();
        assertThat(widgets.attr("data-coq-page")).isEqualTo(NEWS.value());
        assertThat(widgets.select("form.coq-new-comment textarea")).hasSize(1);
        // every form posts to a portlet action URL of this window, and the script to a resource URL
        for (Element form : widgets.select("form")) {
            assertThat(form.attr("action")).contains("javax.portlet.phase=action").contains("coq_action=");
            assertThat(form.attr("data-coq-fragment")).contains("javax.portlet.phase=resource")
                    .containsPattern("javax.portlet.resource=coquille(/|%2F)form(/|%2F)");
        }
    }

    @Test
    void commentPostedThroughAnActionIsStoredAndShownWithThePortletStateKept() throws Exception {
        // the reader moves the legacy portlet to its second news item (the portlet's own action, passed through)
        Document first = Jsoup.parse(portal.get("alice", NEWS_PAGE).body());
        Document second = Jsoup.parse(portal.postAndFollow("alice", first.getElementById("next-news").attr("href"),
                Map.of()).body());
        assertThat(second.text()).contains("(2/3)");

        Element form = second.selectFirst("form.coq-new-comment");
        Map<String, String> fields = formFields(form);
        fields.put(form.selectFirst("textarea").attr("name"), "Très bonne nouvelle : menus à 4,50 € ✓");
        Document after = Jsoup.parse(portal.postAndFollow("alice", form.attr("action"), fields).body());

        List<Comment> stored = coquille.comments().visibleTo(User.employee("alice"), NEWS);
        assertThat(stored).extracting(Comment::body).contains("Très bonne nouvelle : menus à 4,50 € ✓");
        assertThat(stored).extracting(Comment::author).contains("alice");
        assertThat(after.select(".coq-comment .coq-body").eachText()).contains("Très bonne nouvelle : menus à 4,50 € ✓");
        assertThat(after.select(".coq-comments .coq-notice").text()).isEqualTo("Your comment is posted.");
        assertThat(after.text()).as("the legacy portlet still shows the item the reader was on").contains("(2/3)");
    }

    @Test
    void voteThroughAResourceRequestAnswersTheWidgetsAndIsStored() throws Exception {
        Document page = Jsoup.parse(portal.get("bruno", NEWS_PAGE).body());
        Element form = page.selectFirst(".coq-vote form");
        Map<String, String> fields = formFields(form);
        Element up = form.selectFirst("button[value=1]");
        fields.put(up.attr("name"), up.attr("value"));

        HttpResponse<String> answer = portal.post("bruno", form.attr("data-coq-fragment"), fields,
                Map.of("X-Coquille-Fragment", "1"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Document widgets = Jsoup.parseBodyFragment(answer.body());
        assertThat(widgets.select("section.coq-widgets")).hasSize(1);
        assertThat(widgets.selectFirst(".coq-vote button[value=1]").attr("aria-pressed")).isEqualTo("true");
        // the re-rendered widgets still post through this window's portlet URLs
        assertThat(widgets.selectFirst(".coq-vote form").attr("action")).contains("javax.portlet.phase=action");
        assertThat(coquille.votes().summary(User.employee("bruno"), NEWS).mine()).isEqualTo(1);
    }

    @Test
    void theAssetsAreServedAsResources() throws Exception {
        Document page = Jsoup.parse(portal.get("alice", NEWS_PAGE).body());
        String css = page.selectFirst("link[rel=stylesheet]").attr("href");
        String js = page.selectFirst("script[src]").attr("src");

        HttpResponse<String> style = portal.get("alice", css);
        HttpResponse<String> script = portal.get("alice", js);

        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(style.body()).contains(".coq-widgets");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("data-coq-fragment");
    }

    @Test
    void twoWindowsOfThePortletOnOnePageDoNotCollide() throws Exception {
        String twice = NEWS_PAGE + "/legacy-news";
        for (String window : List.of("0", "1")) {
            coquille.store().pages().saveSettings(PageSettings.off(PageId.of(twice + "?window=" + window))
                    .withWidgets(EnumSet.of(Widget.COMMENTS, Widget.VOTE)));
        }
        Document page = Jsoup.parse(portal.get("alice", twice).body());

        List<Element> sections = page.select("section.coq-widgets");
        assertThat(sections).hasSize(2);
        assertThat(sections).extracting(s -> s.attr("data-coq-page"))
                .containsExactly(twice + "?window=0", twice + "?window=1");
        // (the legacy portlet's own ids repeat, its author never thought of two windows; Coquille's do not)
        List<String> ids = page.select("section.coq-widgets, section.coq-widgets [id]").eachAttr("id");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
        for (Element label : page.select("section.coq-widgets label[for]")) {
            assertThat(page.getElementById(label.attr("for"))).as("label for " + label.attr("for")).isNotNull();
        }
        List<String> textareas = page.select("textarea").eachAttr("name");
        assertThat(textareas).hasSize(2).doesNotHaveDuplicates();

        // a comment posted in the second window goes to the second window's page only
        Element form = sections.get(1).selectFirst("form.coq-new-comment");
        Map<String, String> fields = formFields(form);
        fields.put(form.selectFirst("textarea").attr("name"), "Dans la deuxième fenêtre");
        portal.postAndFollow("alice", form.attr("action"), fields);
        assertThat(coquille.comments().visibleTo(null, PageId.of(twice + "?window=1"))).extracting(Comment::body)
                .containsExactly("Dans la deuxième fenêtre");
        assertThat(coquille.comments().visibleTo(null, PageId.of(twice + "?window=0"))).isEmpty();
    }

    @Test
    void anEditorTurnsWidgetsOnInTheStandalonePortletsEditMode() throws Exception {
        String page = "/sample/embed/coquille";
        PageId id = PageId.of(page);
        Document view = Jsoup.parse(portal.get("edith", page).body());
        Element edit = view.selectFirst("p.coq-notice a[href]");
        assertThat(edit).as("the editor is offered the EDIT mode").isNotNull();
        assertThat(Jsoup.parse(portal.get("alice", page).body()).select("li a")).as("an employee is not").isEmpty();

        Document form = Jsoup.parse(portal.get("edith", edit.attr("href")).body());
        Element editForm = form.selectFirst("form");
        Map<String, String> fields = formFields(editForm);
        String ns = editForm.selectFirst("input[type=hidden]").attr("name").replace("coq_token", "");
        assertThat(fields.get(ns + "coq_page")).isEqualTo(page);
        fields.put(ns + "vote", "stars");
        fields.put(ns + "coq_question", "Le nouveau menu vous plaît-il ?");
        fields.put(ns + "coq_options", "Oui\nNon\nJe ne sais pas");
        fields.put(ns + "coq_choice", "SINGLE");
        // checkboxes: a multi-valued field, posted twice
        HttpResponse<String> saved = portal.postAndFollow("edith", editForm.attr("action"),
                withWidgets(fields, ns + "widget", "comments", "vote"));

        assertThat(Jsoup.parse(saved.body()).select(".coq-error").text()).as("no error after saving").isEmpty();
        PageSettings settings = coquille.pages().settings(id);
        assertThat(settings.widgets()).containsExactlyInAnyOrder(Widget.COMMENTS, Widget.VOTE, Widget.POLL);
        assertThat(settings.voteKind()).isEqualTo(VoteKind.STARS);
        assertThat(coquille.polls().viewsOf(null, id)).extracting(v -> v.poll().question())
                .containsExactly("Le nouveau menu vous plaît-il ?");
        Document shown = Jsoup.parse(portal.get("alice", page).body());
        assertThat(shown.select(".coq-vote .coq-star")).hasSize(5);
        assertThat(shown.select(".coq-poll legend").text()).isEqualTo("Le nouveau menu vous plaît-il ?");
        assertThat(saved.statusCode()).isEqualTo(200);
    }

    @Test
    void aPollTheEditorGotWrongIsExplainedAndNothingIsSaved() throws Exception {
        String page = "/sample/embed/legacy-news/coquille";
        Document view = Jsoup.parse(portal.get("edith", page).body());
        Document form = Jsoup.parse(portal.get("edith", view.selectFirst("p.coq-notice a[href]").attr("href")).body());
        Element editForm = form.selectFirst("form");
        Map<String, String> fields = formFields(editForm);
        String ns = editForm.selectFirst("input[type=hidden]").attr("name").replace("coq_token", "");
        PageId id = PageId.of(fields.get(ns + "coq_page"));
        PageSettings before = coquille.pages().settings(id);
        int pollsBefore = coquille.polls().viewsOf(null, id).size();
        fields.put(ns + "coq_question", "Une seule réponse possible ?");
        fields.put(ns + "coq_options", "Oui");

        Document after = Jsoup.parse(portal.postAndFollow("edith", editForm.attr("action"),
                withWidgets(fields, ns + "widget", "comments")).body());

        assertThat(after.select(".coq-error").text()).contains("1").contains("2");
        assertThat(after.select("input[name=" + ns + "coq_question]").attr("value")).isEqualTo("Une seule réponse possible ?");
        assertThat(coquille.pages().settings(id)).isEqualTo(before);
        assertThat(coquille.polls().viewsOf(null, id)).hasSize(pollsBefore);
    }

    @Test
    void theCommentPagesAreRenderUrlsOfTheWindow() throws Exception {
        String page = NEWS_PAGE + "/legacy-news/legacy-news";
        PageId third = PageId.of(page + "?window=2");
        coquille.store().pages().saveSettings(PageSettings.off(third).withWidgets(EnumSet.of(Widget.COMMENTS)));
        for (int i = 1; i <= 23; i++) {
            coquille.comments().post(User.employee("bruno"), third, null, "Commentaire n° " + i);
        }
        Document first = Jsoup.parse(portal.get("alice", page).body());
        Element pager = first.selectFirst("#" + first.select("section.coq-widgets").get(0).id().replace("coq-widgets", "")
                + "coq-comments .coq-pager a");
        assertThat(first.select("section.coq-widgets")).hasSize(1);
        assertThat(pager).isNotNull();

        Document second = Jsoup.parse(portal.get("alice", pager.attr("href")).body());

        assertThat(second.select(".coq-comment .coq-body").eachText())
                .containsExactly("Commentaire n° 21", "Commentaire n° 22", "Commentaire n° 23");
        assertThat(second.select(".coq-pager [aria-current=page]").text()).isEqualTo("2");
    }

    /** The hidden fields of a form, under their (namespaced) names. */
    static Map<String, String> formFields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden], input[type=text]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

    private static Map<String, String> withWidgets(Map<String, String> fields, String name, String... values) {
        // EmbeddedPortal posts a map; a repeated field goes in as one key per value, told apart by a suffix the
        // encoder strips (see EmbeddedPortal.post)
        Map<String, String> all = new LinkedHashMap<>(fields);
        for (int i = 0; i < values.length; i++) {
            all.put(name + EmbeddedPortal.REPEAT + i, values[i]);
        }
        return all;
    }
}
