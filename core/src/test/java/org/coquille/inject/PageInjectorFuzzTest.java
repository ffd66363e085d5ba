package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * Generated, mutated and random pages (fixed seeds): inject never throws; when it injects, taking the fragment out gives
 * the page back, except for the end tags the fragment may begin with; and for generated pages a browser-grade parser
 * (jsoup) finds the default fragment as a child of the body, not as text of a comment, script, textarea or attribute,
 * nor inside an element the page left open.
 */
class PageInjectorFuzzTest {

    private static final String MARKER = "<section class=coq-marker>R\u00e9actions \u2713</section>";
    private static final Pattern END_TAGS = Pattern.compile("(</[A-Za-z][A-Za-z0-9._:-]*>)*");
    private static final String[] PIECES = {
        "<html>", "</html>", "<HTML>", "<head>", "</head>", "<title>", "</title>", "<body>", "</body>", "<BODY bgcolor=#fff>",
        "</BODY >", "</body/>", "</bodyx>", "<p>", "</p>", "<div class=\"x\">", "</div>", "<td>", "<table>", "</table>",
        "<script>", "</script>", "</SCRIPT >", "</scr", "ipt>", "<!--", "-->", "--!>", "<!-->", "<textarea>", "</textarea>",
        "<style>", "</style>", "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<noframes>", "</noframes>", "<![CDATA[", "]]>",
        "<frameset>", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<", ">", "</", "\"", "'", "=", " ", "\n", "\u00e9",
        "text ", "<a title=\"a > </body>\">", "<img alt='</body>'>", "</html >", "<br/>", "&amp;", "<plaintext>",
    };

    private final PageInjector injector = new PageInjector(50);
    private final Random random = new Random(20261123L);

    @Test
    void generatedPagesNeverThrowAndTheDefaultFragmentLandsInTheBody() {
        int injected = 0;
        for (int n = 0; n < 4000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] page = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            Injection injection = injector.inject(page, "ISO-8859-1", Placement.DEFAULT, MARKER);
            if (injection == null) {
                continue;
            }
            injected++;
            assertFragmentOnlyAdded(page, injection, text.toString());
            Document document = Jsoup.parse(new String(injection.bytes(), injection.charset()));
            Elements markers = document.select("section.coq-marker");
            assertThat(markers).as(text.toString()).hasSize(1);
            Element marker = markers.first();
            assertThat(marker.parent()).as(text.toString()).isSameAs(document.body());
            assertThat(marker.text()).as(text.toString()).isEqualTo("R\u00e9actions \u2713");
        }
        assertThat(injected).as("enough pages are injected for the test to mean something").isGreaterThan(1000);
    }

    @Test
    void mutatedGoldenPagesNeverThrowAndKeepEveryByte() throws IOException {
        List<byte[]> pages = GoldenFilesTest.cases()
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .map(PageInjectorFuzzTest::goldenInput)
                .toList();
        String[] headers = {null, "UTF-8", "ISO-8859-1", "windows-1252", "Shift_JIS", "UTF-16", "bogus", "\"utf-8\""};
        Placement[] placements = {
            Placement.DEFAULT, Placement.DEFAULT, Placement.DEFAULT, Placement.after("p"), Placement.inside("td"),
            Placement.before("#footer"), Placement.inside("body"), Placement.after("div.detail, p"), Placement.after("td[[["),
            Placement.inside("*"), Placement.before("title"),
        };
        for (int n = 0; n < 3000; n++) {
            byte[] page = mutate(pages.get(random.nextInt(pages.size())));
            String header = headers[random.nextInt(headers.length)];
            Placement placement = placements[random.nextInt(placements.length)];
            Injection injection = injector.inject(page, header, placement, MARKER);
            if (injection != null) {
                assertFragmentOnlyAdded(page, injection, placement + " " + header);
                assertThat(injection.charset()).isEqualTo(PageInjector.detectCharset(page, header));
            }
            PageInjector.title(page, injection == null ? StandardCharsets.UTF_8 : injection.charset());
        }
    }

    @Test
    void randomBytesNeverThrow() {
        byte[] alphabet = "<>/!-?=\"' \nabdhlmoprsty[]CDAT\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        for (int n = 0; n < 2000; n++) {
            byte[] page = new byte[random.nextInt(200)];
            for (int i = 0; i < page.length; i++) {
                page[i] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            Placement placement = random.nextInt(5) == 0 ? Placement.inside("b") : Placement.DEFAULT;
            Injection injection = injector.inject(page, random.nextBoolean() ? null : "UTF-8", placement, MARKER);
            if (injection != null) {
                assertFragmentOnlyAdded(page, injection, Arrays.toString(page));
            }
            PageInjector.detectCharset(page, null);
            PageInjector.title(page, StandardCharsets.UTF_8);
        }
    }

    private byte[] mutate(byte[] page) {
        byte[] out = page.clone();
        for (int k = 1 + random.nextInt(4); k > 0 && out.length > 0; k--) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = (byte) "<>\"'-!/ ".charAt(random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = Arrays.copyOf(out, at); // truncated
                default -> {
                    byte[] piece = PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.ISO_8859_1);
                    byte[] longer = new byte[out.length + piece.length];
                    System.arraycopy(out, 0, longer, 0, at);
                    System.arraycopy(piece, 0, longer, at, piece.length);
                    System.arraycopy(out, at, longer, at + piece.length, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }

    private static void assertFragmentOnlyAdded(byte[] page, Injection injection, String description) {
        byte[] out = injection.bytes();
        int offset = injection.offset();
        int length = injection.fragmentLength();
        assertThat(out).as(description).hasSize(page.length + length);
        byte[] fragment = FragmentEncoder.encode(MARKER, injection.charset());
        assertThat(Arrays.copyOfRange(out, offset + length - fragment.length, offset + length)).as(description)
                .isEqualTo(fragment);
        String closingTags = new String(out, offset, length - fragment.length, StandardCharsets.ISO_8859_1);
        assertThat(closingTags).as(description).matches(END_TAGS);
        byte[] back = new byte[page.length];
        System.arraycopy(out, 0, back, 0, offset);
        System.arraycopy(out, offset + length, back, offset, page.length - offset);
        assertThat(back).as(description).isEqualTo(page);
    }

    private static byte[] goldenInput(String name) {
        try (InputStream in = PageInjectorFuzzTest.class.getResourceAsStream("/golden/input/" + name + ".html")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
