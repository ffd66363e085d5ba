package org.coquille.portlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.PortletMode;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;
import javax.portlet.filter.FilterChain;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreUnavailableException;
import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter adds widgets after the portlet's markup, and on any failure leaves that markup exactly as it was. */
// the Portlet 2.0 calls the adapter makes, deprecated in 3.0
@SuppressWarnings("deprecation")
class CoquillePortletFilterTest {

    private static final String LEGACY = "<table><tr><td><font size=\"2\">Menu du jour : blanquette</font></td></tr></table>";
    private static final PageId HOME = PageId.of("/portal/home");

    @TempDir
    Path work;

    private Coquille coquille(SocialStore store) {
        Coquille coquille = Coquille.builder().store(store).settings(Map.of("coquille.workFolder", work.toString())).build();
        if (store instanceof MemoryStore) {
            coquille.store().pages().saveSettings(PageSettings.off(HOME).withWidgets(EnumSet.of(Widget.COMMENTS)));
        }
        return coquille;
    }

    /** A chain whose portlet writes {@link #LEGACY} through its writer. */
    private static FilterChain legacyPortlet() throws Exception {
        FilterChain chain = mock(FilterChain.class);
        doAnswer(i -> {
            i.getArgument(1, RenderResponse.class).getWriter().write(LEGACY);
            return null;
        }).when(chain).doFilter(any(RenderRequest.class), any(RenderResponse.class));
        return chain;
    }

    @Test
    void theWidgetsComeAfterThePortletsMarkup() throws Exception {
        try (Coquille coquille = coquille(new MemoryStore())) {
            StringWriter out = new StringWriter();
            new CoquillePortletFilter(coquille, PortletPageIds.template(HOME.value())).doFilter(
                    PortletMocks.render("w", "alice", Locale.FRENCH), PortletMocks.renderResponse("_w_", out), legacyPortlet());

            assertThat(out.toString()).startsWith(LEGACY + "<link rel=\"stylesheet\"").contains("class=\"coq-widgets\"")
                    .contains("lang=\"fr\"");
        }
    }

    @Test
    void aStoreThatIsDownLeavesTheMarkupExactlyAsItWas() throws Exception {
        try (Coquille coquille = coquille(storeThatIsDown())) {
            StringWriter out = new StringWriter();
            new CoquillePortletFilter(coquille, PortletPageIds.template(HOME.value())).doFilter(
                    PortletMocks.render("w", "alice", Locale.ENGLISH), PortletMocks.renderResponse("_w_", out), legacyPortlet());

            assertThat(out.toString()).isEqualTo(LEGACY);
        }
    }

    @Test
    void aPortalThatFailsToMakeUrlsLeavesTheMarkupExactlyAsItWas() throws Exception {
        try (Coquille coquille = coquille(new MemoryStore())) {
            StringWriter out = new StringWriter();
            RenderResponse response = PortletMocks.renderResponse("_w_", out);
            when(response.createActionURL()).thenThrow(new IllegalStateException("portal bug"));

            new CoquillePortletFilter(coquille, PortletPageIds.template(HOME.value())).doFilter(
                    PortletMocks.render("w", "alice", Locale.ENGLISH), response, legacyPortlet());

            assertThat(out.toString()).isEqualTo(LEGACY);
        }
    }

    @Test
    void otherModesAndOtherContentAreLeftAlone() throws Exception {
        try (Coquille coquille = coquille(new MemoryStore())) {
            CoquillePortletFilter filter = new CoquillePortletFilter(coquille, PortletPageIds.template(HOME.value()));
            StringWriter edit = new StringWriter();
            RenderRequest editing = PortletMocks.render("w", "alice", Locale.ENGLISH);
            when(editing.getPortletMode()).thenReturn(PortletMode.EDIT);
            filter.doFilter(editing, PortletMocks.renderResponse("_w_", edit), legacyPortlet());

            StringWriter xml = new StringWriter();
            RenderResponse xmlResponse = PortletMocks.renderResponse("_w_", xml);
            when(xmlResponse.getContentType()).thenReturn("application/xml");
            filter.doFilter(PortletMocks.render("w", "alice", Locale.ENGLISH), xmlResponse, legacyPortlet());

            assertThat(edit.toString()).isEqualTo(LEGACY);
            assertThat(xml.toString()).isEqualTo(LEGACY);
        }
    }

    @Test
    void aPortletWritingBytesGetsTheWidgetsInItsCharset() throws Exception {
        try (Coquille coquille = coquille(new MemoryStore())) {
            coquille.store().pages().saveSettings(PageSettings.off(HOME).withWidgets(EnumSet.of(Widget.COMMENTS, Widget.REACTIONS)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RenderResponse response = PortletMocks.renderResponse("_w_", new StringWriter());
            when(response.getWriter()).thenThrow(new IllegalStateException("the portlet took the stream"));
            when(response.getPortletOutputStream()).thenReturn(bytes);
            when(response.getCharacterEncoding()).thenReturn("ISO-8859-1");
            FilterChain chain = mock(FilterChain.class);
            doAnswer(i -> {
                bytes.write(LEGACY.getBytes(StandardCharsets.ISO_8859_1));
                return null;
            }).when(chain).doFilter(any(RenderRequest.class), any(RenderResponse.class));

            new CoquillePortletFilter(coquille, PortletPageIds.template(HOME.value()))
                    .doFilter(PortletMocks.render("w", "alice", Locale.FRENCH), response, chain);

            String page = bytes.toString(StandardCharsets.ISO_8859_1);
            assertThat(page).startsWith(LEGACY + "<link").contains("Commentaires");
            // the reactions' emoji cannot be Latin-1: they go as character references, and read back whole
            assertThat(org.jsoup.Jsoup.parse(page).select(".coq-reaction span[aria-hidden]").eachText()).contains("👍");
        }
    }

    @Test
    void filterWithAMistypedSettingPassesEveryRequestToThePortlet() throws Exception {
        javax.portlet.filter.FilterConfig config = mock(javax.portlet.filter.FilterConfig.class);
        Map<String, String> params = Map.of("coquille.workFolder", work.toString(),
                "coquille.storre", "memory"); // no such setting: Coquille cannot start, and the log names it
        when(config.getInitParameterNames()).thenReturn(java.util.Collections.enumeration(params.keySet()));
        when(config.getInitParameter(any(String.class))).thenAnswer(i -> params.get(i.getArgument(0, String.class)));
        when(config.getPortletContext()).thenReturn(mock(javax.portlet.PortletContext.class));
        CoquillePortletFilter filter = new CoquillePortletFilter();
        filter.init(config); // the portal's start goes on (it used to stop with a PortletException)

        RenderRequest render = PortletMocks.render("w", "alice", Locale.FRENCH);
        StringWriter written = new StringWriter();
        RenderResponse response = PortletMocks.renderResponse("_w_", written);
        FilterChain chain = mock(FilterChain.class);
        doAnswer(i -> {
            written.write(LEGACY);
            return null;
        }).when(chain).doFilter(any(RenderRequest.class), any(RenderResponse.class));
        filter.doFilter(render, response, chain);
        assertThat(written.toString()).isEqualTo(LEGACY);
        filter.destroy();
    }

    @Test
    void actionsAndResourcesThatAreNotCoquillesReachThePortletUntouched() throws Exception {
        try (Coquille coquille = coquille(new MemoryStore())) {
            CoquillePortletFilter filter = new CoquillePortletFilter(coquille, PortletPageIds.template(HOME.value()));
            FilterChain chain = mock(FilterChain.class);
            ActionRequest action = PortletMocks.action("w", "alice", Map.of("next", new String[] {"1"}));
            ActionResponse actionResponse = PortletMocks.actionResponse("_w_");
            ResourceRequest resource = PortletMocks.resource("w", "alice", "chart.png", "GET");
            ResourceResponse resourceResponse = PortletMocks.resourceResponse("_w_");

            filter.doFilter(action, actionResponse, chain);
            filter.doFilter(resource, resourceResponse, chain);

            verify(chain).doFilter(action, actionResponse);
            verify(chain).doFilter(resource, resourceResponse);
            verify(actionResponse, never()).setRenderParameter(any(String.class), any(String.class));
        }
    }

    private static SocialStore storeThatIsDown() {
        return failing(SocialStore.class);
    }

    /** A store, or one of its parts (its areas), whose every operation fails. */
    private static <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getParameterCount() == 0 && method.getReturnType().getPackageName().equals("org.coquille.spi")) {
                return failing(method.getReturnType());
            }
            return switch (method.getName()) {
                case "close" -> null;
                case "describe" -> "a store whose database is down";
                case "hashCode" -> 0;
                case "equals" -> proxy == args[0];
                case "toString" -> "down";
                default -> throw new StoreUnavailableException("database is down", new SQLException("down"));
            };
        }));
    }
}
