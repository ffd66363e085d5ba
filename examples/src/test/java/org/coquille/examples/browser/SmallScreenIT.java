package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The widgets on a phone: a 360 px wide viewport (what a page with a viewport meta tag gets on a small phone). Every
 * widget fits the screen without scrolling sideways, the open date poll's table included, and every control is a
 * touch target of at least 24 by 24 px (WCAG 2.2's 2.5.8), radio buttons included.
 */
class SmallScreenIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final int PHONE = 360;

    private static Employee alice;

    @BeforeAll
    static void onAPhone() throws Exception {
        alice = intranet.employee("alice", Chromium.Profile.FRENCH);
        alice.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE, "height", 740, "deviceScaleFactor", 1, "mobile", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ce/voyages.html", "/restaurant/menu.html", "/rh/teletravail.html", "/actualites/nouveau-restaurant.html"})
    void theWidgetsFitAPhoneAndTheirControlsAreBigEnoughToTouch(String page) {
        Widgets widgets = alice.open(page);
        JavascriptExecutor js = alice.driver();
        assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue()).isEqualTo(PHONE);
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) js.executeScript("""
                var w = arguments[0], r = w.getBoundingClientRect();
                var widest = 0;
                w.querySelectorAll('*').forEach(function (e) {
                  var b = e.getBoundingClientRect();
                  if (b.width > 0) { widest = Math.max(widest, b.right); }
                });
                return {left: r.left, right: r.right, scroll: w.scrollWidth, client: w.clientWidth, widest: widest};""",
                widgets.root());
        assertThat(((Number) box.get("right")).doubleValue()).as("the widgets' right edge on " + page).isLessThanOrEqualTo(PHONE);
        assertThat(((Number) box.get("scroll")).intValue()).as("nothing scrolls sideways inside the widgets on " + page)
                .isLessThanOrEqualTo(((Number) box.get("client")).intValue());
        assertThat(((Number) box.get("widest")).doubleValue()).as("no part of the widgets goes off screen on " + page)
                .isLessThanOrEqualTo(PHONE);

        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js.executeScript("""
                var small = [];
                arguments[0].querySelectorAll('input:not([type=hidden]), button, select, textarea, summary, '
                  + 'label:has(+ input[type=radio]), input[type=radio] + label, input[type=checkbox] + label')
                  .forEach(function (e) {
                    var b = e.getBoundingClientRect();
                    if (b.width === 0 && b.height === 0) { return; }
                    if (b.width < 24 || b.height < 24) {
                      small.push(e.tagName.toLowerCase() + (e.type ? '[' + e.type + ']' : '') + ' '
                        + Math.round(b.width) + 'x' + Math.round(b.height) + ' ' + (e.textContent || e.name || '').trim().slice(0, 30));
                    }
                  });
                return small;""", widgets.root());
        assertThat(small).as("controls smaller than 24 x 24 px on " + page).isEmpty();
    }
}
