package org.coquille.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRewriterTest {

    private final AddressRewriter atRoot = new AddressRewriter("http://old-intranet:8080", "old-intranet", "");
    private final AddressRewriter underPath = new AddressRewriter("http://old-intranet:8080", "old-intranet", "/intranet");

    @Test
    void aLocationOnTheIntranetBecomesTheSamePlaceOnTheGateway() {
        assertThat(atRoot.location("http://old-intranet:8080/rh/conges.jsp?id=3", "https://intranet.example.com"))
                .isEqualTo("https://intranet.example.com/rh/conges.jsp?id=3");
        assertThat(atRoot.location("HTTP://OLD-INTRANET:8080", "https://intranet.example.com"))
                .isEqualTo("https://intranet.example.com/");
        assertThat(underPath.location("http://old-intranet:8080/intranet/rh/", "http://gw:8080")).isEqualTo("http://gw:8080/rh/");
        assertThat(underPath.location("http://old-intranet:8080/intranet", "http://gw:8080")).isEqualTo("http://gw:8080/");
        assertThat(underPath.location("/intranet/login?next=/", "http://gw:8080")).isEqualTo("/login?next=/");
    }

    @Test
    void otherAddressesAreLeftAsTheyAre() {
        assertThat(atRoot.location("https://sso.example.com/login", "http://gw")).isEqualTo("https://sso.example.com/login");
        // another port, or a host that only begins like the intranet's, is another site
        assertThat(atRoot.location("http://old-intranet:80801/x", "http://gw")).isEqualTo("http://old-intranet:80801/x");
        assertThat(atRoot.location("http://old-intranet:8080.evil.com/x", "http://gw")).isEqualTo("http://old-intranet:8080.evil.com/x");
        assertThat(atRoot.location("conges.jsp", "http://gw")).isEqualTo("conges.jsp");
        assertThat(underPath.location("/intranetx/a", "http://gw")).isEqualTo("/intranetx/a");
        assertThat(underPath.location("//cdn.example.com/a.js", "http://gw")).isEqualTo("//cdn.example.com/a.js");
    }

    @Test
    void aCookieForTheIntranetsDomainAndPathBecomesTheGatewaysAndKeepsItsOtherAttributes() {
        assertThat(atRoot.setCookie("JSESSIONID=abc; Domain=old-intranet; Path=/; HttpOnly; SameSite=Lax"))
                .isEqualTo("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax");
        assertThat(atRoot.setCookie("JSESSIONID=abc; domain=.OLD-INTRANET; Secure")).isEqualTo("JSESSIONID=abc; Secure");
        assertThat(underPath.setCookie("JSESSIONID=abc; Path=/intranet; HttpOnly")).isEqualTo("JSESSIONID=abc; Path=/; HttpOnly");
        assertThat(underPath.setCookie("prefs=a=b; Path=/intranet/rh")).isEqualTo("prefs=a=b; Path=/rh");
    }

    @Test
    void aCookieForAnotherDomainOrWithoutAttributesIsUntouched() {
        assertThat(atRoot.setCookie("sso=1; Domain=example.com; Path=/")).isEqualTo("sso=1; Domain=example.com; Path=/");
        assertThat(atRoot.setCookie("theme=dark")).isEqualTo("theme=dark");
        assertThat(atRoot.setCookie("a=1;Path=/;HttpOnly")).isEqualTo("a=1;Path=/;HttpOnly");
    }
}
