package org.coquille.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GatewayOptionsTest {

    @Test
    void readsTheUpstreamThePortTheTimeoutAndCoquillesSettings() {
        GatewayOptions options = GatewayOptions.parse(List.of("--upstream", "http://Old-Intranet:8080/intranet/",
                "--port=9090", "--timeout", "PT5S", "--preserve-host", "--coquille.store.url=jdbc:postgresql://db/x",
                "--host", "127.0.0.1"));
        assertThat(options.upstream().toString()).isEqualTo("http://Old-Intranet:8080/intranet");
        assertThat(options.upstreamOrigin()).isEqualTo("http://Old-Intranet:8080");
        assertThat(options.upstreamPath()).isEqualTo("/intranet");
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.preserveHost()).isTrue();
        assertThat(options.settings()).isEqualTo(Map.of("coquille.store.url", "jdbc:postgresql://db/x"));
    }

    @Test
    void hasDefaultsForAllButTheUpstream() {
        GatewayOptions options = GatewayOptions.parse(List.of("--upstream=https://intranet.example.com"));
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.preserveHost()).isFalse();
        assertThat(options.upstreamPath()).isEmpty();
        assertThat(GatewayOptions.parse(List.of("--upstream", "http://a", "--timeout", "12")).timeout())
                .isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void refusesBadInputSayingWhatIsAllowed() {
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--port", "8080")))
                .hasMessageContaining("--upstream is required");
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--upstream", "ftp://old")))
                .hasMessageContaining("give http:// or https://");
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--upstream", "old-intranet:8080")))
                .hasMessageContaining("give http:// or https://");
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--upstream", "http://a", "--port", "99999")))
                .hasMessage("--port '99999' is not a port: give a number from 0 to 65535");
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--upstream", "http://a", "--timeout", "soon")))
                .hasMessageContaining("give seconds (30) or an ISO-8601 duration (PT30S)");
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--upstream", "http://a", "--verbose", "x")))
                .hasMessage("Unknown option '--verbose'");
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--upstream")))
                .hasMessage("--upstream needs a value");
        assertThatThrownBy(() -> GatewayOptions.parse(List.of("--upstream", "http://a", "--coquille.anonymous")))
                .hasMessageContaining("needs a value");
    }
}
