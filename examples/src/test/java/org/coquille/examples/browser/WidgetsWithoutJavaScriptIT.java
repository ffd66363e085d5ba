package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The employee's scenarios with JavaScript off: plain forms, each post redirected back to the page with its message. */
class WidgetsWithoutJavaScriptIT extends EmployeeScenarios {

    @Override
    Chromium.Profile profile() {
        return Chromium.Profile.ENGLISH_NO_SCRIPT;
    }

    @Override
    void arrived(Employee employee) {
        employee.markPage();
    }

    @Override
    void answered(Employee employee, String path) {
        URI shown = URI.create(employee.url());
        assertThat(shown.getPath()).as("back on the page").isEqualTo("/intranet" + path);
        assertThat(shown.getQuery()).as("redirected with the outcome").startsWith("coq_flash=");
        assertThat(employee.stillOnMarkedPage()).as("the page was loaded again").isFalse();
    }

    @Test
    void thisBrowserRunsNoScript() throws Exception {
        Employee alice = alice();
        alice.open(NEWS);
        // the 2005 page writes this line with document.write
        assertThat(alice.driver().findElement(By.id("contenu")).getText()).doesNotContain("Derni\u00e8re consultation");
    }
}
