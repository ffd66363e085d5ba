package org.coquille.portlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.MutableRenderParameters;
import javax.portlet.RenderParameters;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter's paths that a Portlet 2.0 container cannot run (Portlet 3.0 calls), and two instances of the
 * widgets on one portal page, with the portlet API mocked.
 */
// the Portlet 2.0 calls the adapter makes, deprecated in 3.0
@SuppressWarnings("deprecation")
class PortletWidgetsTest {

    private static final PageId HOME = PageId.of("/portal/home");

    @TempDir
    Path work;
    private Coquille coquille;

    @BeforeEach
    void start() {
        coquille = Coquille.builder().store(new MemoryStore()).settings(Map.of("coquille.workFolder", work.toString())).build();
        coquille.store().pages().saveSettings(PageSettings.off(HOME).withWidgets(EnumSet.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS)));
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private PortletWidgets widgets(boolean portlet3) {
        return new PortletWidgets(coquille, PortletPageIds.template(HOME.value()), portlet3);
    }

    private Document render(PortletWidgets widgets, String ns, String user) throws Exception {
        RenderRequest request = PortletMocks.render(ns, user, Locale.ENGLISH);
        RenderResponse response = PortletMocks.renderResponse(ns, new StringWriter());
        return Jsoup.parseBodyFragment(widgets.fragment(request, response));
    }

    @Test
    void twoInstancesOnOnePageNamespaceEveryIdAndFieldName() throws Exception {
        PortletWidgets widgets = widgets(false);
        Document a = render(widgets, "_A_", "alice");
        Document b = render(widgets, "_B_", "alice");

        for (Document[] pair : new Document[][] {{a, b}, {b, a}}) {
            String ns = pair[0] == a ? "_A_" : "_B_";
            List<String> ids = pair[0].select("[id]").eachAttr("id");
            assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith(ns));
            assertThat(pair[0].select("[name]").eachAttr("name")).isNotEmpty().allMatch(n -> n.startsWith(ns + "coq_"));
            assertThat(pair[0].select("label[for]").eachAttr("for")).allMatch(f -> pair[0].getElementById(f) != null);
            assertThat(pair[0].select("form").eachAttr("action")).allMatch(u -> u.contains("p=" + ns + "&phase=action"));
            assertThat(pair[0].select("form").eachAttr("data-coq-fragment"))
                    .allMatch(u -> u.contains("p=" + ns + "&phase=resource") && u.contains("resource=coquille/form/"));
        }
        Set<String> shared = new HashSet<>(a.select("[id]").eachAttr("id"));
        shared.retainAll(b.select("[id]").eachAttr("id"));
        assertThat(shared).isEmpty();
    }

    @Test
    void theFieldsOfAnInstanceAreReadUnderItsNamespace() {
        ActionRequest request = PortletMocks.action("w", "alice", Map.of(
                "_A_coq_body", new String[] {"mine"}, "_B_coq_body", new String[] {"the other window's"},
                "coq_option", new String[] {"1", "2"}));

        PortletHttpRequest a = new PortletHttpRequest(request, "/_coquille/form/comment", null, null, "_A_", false);

        assertThat(a.parameter("coq_body")).isEqualTo("mine");
        assertThat(a.parameters("coq_option")).containsExactly("1", "2"); // plain names still read (a portal that strips)
        assertThat(a.method()).isEqualTo("POST");
    }

    @Test
    void aCommentPostedAsAnActionIsStoredAndItsOutcomeGoesToTheNextRender() throws Exception {
        PortletWidgets widgets = widgets(false);
        Element form = render(widgets, "_A_", "alice").selectFirst("form.coq-new-comment");
        Map<String, String[]> fields = new java.util.HashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), new String[] {input.attr("value")});
        }
        fields.put("_A_coq_body", new String[] {"Bravo à l'équipe"});
        fields.put(PortletLinks.ACTION_PARAM, new String[] {"comment"});
        fields.put(PortletLinks.KEEP_PREFIX + "item", new String[] {"2"});
        ActionRequest request = PortletMocks.action("w", "alice", fields);
        ActionResponse response = PortletMocks.actionResponse("_A_");

        widgets.act(request, response);

        assertThat(coquille.comments().visibleTo(null, HOME)).extracting(c -> c.body()).containsExactly("Bravo à l'équipe");
        verify(response).setRenderParameter(eq(PortletWidgets.FLASH), any(String.class));
        // Portlet 2.0: the portlet's render parameters came on the action URL and are set back
        verify(response).setRenderParameter("item", new String[] {"2"});
    }

    @Test
    void underPortlet3TheRenderParametersComeBackFromTheRequestItself() {
        ActionRequest request = PortletMocks.action("w", "alice", Map.of(PortletLinks.ACTION_PARAM, new String[] {"vote"},
                "_A_coq_page", new String[] {HOME.value()}, "_A_coq_vote", new String[] {"1"}));
        RenderParameters before = mock(RenderParameters.class);
        MutableRenderParameters after = mock(MutableRenderParameters.class);
        when(request.getRenderParameters()).thenReturn(before);
        ActionResponse response = PortletMocks.actionResponse("_A_");
        when(response.getRenderParameters()).thenReturn(after);

        widgets(true).act(request, response);

        verify(after).set(before);
        // the vote was refused (no CSRF token): nothing stored, and the outcome still goes to the render
        assertThat(coquille.votes().summary(User.employee("alice"), HOME).tally().total()).isZero();
        verify(response).setRenderParameter(eq(PortletWidgets.FLASH), any(String.class));
    }

    @Test
    void underPortlet3AResourceAnswersWithSetStatus() throws Exception {
        ResourceRequest request = PortletMocks.resource("w", "alice", "coquille/api/nothing", "GET");
        ResourceResponse response = PortletMocks.resourceResponse("_A_");
        when(response.getPortletOutputStream()).thenReturn(new BufferStream());

        widgets(true).serve(request, response);

        verify(response).setStatus(404);
        verify(response, never()).setProperty(eq(ResourceResponse.HTTP_STATUS_CODE), any());
    }

    @Test
    void underPortlet2AResourceAnswersWithTheStatusProperty() throws Exception {
        ResourceRequest request = PortletMocks.resource("w", "alice", "coquille/api/nothing", "GET");
        ResourceResponse response = PortletMocks.resourceResponse("_A_");
        when(response.getPortletOutputStream()).thenReturn(new BufferStream());

        widgets(false).serve(request, response);

        verify(response).setProperty(ResourceResponse.HTTP_STATUS_CODE, "404");
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void theJsonApiAnswersAsAResource() throws Exception {
        PortletWidgets widgets = widgets(true);
        String csrf = render(widgets, "_A_", "alice").selectFirst("input[name=_A_coq_csrf]").attr("value");
        ResourceRequest request = PortletMocks.resource("w", "alice", "coquille/api/vote", "POST");
        byte[] json = ("{\"page\":\"" + HOME.value() + "\",\"vote\":-1}").getBytes(StandardCharsets.UTF_8);
        when(request.getContentType()).thenReturn("application/json");
        when(request.getContentLength()).thenReturn(json.length);
        when(request.getPortletInputStream()).thenReturn(new ByteArrayInputStream(json));
        when(request.getProperty("X-Coquille-Csrf")).thenReturn(csrf);
        ResourceResponse response = PortletMocks.resourceResponse("_A_");
        BufferStream body = new BufferStream();
        when(response.getPortletOutputStream()).thenReturn(body);

        widgets.serve(request, response);

        verify(response).setStatus(200);
        verify(response).setContentType("application/json");
        assertThat(body.text()).contains("\"mine\":-1");
        assertThat(coquille.votes().summary(User.employee("alice"), HOME).mine()).isEqualTo(-1);
    }

    @Test
    void theCommentPagesAreRenderUrlsThatUnderPortlet3KeepThePortletsState() throws Exception {
        for (int i = 1; i <= 21; i++) {
            coquille.comments().post(User.employee("alice"), HOME, null, "Commentaire " + i);
        }
        RenderRequest request = PortletMocks.render("w", "alice", Locale.ENGLISH);
        RenderResponse response = PortletMocks.renderResponse("_A_", new StringWriter());
        javax.portlet.RenderURL keeping = mock(javax.portlet.RenderURL.class);
        doAnswer(i -> {
            i.getArgument(0, java.io.Writer.class).write("/portal/home?p=_A_&state=kept");
            return null;
        }).when(keeping).write(any(java.io.Writer.class), org.mockito.ArgumentMatchers.anyBoolean());
        when(response.createRenderURL(javax.portlet.MimeResponse.Copy.ALL)).thenReturn(keeping);

        Document page = Jsoup.parseBodyFragment(widgets(true).fragment(request, response));

        assertThat(page.select(".coq-pager a").eachAttr("href")).containsExactly("/portal/home?p=_A_&state=kept#_A_coq-comments");
        verify(keeping).setParameter("coq_cp", "2");
    }

    @Test
    void aFragmentWrittenAsBytesKeepsWhatTheCharsetCannotHoldAsReferences() {
        byte[] latin1 = PortletWidgets.encode("Très bien 👍", java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(new String(latin1, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("Très bien &#128077;");
    }

    /** A portlet output stream into memory. */
    static final class BufferStream extends ByteArrayOutputStream {

        String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }
}
