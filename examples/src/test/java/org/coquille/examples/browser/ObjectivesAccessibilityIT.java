package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The console's objective fields and the report's pages by objective pass axe-core's WCAG 2.1 A/AA rules, in
 * French and English: what an editor meets when setting an objective and when reading its progress.
 */
class ObjectivesAccessibilityIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static Employee edith;

    @BeforeAll
    static void logIn() throws Exception {
        edith = intranet.employee("edith", Chromium.Profile.FRENCH);
    }

    private static void open(String path) {
        edith.driver().get(intranet.base() + path);
    }

    @Test
    void objectiveFieldsWithAnObjectiveSet() {
        open("/_coquille/console/page?id=/restaurant/menu.html");
        assertThat(edith.driver().findElement(By.cssSelector("#coq-objective option[selected]")).getDomAttribute("value"))
                .isEqualTo("ideas");
        assertThat(Axe.check(edith.driver(), "#coq-objective-set")).as("axe-core, objective fields").isEmpty();
    }

    @Test
    void objectiveFieldsAskingForAnObjective() {
        // the pages file turns comments on for the holidays page, with no objective
        open("/_coquille/console/page?id=/rh/conges.html");
        assertThat(edith.driver().findElement(By.id("coq-objective-prompt")).getText()).startsWith("Des widgets sont activés");
        assertThat(Axe.check(edith.driver(), "#coq-objective-set")).as("axe-core, objective prompt").isEmpty();
    }

    @Test
    void reportPagesByObjective() {
        open("/_coquille/report/");
        assertThat(edith.driver().findElement(By.id("coq-objectives-title")).getText()).isEqualTo("Pages par objectif");
        assertThat(Axe.check(edith.driver(), "#coq-objectives")).as("axe-core, pages by objective").isEmpty();
    }
}
