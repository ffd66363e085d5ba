package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.coquille.examples.BareIntranet;
import org.coquille.gateway.Gateway;
import org.coquille.gateway.GatewayOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The demo's pages as an intranet nobody may redeploy serves them (no Coquille inside, {@link BareIntranet}), with
 * the gateway in front; the browser sends the identity header a single sign-on proxy would add (through Chromium's
 * own {@code Network.setExtraHTTPHeaders}). An employee posts a comment with JavaScript on and with it off.
 */
class GatewayInChromiumIT {

    @TempDir
    static Path folder;

    private static BareIntranet intranet;
    private static Gateway gateway;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Chromium.missing().isEmpty(), () -> Chromium.missing().orElse(""));
        chromium = Chromium.find();
        intranet = BareIntranet.start();
        Path work = Files.createDirectory(folder.resolve("work"));
        gateway = Gateway.start(GatewayOptions.parse(List.of("--upstream", intranet.base(), "--port", "0",
                "--host", "127.0.0.1", "--coquille.workFolder=" + work)));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (intranet != null) {
            intranet.close();
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void anEmployeeCommentsOnAPageOfTheIntranetThroughTheGateway(boolean javascript) throws Exception {
        String user = javascript ? "alice" : "bob";
        ChromeDriver driver = chromium.open(javascript ? Chromium.Profile.FRENCH : Chromium.Profile.FRENCH_NO_SCRIPT, folder);
        try {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Remote-User", user)));
            String page = "http://127.0.0.1:" + gateway.port() + "/intranet/rh/conges.html";
            driver.get(page);
            assertThat(driver.getTitle()).contains("Intranet Groupe Durand");
            Widgets widgets = new Widgets(driver, javascript);
            assertThat(widgets.shown()).isTrue();

            String text = "Merci pour le rappel (" + user + ")";
            widgets.comment(text);

            assertThat(widgets.comments()).anySatisfy(c -> {
                assertThat(c.body()).isEqualTo(text);
                assertThat(c.author()).contains(user);
            });
            assertThat(driver.getCurrentUrl()).startsWith(page);
            // what the intranet wrote is still all there, around the widgets
            driver.get(page);
            assertThat(new Widgets(driver, javascript).comments()).anySatisfy(c -> assertThat(c.body()).isEqualTo(text));
        } finally {
            driver.quit();
        }
    }
}
