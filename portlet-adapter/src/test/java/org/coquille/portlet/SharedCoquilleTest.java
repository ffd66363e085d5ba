package org.coquille.portlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.portlet.PortletContext;
import javax.portlet.filter.FilterConfig;

import org.coquille.Coquille;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters and portlets of one application share one Coquille, built from their init-params. */
class SharedCoquilleTest {

    @TempDir
    Path work;

    private static PortletContext context() {
        Map<String, Object> attributes = new HashMap<>();
        PortletContext context = mock(PortletContext.class);
        when(context.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.getArgument(0, String.class)));
        doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(context).setAttribute(anyString(), any());
        return context;
    }

    private FilterConfig config(PortletContext context, Map<String, String> params) {
        FilterConfig config = mock(FilterConfig.class);
        when(config.getPortletContext()).thenReturn(context);
        when(config.getInitParameterNames()).thenAnswer(i -> Collections.enumeration(params.keySet()));
        when(config.getInitParameter(anyString())).thenAnswer(i -> params.get(i.getArgument(0, String.class)));
        return config;
    }

    @Test
    void twoFiltersWithTheSameSettingsShareOneCoquilleClosedWithTheLast() throws Exception {
        PortletContext context = context();
        Map<String, String> settings = Map.of("coquille.store", "memory", "coquille.workFolder", work.toString(),
                "coquille.portlet.pageId", "/intranet/{window}");
        Coquille first = SharedCoquille.acquire(context, PortletSettings.forCore(settings));
        Coquille second = SharedCoquille.acquire(context, PortletSettings.forCore(settings));
        assertThat(second).isSameAs(first);

        SharedCoquille.release(context, first);
        assertThat(SharedCoquille.acquire(context, PortletSettings.forCore(settings))).isSameAs(first);
        SharedCoquille.release(context, first);
        SharedCoquille.release(context, first);
        Coquille fresh = SharedCoquille.acquire(context, PortletSettings.forCore(settings));
        assertThat(fresh).isNotSameAs(first);
        SharedCoquille.release(context, fresh);
    }

    @Test
    void aCoquilleTheHostBuiltIsUsedAndNotClosed() throws Exception {
        PortletContext context = context();
        try (Coquille hosts = Coquille.builder().settings(Map.of("coquille.store", "memory",
                "coquille.workFolder", work.toString())).build()) {
            context.setAttribute(SharedCoquille.ATTRIBUTE, hosts);
            CoquillePortletFilter filter = new CoquillePortletFilter();
            filter.init(config(context, Map.of()));
            filter.destroy();

            assertThat(SharedCoquille.acquire(context, Map.of())).isSameAs(hosts);
            assertThat(hosts.pages()).isNotNull();
        }
    }
}
