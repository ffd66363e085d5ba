package org.coquille;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsAreUsable() {
        Settings s = Settings.defaults();
        assertThat(s.prefix()).isEqualTo("/_coquille/");
        assertThat(s.positiveInt(Settings.MAX_PAGE_SIZE)).isEqualTo(2 * 1024 * 1024);
        assertThat(s.rules().editWindow()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void typoInAKeyIsReported() {
        assertThatThrownBy(() -> Settings.of(Map.of("coquille.editorrole", "x")))
                .hasMessageContaining("Unknown setting 'coquille.editorrole'").hasMessageContaining("coquille.editorRole");
    }

    @Test
    void badValueNamesKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.WRITES_PER_MINUTE, "lots")))
                .hasMessage("Setting coquille.rateLimit.writesPerMinute is 'lots'; allowed: a whole number above 0");
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.IDENTITY, "ldap")))
                .hasMessageContaining("container, header or session");
    }

    @Test
    void prefixIsNormalised() {
        assertThat(Settings.of(Map.of(Settings.PREFIX, "social")).prefix()).isEqualTo("/social/");
    }

    @Test
    void timeZoneIsAnIanaIdOrTheServersZone() {
        assertThat(Settings.defaults().timeZone()).as("not set: the server's zone").isEmpty();
        assertThat(Settings.of(Map.of(Settings.TIME_ZONE, "Europe/Paris")).timeZone()).contains(ZoneId.of("Europe/Paris"));
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.TIME_ZONE, "Paris")))
                .hasMessageStartingWith("Setting coquille.timeZone is 'Paris'; allowed: a time zone id such as Europe/Paris");
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.TIME_ZONE, "europe/paris")))
                .hasMessageEndingWith("(did you mean Europe/Paris?)");
    }
}
