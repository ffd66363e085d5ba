package org.coquille.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageIdResolverTest {

    private final PageIdResolver resolver =
            new PageIdResolver(List.of("jsessionid", "utm_*", "fbclid", "coq_*"));

    @Test
    void sessionIdInThePathIsNotPartOfThePage() {
        assertThat(resolver.resolve("/news/article.jsp;jsessionid=ABC123", "id=42").value())
                .isEqualTo("/news/article.jsp?id=42");
    }

    @Test
    void trackingAndCoquilleParametersAreDropped() {
        assertThat(resolver.resolve("/a.jsp", "utm_source=mail&id=7&fbclid=x&coq_flash=abc&UTM_Medium=y").value())
                .isEqualTo("/a.jsp?id=7");
    }

    @Test
    void parameterOrderDoesNotMakeAnotherPage() {
        assertThat(resolver.resolve("/a.jsp", "b=2&a=1")).isEqualTo(resolver.resolve("/a.jsp", "a=1&b=2"));
    }

    @Test
    void encodedValuesAreDecoded() {
        assertThat(resolver.resolve("/search.jsp", "q=caf%C3%A9").value()).isEqualTo("/search.jsp?q=café");
    }

    @Test
    void overlongUrlsAreNotPages() {
        assertThat(resolver.resolve("/a.jsp", "q=" + "x".repeat(600))).isNull();
    }
}
