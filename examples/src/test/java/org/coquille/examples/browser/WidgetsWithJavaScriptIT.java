package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The employee's scenarios with JavaScript on: every action answers in place, the page is never loaded again. */
class WidgetsWithJavaScriptIT extends EmployeeScenarios {

    @Override
    Chromium.Profile profile() {
        return Chromium.Profile.ENGLISH;
    }

    @Override
    void arrived(Employee employee) {
        employee.markPage();
    }

    @Override
    void answered(Employee employee, String path) {
        assertThat(employee.stillOnMarkedPage()).as("the page was not loaded again").isTrue();
        assertThat(employee.url()).endsWith(path);
    }

    @Test
    void thisBrowserRunsThePagesScripts() throws Exception {
        Employee alice = alice();
        alice.open(NEWS);
        assertThat(alice.driver().findElement(By.id("contenu")).getText()).contains("Derni\u00e8re consultation");
    }
}
