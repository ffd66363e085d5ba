package org.coquille.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A form post goes back to a page of this intranet only: never another site (no open redirect). */
class ReturnAddressTest {

    /** The check as it was before the single pass (an {@code IntStream} over the characters): the answers must not change. */
    private static String before(String value, String contextPath) {
        String fallback = contextPath.isEmpty() ? "/" : contextPath + "/";
        if (value == null || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || value.length() > 2000) {
            return fallback;
        }
        return value;
    }

    static List<String> trickyAddresses() {
        List<String> inputs = new ArrayList<>(List.of("", "/", "//", "///", "//evil", "//evil.example/path", "/\\evil",
                "/\\/evil", "\\\\evil", "\\evil", "\\/evil", "http://x", "https://evil.example/", "HTTP://x", "http:/x",
                "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>", "/%2F%2Fevil", "/%2f%2fevil",
                "/%5Cevil", "%2F%2Fevil", "/news/page.jsp", "/news/page.jsp?a=1&b=2", "/news/page.jsp#coq-vote",
                "/news/page.jsp?a=1#frag", "/?", "/#", "/a//b", "/a/\\b", "/./", "/../etc/passwd", "news/page.jsp",
                "./page.jsp", "../page.jsp", "page.jsp", "?a=1", "#frag", " /news", "/news ", "/news\t", "\t/news",
                "/\t/evil", "/\n/evil", "/news\r\nSet-Cookie: x=1", "/news\u0000", "/news\u001f", "/news\u007f",
                "/news\u0080", "/caf\u00e9", "/\u2028", "/\ud83d\ude00", "/\ud83d", "\u00a0/news", "/ /evil",
                "/news/" + "a".repeat(1992), "/news/" + "a".repeat(1993), "/news/" + "a".repeat(1994), "/" + "a".repeat(5000)));
        inputs.add(null);
        return inputs;
    }

    @ParameterizedTest
    @MethodSource("trickyAddresses")
    void answersAsTheCheckBeforeForEveryTrickyAddress(String value) {
        assertThat(Router.safeReturnTo(value, "")).isEqualTo(before(value, ""));
        assertThat(Router.safeReturnTo(value, "/intranet")).isEqualTo(before(value, "/intranet"));
    }

    @Test
    void answersAsTheCheckBeforeForRandomAddresses() {
        char[] alphabet = {'/', '/', '/', '\\', 'a', 'b', ':', '.', '%', '?', '#', ' ', '\t', '\n', '\r', '\u0000',
                '\u001f', '\u007f', '\u0080', '\u00e9', '\u2028', '\ud83d', '\ude00'};
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                value.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String address = value.toString();
            assertThat(Router.safeReturnTo(address, "")).as("%s", address.chars().boxed().toList())
                    .isEqualTo(before(address, ""));
        }
    }

    @Test
    void anotherSiteGoesBackToTheApplicationsRoot() {
        assertThat(Router.safeReturnTo("//evil.example/", "")).isEqualTo("/");
        assertThat(Router.safeReturnTo("/\\evil.example/", "/intranet")).isEqualTo("/intranet/");
        assertThat(Router.safeReturnTo("https://evil.example/", "/intranet")).isEqualTo("/intranet/");
        assertThat(Router.safeReturnTo(null, "")).isEqualTo("/");
    }

    @Test
    void aPathOfThisSiteIsKeptWithItsQueryAndFragment() {
        assertThat(Router.safeReturnTo("/news/page.jsp?id=3&coq_order=new#coq-vote", "/intranet"))
                .isEqualTo("/news/page.jsp?id=3&coq_order=new#coq-vote");
    }
}
