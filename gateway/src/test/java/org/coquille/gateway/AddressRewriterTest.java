package org.coquille.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRewriterTest {

    private final AddressRewriter addresses = new AddressRewriter("http://old-intranet:8080", "old-intranet");

    @Test
    void aLocationOnTheIntranetBecomesTheSamePathOnTheGateway() {
        assertThat(addresses.location("http://old-intranet:8080/intranet/rh/conges.jsp?id=3", "https://intranet.example.com"))
                .isEqualTo("https://intranet.example.com/intranet/rh/conges.jsp?id=3");
        assertThat(addresses.location("HTTP://OLD-INTRANET:8080", "https://intranet.example.com"))
                .isEqualTo("https://intranet.example.com/");
        assertThat(addresses.location("http://old-intranet:8080?x=1", "http://gw")).isEqualTo("http://gw/?x=1");
    }

    @Test
    void otherAddressesAreLeftAsTheyAre() {
        assertThat(addresses.location("https://sso.example.com/login", "http://gw")).isEqualTo("https://sso.example.com/login");
        // another port, or a host that only begins like the intranet's, is another site
        assertThat(addresses.location("http://old-intranet:80801/x", "http://gw")).isEqualTo("http://old-intranet:80801/x");
        assertThat(addresses.location("http://old-intranet:8080.evil.com/x", "http://gw")).isEqualTo("http://old-intranet:8080.evil.com/x");
        assertThat(addresses.location("/intranet/login?next=/", "http://gw")).isEqualTo("/intranet/login?next=/");
        assertThat(addresses.location("conges.jsp", "http://gw")).isEqualTo("conges.jsp");
    }

    @Test
    void aCookieForTheIntranetsDomainBecomesTheGatewaysAndKeepsItsOtherAttributes() {
        assertThat(addresses.setCookie("JSESSIONID=abc; Domain=old-intranet; Path=/intranet; HttpOnly; SameSite=Lax"))
                .isEqualTo("JSESSIONID=abc; Path=/intranet; HttpOnly; SameSite=Lax");
        assertThat(addresses.setCookie("JSESSIONID=abc; domain=.OLD-INTRANET; Secure")).isEqualTo("JSESSIONID=abc; Secure");
    }

    @Test
    void aCookieForAnotherDomainOrWithoutAttributesIsUntouched() {
        assertThat(addresses.setCookie("sso=1; Domain=example.com; Path=/")).isEqualTo("sso=1; Domain=example.com; Path=/");
        assertThat(addresses.setCookie("theme=dark")).isEqualTo("theme=dark");
        assertThat(addresses.setCookie("a=1;Path=/;HttpOnly")).isEqualTo("a=1;Path=/;HttpOnly");
        assertThat(addresses.setCookie("a=1; Domain")).isEqualTo("a=1; Domain");
    }
}
