package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BodyEndsTest {

    private static final ClosingPlans CLOSINGS = new ClosingPlans(100, Jsoup::parse);

    private static byte[] bytes(String page) {
        return page.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anUnchangedPageGetsTheOffsetOfItsFirstScan() {
        BodyEnds bodyEnds = new BodyEnds(1 << 20, CLOSINGS);
        byte[] page = bytes("<html><body><p>Menu du jour</p></body></html>");
        int first = bodyEnds.find(page, StandardCharsets.ISO_8859_1).offset();
        assertThat(first).isEqualTo(BodyEnd.find(page)).isEqualTo(31);
        assertThat(bodyEnds.find(page.clone(), StandardCharsets.ISO_8859_1).offset()).isEqualTo(first);
    }

    @Test
    void aChecksumCollisionCostsAScanNeverAWrongOffset() {
        BodyEnds everyPageCollides = new BodyEnds(1 << 20, (page, length) -> 42L, CLOSINGS);
        // same length, same "checksum": the second page's real </body> is elsewhere, the first's is in a comment
        byte[] a = bytes("<body><p>one</p></body><!-- x -->");
        byte[] b = bytes("<body><!-- </body> -->xxxx</body>");
        assertThat(a).hasSameSizeAs(b);
        assertThat(everyPageCollides.find(a, StandardCharsets.ISO_8859_1).offset()).isEqualTo(16);
        assertThat(everyPageCollides.find(b, StandardCharsets.ISO_8859_1).offset()).isEqualTo(BodyEnd.find(b))
                .isEqualTo(26);
        assertThat(everyPageCollides.find(a, StandardCharsets.ISO_8859_1).offset()).isEqualTo(16);
    }

    @Test
    void aCopyIsKeptSoTheCallerMayReuseItsBuffer() {
        BodyEnds bodyEnds = new BodyEnds(1 << 20, CLOSINGS);
        byte[] buffer = bytes("<body>abc</body>");
        assertThat(bodyEnds.find(buffer, StandardCharsets.ISO_8859_1).offset()).isEqualTo(9);
        byte[] changed = bytes("<body>a</body>xx");
        System.arraycopy(changed, 0, buffer, 0, buffer.length); // the caller overwrites its buffer in place
        assertThat(bodyEnds.find(buffer, StandardCharsets.ISO_8859_1).offset()).isEqualTo(7);
    }

    @Test
    void manyRandomPagesGetTheSameOffsetsAsAFreshScan() {
        BodyEnds small = new BodyEnds(4_096, (page, length) -> length % 3, CLOSINGS); // tiny budget, frequent collisions
        Random random = new Random(7);
        String[] parts = {"<body>", "</body>", "<!--", "-->", "<script>", "</script>", "<p title=\"", "\">", "x", " "};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder page = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) {
                page.append(parts[random.nextInt(parts.length)]);
            }
            byte[] bytes = bytes(page.toString());
            int fresh = new BodyEnds(0, CLOSINGS).find(bytes, StandardCharsets.ISO_8859_1).offset();
            assertThat(small.find(bytes, StandardCharsets.ISO_8859_1).offset()).as(page.toString()).isEqualTo(fresh);
            assertThat(small.find(bytes, StandardCharsets.ISO_8859_1).offset()).as(page.toString()).isEqualTo(fresh);
        }
    }
}
