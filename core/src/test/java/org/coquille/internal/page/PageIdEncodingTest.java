package org.coquille.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A page id tells apart queries that differ only in what was encoded; plain values keep the ids stored so far. */
class PageIdEncodingTest {

    private final PageIdResolver resolver = new PageIdResolver(List.of("jsessionid", "utm_*", "coq_*"));

    @Test
    void encodedAmpersandAndEqualsAreAnotherPage() {
        assertThat(resolver.resolve("/a.jsp", "x=1%26y%3D2")).isNotEqualTo(resolver.resolve("/a.jsp", "x=1&y=2"));
        assertThat(resolver.resolve("/a.jsp", "x=1%26y%3D2").value()).isEqualTo("/a.jsp?x=1%26y=2");
    }

    @Test
    void encodedPercentIsNotTakenForAnEncodedCharacter() {
        assertThat(resolver.resolve("/a.jsp", "x=%2526")).isNotEqualTo(resolver.resolve("/a.jsp", "x=%26"));
    }

    @Test
    void encodedEqualsInANameIsAnotherPage() {
        assertThat(resolver.resolve("/a.jsp", "a%3Db=c")).isNotEqualTo(resolver.resolve("/a.jsp", "a=b%3Dc"));
    }

    @Test
    void encodedHashStaysInTheQuery() {
        assertThat(resolver.resolve("/a.jsp", "tag=%23news").value()).isEqualTo("/a.jsp?tag=%23news");
    }

    /** Ids as the resolver stored them before: plain values, decoded UTF-8, spaces, commas, '=' inside a value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id=42                | /news/article.jsp?id=42",
        "q=caf%C3%A9          | /news/article.jsp?q=café",
        "q=sant%C3%A9+au+travail | /news/article.jsp?q=santé au travail",
        "b=2&a=1&utm_source=x | /news/article.jsp?a=1&b=2",
        "ids=1,2              | /news/article.jsp?ids=1,2",
        "token=YWJj==         | /news/article.jsp?token=YWJj==",
        "flag                 | /news/article.jsp?flag",
    })
    void plainValuesKeepTheirStoredIds(String query, String stored) {
        assertThat(resolver.resolve("/news/article.jsp", query).value()).isEqualTo(stored);
    }
}
