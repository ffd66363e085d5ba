package org.coquille.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.coquille.core.RuleViolation;
import org.coquille.internal.page.PageIdResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses as editors type them, read the one lenient way the whole console uses. */
class AddressInputTest {

    private final AddressInput addresses = new AddressInput("/intranet", new PageIdResolver(List.of("utm_*", "jsessionid")));

    @ParameterizedTest(name = "{0} is the page {1}")
    @CsvSource(delimiter = '|', value = {
            "/rh/conges.html | /rh/conges.html",
            "rh/conges.html | /rh/conges.html",
            "  rh/conges.html   | /rh/conges.html",
            "conges.html | /conges.html",
            "https://intranet.example.com/intranet/rh/conges.html | /rh/conges.html",
            "HTTP://intranet.example.com/intranet/rh/conges.html#haut | /rh/conges.html",
            "http://intranet:8080/intranet | /",
            "https://intranet.example.com/autre/page.jsp | /autre/page.jsp",
            "/intranet/rh/conges.html | /rh/conges.html",
            "/news/article.jsp?id=42&utm_source=mail | /news/article.jsp?id=42",
            "https://i.example/intranet/news/article.jsp?b=2&a=1 | /news/article.jsp?a=1&b=2",
            "/rh/congés.html | /rh/cong%C3%A9s.html",
            "/rh/cong%C3%A9s.html | /rh/cong%C3%A9s.html",
            "/rh/notes de service.html | /rh/notes%20de%20service.html",
            "/a.jsp;jsessionid=ABC | /a.jsp",
            "/rh/conges.html? | /rh/conges.html",
    })
    void aPageIsReadAsTheFilterNamesIt(String typed, String page) {
        assertThat(addresses.page(typed).value()).isEqualTo(page);
    }

    @ParameterizedTest(name = "{0} is the pattern {1}")
    @CsvSource(delimiter = '|', value = {
            "/actualites/* | /actualites/*",
            "actualites/* | /actualites/*",
            "/actualites/ | /actualites/*",
            "actualites/ | /actualites/*",
            "/actualites* | /actualites/*",
            "https://intranet.example.com/intranet/actualites/* | /actualites/*",
            "https://intranet.example.com/intranet/actualites/ | /actualites/*",
            "*.jsp | *.jsp",
            "* | /*",
            "/* | /*",
            "/rh/conges.html | /rh/conges.html",
            "rh/conges.html | /rh/conges.html",
            "/intranet/actualites/* | /actualites/*",
    })
    void aPatternIsReadLeniently(String typed, String pattern) {
        assertThat(addresses.pattern(typed)).isEqualTo(pattern);
    }

    @ParameterizedTest(name = "page \"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "'' | console.error.address.empty",
            "'   ' | console.error.address.empty",
            "/actualites/* | console.error.address.star",
            "//intranet/rh/conges.html | console.error.address.url",
            "http://[oops/rh | console.error.address.url",
    })
    void aBadPageIsRefusedWithItsReason(String typed, String key) {
        assertThatThrownBy(() -> addresses.page(typed)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID);
        });
    }

    @ParameterizedTest(name = "pattern \"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "'' | console.error.address.empty",
            "/actualites/*/archives | console.error.pattern",
            "/a/**| console.error.pattern",
            "*.| console.error.pattern",
            "*.js/p | console.error.pattern",
            "/news/article.jsp?id=4 | console.error.address.query",
    })
    void aBadPatternIsRefusedWithItsReason(String typed, String key) {
        assertThatThrownBy(() -> addresses.pattern(typed)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void aLineBreakOrATooLongAddressIsRefused() {
        assertThatThrownBy(() -> addresses.page("/a\n/b")).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.key()).isEqualTo("console.error.address.control"));
        assertThatThrownBy(() -> addresses.page("/" + "a".repeat(600))).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.key()).isEqualTo("console.error.address.tooLong"));
        assertThatThrownBy(() -> addresses.pattern("/" + "a".repeat(600) + "/*")).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.key()).isEqualTo("console.error.address.tooLong"));
    }

    @Test
    void everyRefusalSaysWhatWasTypedInTheEditorsLanguage() {
        RuleViolation e = org.junit.jupiter.api.Assertions.assertThrows(RuleViolation.class,
                () -> addresses.pattern("/actualites/*/archives"));
        assertThat(e.message(Locale.FRENCH)).contains("« /actualites/*/archives »", "/a/*");
        RuleViolation empty = org.junit.jupiter.api.Assertions.assertThrows(RuleViolation.class, () -> addresses.page(""));
        assertThat(empty.message(Locale.ENGLISH)).isEqualTo("Give the page's address, such as /rh/conges.html, or paste its full URL.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rh/conges.html", "rh/conges.html", "conges.html", "https://intranet/x", "actualites/*",
            "page.jsp?id=3"})
    void aSearchThatLooksLikeAnAddress(String typed) {
        assertThat(AddressInput.looksLikeAddress(typed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"congés", "rapport annuel", "menu", "", "3.5 jours"})
    void aSearchForWordsIsNotAnAddress(String typed) {
        assertThat(AddressInput.looksLikeAddress(typed)).isFalse();
    }
}
