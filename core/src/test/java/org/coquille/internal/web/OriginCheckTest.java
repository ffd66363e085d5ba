package org.coquille.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.coquille.http.FakeRequest;
import org.coquille.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** A post is refused when the browser says it comes from another site; browsers' plain origins skip the URI parse. */
class OriginCheckTest {

    private static final List<String> ALLOWED = List.of("https://portal.example", "http://Legacy.Example:8080");
    private final Guard guard = new Guard(InstallationKey.random(), ALLOWED, Clock.systemUTC());

    /** The check as it was before the plain origins' path (a {@link URI} parse each time): the answers must not change. */
    private static boolean before(HttpRequest request, List<String> allowed) {
        List<String> allowedOrigins = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        String origin = request.header("Origin");
        if (origin == null) {
            String referer = request.header("Referer");
            if (referer == null) {
                return true;
            }
            origin = referer;
        }
        if (origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            String host = request.header("Host");
            String authority = uri.getRawAuthority();
            if (authority == null) {
                return false;
            }
            String scheme = request.scheme();
            if (host != null && authority.equalsIgnoreCase(host)
                    && (scheme == null || scheme.equalsIgnoreCase(uri.getScheme()))) {
                return true;
            }
            String normalised = (uri.getScheme() + "://" + authority).toLowerCase(Locale.ROOT);
            return allowedOrigins.contains(normalised);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final List<String> ORIGINS = List.of("http://intranet.example", "http://intranet.example:8080",
            "HTTP://INTRANET.EXAMPLE", "https://intranet.example", "http://intranet.example.", "http://intranet",
            "http://evil.example", "http://intranet.example.evil.example", "http://evil.example/intranet.example",
            "http://intranet.example/", "http://intranet.example/news/page.jsp?a=1", "http://intranet.example#x",
            "http://intranet.example?x", "http://user@intranet.example", "http://intranet.example@evil.example",
            "http://intranet.example:", "http://intranet.example:80", "http://intranet.example:99999999999",
            "http://intranet.example:8o", "http://[::1]:8080", "http://[::1", "http://127.0.0.1:8080", "http://127.0.0.1",
            "http://1.2.3.4.5", "http://-bad-.example", "http://a..b", "http://under_score.example",
            "http://intranet%2Eexample", "http://", "http:///", "http:", "//intranet.example", "intranet.example",
            "://intranet.example", "1http://intranet.example", "ht-tp+s.1://intranet.example", "h_t://intranet.example",
            " http://intranet.example", "http://intranet.example ", "\thttp://intranet.example\n",
            "http://intranet.example\u00a0", "http://intranet .example", "http://intranet.exampl\u00e9",
            "http://intranet.exampl\u212a", "http://\u0130ntranet.example", "https://portal.example",
            "HTTPS://PORTAL.EXAMPLE", "https://portal.example:443", "http://portal.example", "http://legacy.example:8080",
            "http://legacy.example", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "null", "NULL",
            "", "http://intranet.example:8080:8080", "http:://intranet.example", "http://:8080");

    private static final List<String> HOSTS = new ArrayList<>(List.of("intranet.example", "intranet.example:8080",
            "INTRANET.example", "[::1]:8080", "127.0.0.1:8080", "user@intranet.example", "intranet.exampl\u212a",
            "\u0130ntranet.example", "portal.example", ""));
    private static final List<String> SCHEMES = new ArrayList<>(List.of("http", "https", "HTTP"));

    static {
        HOSTS.add(null);
        SCHEMES.add(null);
    }

    @Test
    void answersAsTheCheckBeforeForEveryTrickyOrigin() {
        for (String origin : ORIGINS) {
            for (String host : HOSTS) {
                for (String scheme : SCHEMES) {
                    for (String header : List.of("Origin", "Referer")) {
                        FakeRequest request = FakeRequest.post("/_coquille/form/vote").scheme(scheme).header(header, origin);
                        if (host != null) {
                            request.header("Host", host);
                        }
                        assertThat(guard.originAllowed(request)).as("%s: %s, Host %s, scheme %s", header, origin, host, scheme)
                                .isEqualTo(before(request, ALLOWED));
                    }
                }
            }
        }
    }

    @Test
    void answersAsTheCheckBeforeForRandomOrigins() {
        String[] pieces = {"http", "https", "HTTP", "://", ":", "/", "//", "intranet.example", "INTRANET", ".", "-", "8080",
                "@", "[::1]", "%2E", " ", "\t", "#", "?", "+", "_", "\u00e9", "\u212a", "portal.example", "evil"};
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder origin = new StringBuilder();
            int count = random.nextInt(6);
            for (int j = 0; j < count; j++) {
                origin.append(pieces[random.nextInt(pieces.length)]);
            }
            FakeRequest request = FakeRequest.post("/_coquille/form/vote").scheme("http")
                    .header("Origin", origin.toString()).header("Host", "intranet.example:8080");
            assertThat(guard.originAllowed(request)).as("%s", origin).isEqualTo(before(request, ALLOWED));
        }
    }

    @Test
    void thisSiteAndTheAllowedOriginsPostOthersDoNot() {
        FakeRequest ours = FakeRequest.post("/_coquille/form/vote").scheme("http").header("Host", "intranet.example")
                .header("Origin", "http://intranet.example");
        assertThat(guard.originAllowed(ours)).isTrue();
        assertThat(guard.originAllowed(FakeRequest.post("/").scheme("http").header("Host", "intranet.example")
                .header("Origin", "https://intranet.example"))).isFalse();
        assertThat(guard.originAllowed(FakeRequest.post("/").scheme("http").header("Host", "intranet.example")
                .header("Origin", "http://evil.example"))).isFalse();
        assertThat(guard.originAllowed(FakeRequest.post("/").scheme("http").header("Host", "intranet.example")
                .header("Origin", "HTTPS://Portal.Example"))).isTrue();
        assertThat(guard.originAllowed(FakeRequest.post("/").scheme("http").header("Host", "intranet.example")
                .header("Origin", "http://legacy.example:8080"))).isTrue();
    }

    @Test
    void onlyBrowsersPlainOriginsSkipTheUriParse() {
        assertThat(Guard.plainOriginAuthority("http://intranet.example:8080")).isEqualTo("http://".length());
        assertThat(Guard.plainOriginAuthority("http://intranet.example/")).isEqualTo(-1);
        assertThat(Guard.plainOriginAuthority("http://user@intranet.example")).isEqualTo(-1);
        assertThat(Guard.plainOriginAuthority("http://[::1]:8080")).isEqualTo(-1);
        assertThat(Guard.plainOriginAuthority(" http://intranet.example")).isEqualTo(-1);
        assertThat(Guard.plainOriginAuthority("http://")).isEqualTo(-1);
        assertThat(Guard.plainOriginAuthority("//intranet.example")).isEqualTo(-1);
    }
}
