package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A page the scanner is unsure of is parsed once per content; a page it is sure of, never. */
class ClosingPlansTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final ClosingPlans closings = new ClosingPlans(100, html -> {
        parses.incrementAndGet();
        return Jsoup.parse(html);
    });

    private static byte[] bytes(String page) {
        return page.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aWellFormedPageIsNeverParsed() {
        BodyEnds bodyEnds = new BodyEnds(0, closings); // no memory of pages: every view is scanned
        byte[] page = bytes("<html><body><table><tr><td><a href=x><b>Menu</b></a></table><form></form></body></html>");
        for (int i = 0; i < 3; i++) {
            assertThat(bodyEnds.find(page, StandardCharsets.ISO_8859_1).closingTags()).isEmpty();
        }
        assertThat(parses).hasValue(0);
    }

    @Test
    void aPageLeavingATableOpenIsParsedOncePerContent() {
        BodyEnds bodyEnds = new BodyEnds(0, closings);
        byte[] page = bytes("<html><body><table><tr><td>Menu<td>Contenu</body></html>");
        BodyEnds.Place first = bodyEnds.find(page, StandardCharsets.ISO_8859_1);
        int parsesForOnePage = parses.get();
        BodyEnds.Place again = bodyEnds.find(page.clone(), StandardCharsets.ISO_8859_1);

        assertThat(new String(first.closingTags(), StandardCharsets.US_ASCII)).isEqualTo("</td></tr></tbody></table>");
        assertThat(again.closingTags()).isEqualTo(first.closingTags());
        assertThat(parsesForOnePage).as("a round to find what is open, a round to confirm").isEqualTo(2);
        assertThat(parses).hasValue(parsesForOnePage);
    }

    @Test
    void aFramesetPageIsLeftAloneAndAStrayFramesetIgnored() {
        BodyEnds bodyEnds = new BodyEnds(1 << 20, closings);
        byte[] frames = bytes("<html><head><title>t</title></head><frameset><frame src=a></frameset></html>");
        byte[] stray = bytes("<html><head><title>t</title></head><p>Texte</p><frameset></html>");
        assertThat(bodyEnds.find(frames, StandardCharsets.ISO_8859_1)).isSameAs(BodyEnds.Place.NONE);
        assertThat(bodyEnds.find(stray, StandardCharsets.ISO_8859_1).offset()).isEqualTo(stray.length - 7);
    }
}
