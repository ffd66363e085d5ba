package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fragment lands where it should in varied legacy pages, and every other byte of the page is kept:
 * each case asserts the expected insertion point and that the output minus the fragment is the input.
 */
class PageInjectorCasesTest {

    private static final String FRAGMENT = "<div class=\"coq-widgets\">Réactions ✓ €</div>";
    private final PageInjector injector = new PageInjector(100);

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** name, page bytes, header charset, the text the fragment must directly precede (null: end of page). */
    static Stream<Arguments> defaultPlacementCases() {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        return Stream.of(
                Arguments.of("latin-1 page", bytes("<html><body><p>Café crème, façade</p></body></html>", latin1),
                        "ISO-8859-1", "</body></html>"),
                Arguments.of("windows-1252 with euro and curly quotes",
                        bytes("<html><body><p>Prix : 5 € – “menu”</p></body></html>", cp1252), "windows-1252",
                        "</body></html>"),
                Arguments.of("UTF-8 with BOM, no header", concat(bom, bytes("<html><body>Été</body></html>",
                        StandardCharsets.UTF_8)), null, "</body></html>"),
                Arguments.of("charset only in meta http-equiv", bytes("<html><head><meta http-equiv=\"Content-Type\" "
                        + "content=\"text/html; charset=iso-8859-1\"></head><body>Noël</body></html>", latin1), null,
                        "</body></html>"),
                Arguments.of("uppercase tags", bytes("<HTML><BODY BGCOLOR=#FFFFFF><P>Hello</P></BODY >\n</HTML>", latin1),
                        "ISO-8859-1", "</BODY >\n</HTML>"),
                Arguments.of("</body> in a script string", bytes("<html><body><script language=\"JavaScript\">"
                        + "document.write('</body>');</script><p>x</p></body></html>", latin1), "ISO-8859-1",
                        "</body></html>"),
                Arguments.of("</body> in a comment after the real one", bytes("<html><body><p>x</p></body>"
                        + "<!-- old footer </body> --></html>", latin1), "ISO-8859-1",
                        "</body><!-- old footer </body> --></html>"),
                Arguments.of("</body> in a textarea", bytes("<html><body><form><textarea></body></textarea></form>"
                        + "</body></html>", latin1), "ISO-8859-1", "</body></html>"),
                Arguments.of("no </body>", bytes("<html><body><table><tr><td>x</td></tr></table></html>", latin1),
                        "ISO-8859-1", "</html>"),
                Arguments.of("no </body> and no </html>", bytes("<body><p>Old page", latin1), "ISO-8859-1", null),
                Arguments.of("XHTML with xml prolog", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html "
                        + "PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                        + "<body><p>é</p></body></html>", StandardCharsets.UTF_8), "UTF-8", "</body></html>"),
                Arguments.of("attribute holding >", bytes("<html><body><a title=\"a > b </body>\" href=x>x</a></body>"
                        + "</html>", latin1), "ISO-8859-1", "</body></html>"),
                Arguments.of("script with </scr in a string", bytes("<html><body><script>var s='</scr'+'ipt>'; "
                        + "var t='</body>';</script></body></html>", latin1), "ISO-8859-1", "</body></html>"),
                Arguments.of("script after the body end: full scan", bytes("<html><body><p>x</p></body><script>"
                        + "var s = '</body>';</script></html>", latin1), "ISO-8859-1",
                        "</body><script>var s = '</body>';</script></html>"),
                Arguments.of("style holding </body>", bytes("<html><head><style>/* </body> */</style></head><body>"
                        + "</body></html>", latin1), "ISO-8859-1", "</body></html>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultPlacementCases")
    void fragmentGoesBeforeTheRealBodyEndAndEveryOtherByteIsKept(String name, byte[] page, String header,
                                                                 String before) {
        Injection injection = injector.inject(page, header, Placement.DEFAULT, FRAGMENT);
        assertThat(injection).isNotNull();
        byte[] out = injection.bytes();
        byte[] withoutFragment = concat(Arrays.copyOfRange(out, 0, injection.offset()),
                Arrays.copyOfRange(out, injection.offset() + injection.fragmentLength(), out.length));
        assertThat(withoutFragment).isEqualTo(page);
        byte[] after = Arrays.copyOfRange(page, injection.offset(), page.length);
        Charset charset = injection.charset();
        assertThat(new String(after, charset)).isEqualTo(before == null ? "" : before);
        String fragment = new String(out, injection.offset(), injection.fragmentLength(), charset);
        assertThat(org.jsoup.parser.Parser.unescapeEntities(fragment, false)).isEqualTo(FRAGMENT);
    }

    @Test
    void charactersTheCharsetLacksBecomeNumericReferences() {
        byte[] page = bytes("<html><body></body></html>", StandardCharsets.ISO_8859_1);
        Injection injection = injector.inject(page, "ISO-8859-1", Placement.DEFAULT, FRAGMENT);
        String fragment = new String(injection.bytes(), injection.offset(), injection.fragmentLength(),
                StandardCharsets.ISO_8859_1);
        assertThat(fragment).isEqualTo("<div class=\"coq-widgets\">Réactions &#10003; &#8364;</div>");
        assertThat(injection.bytes()[injection.offset() + 26]).isEqualTo((byte) 0xE9); // é as one Latin-1 byte
    }

    @Test
    void emojiOutsideTheBmpBecomeOneReference() {
        byte[] page = bytes("<body></body>", StandardCharsets.ISO_8859_1);
        Injection injection = injector.inject(page, null, Placement.DEFAULT, "🎉");
        assertThat(new String(injection.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("<body>&#127881;</body>");
    }

    @Test
    void pageWhoseOnlyBodyEndIsInAnUnterminatedCommentIsLeftAlone() {
        byte[] page = bytes("<html><body><p>x</p><!-- </body></html>", StandardCharsets.ISO_8859_1);
        assertThat(injector.inject(page, "ISO-8859-1", Placement.DEFAULT, FRAGMENT)).isNull();
    }

    @Test
    void framesetPageIsLeftAlone() {
        byte[] page = bytes("<html><head><title>Intranet</title></head><frameset cols=\"20%,80%\"><frame src=menu.html>"
                + "<frame src=home.html></frameset></html>", StandardCharsets.ISO_8859_1);
        assertThat(injector.inject(page, null, Placement.DEFAULT, FRAGMENT)).isNull();
    }

    @Test
    void charsetComesFromHeaderThenBomThenMetaThenLatin1() {
        byte[] meta = bytes("<meta charset=\"windows-1252\"><body></body>", StandardCharsets.US_ASCII);
        assertThat(PageInjector.detectCharset(meta, "UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageInjector.detectCharset(meta, null)).isEqualTo(Charset.forName("windows-1252"));
        assertThat(PageInjector.detectCharset(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, meta), null))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageInjector.detectCharset(bytes("<body></body>", StandardCharsets.US_ASCII), null))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(PageInjector.detectCharset(meta, "x-no-such-charset")).isNull();
    }

    @Test
    void utf16PagesAreLeftAlone() {
        byte[] page = bytes("<html><body></body></html>", StandardCharsets.UTF_16);
        assertThat(injector.inject(page, "UTF-16", Placement.DEFAULT, FRAGMENT)).isNull();
    }

    @Test
    void titleIsReadFromTheHead() {
        byte[] page = bytes("<html><head><TITLE>\n  Restaurant d'entreprise &amp; caf&eacute;t&eacute;ria </TITLE>"
                + "</head><body></body></html>", StandardCharsets.ISO_8859_1);
        assertThat(PageInjector.title(page, StandardCharsets.ISO_8859_1)).isEqualTo("Restaurant d'entreprise & cafétéria");
        assertThat(PageInjector.title(bytes("<body>", StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)).isNull();
    }

    private static final String SELECTOR_PAGE = "<html><body><table id=\"layout\"><tr><td id=\"menu\">Menu</td>"
            + "<td id=\"contenu\"><p>Texte é</p></td></tr></table><div class=\"footer\">pied</div></body></html>";

    @Test
    void selectorPlacementsGoBeforeAfterAndInside() {
        byte[] page = bytes(SELECTOR_PAGE, StandardCharsets.ISO_8859_1);
        assertSplit(page, Placement.before("#contenu"), "<td id=\"menu\">Menu</td>", "<td id=\"contenu\">");
        assertSplit(page, Placement.after("#contenu"), "<p>Texte é</p></td>", "</tr>");
        assertSplit(page, Placement.inside("#contenu"), "<p>Texte é</p>", "</td></tr>");
        assertSplit(page, Placement.after("div.footer"), "pied</div>", "</body>");
    }

    private void assertSplit(byte[] page, Placement placement, String endsWith, String startsWith) {
        Injection injection = injector.inject(page, "ISO-8859-1", placement, "|");
        String before = new String(page, 0, injection.offset(), StandardCharsets.ISO_8859_1);
        String after = new String(page, injection.offset(), page.length - injection.offset(), StandardCharsets.ISO_8859_1);
        assertThat(before).as(placement.toString()).endsWith(endsWith);
        assertThat(after).as(placement.toString()).startsWith(startsWith);
    }

    @Test
    void selectorThatMatchesNothingOrIsInvalidLeavesThePageAlone() {
        byte[] page = bytes(SELECTOR_PAGE, StandardCharsets.ISO_8859_1);
        assertThat(injector.inject(page, null, Placement.after("#nowhere"), FRAGMENT)).isNull();
        assertThat(injector.inject(page, null, Placement.after("td[[["), FRAGMENT)).isNull();
    }

    @Test
    void anUnchangedPageIsParsedOnce() {
        java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();
        PageInjector injector = new PageInjector(100, 0, html -> {
            parses.incrementAndGet();
            return org.jsoup.Jsoup.parse(html, org.jsoup.parser.Parser.htmlParser().setTrackPosition(true));
        });
        byte[] page = bytes(SELECTOR_PAGE, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 5; i++) {
            assertThat(injector.inject(page, null, Placement.after("#contenu"), FRAGMENT)).isNotNull();
        }
        assertThat(parses).hasValue(1);
        byte[] changed = bytes(SELECTOR_PAGE.replace("Menu", "Menus"), StandardCharsets.ISO_8859_1);
        injector.inject(changed, null, Placement.after("#contenu"), FRAGMENT);
        assertThat(parses).hasValue(2);
    }

    @Test
    void randomPagesNeverThrowAndKeepEveryByte() {
        Random random = new Random(20261122);
        String[] pieces = {"<body>", "</body>", "<BODY>", "</BODY >", "<script>", "</script>", "<!--", "-->", "<textarea>",
            "</textarea>", "<style>", "</style>", "<", ">", "\"", "'", "=", "</", "<![CDATA[", "]]>", "<frameset>", "é",
            "text ", "<p class=\"a>b\">", "</html>", "<td>", "\u0000", "\u00ff"};
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(30);
            for (int k = 0; k < count; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] page = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            Placement placement = random.nextInt(4) == 0 ? Placement.after("p") : Placement.DEFAULT;
            Injection injection = injector.inject(page, "ISO-8859-1", placement, FRAGMENT);
            if (injection != null) {
                byte[] out = injection.bytes();
                byte[] back = concat(Arrays.copyOfRange(out, 0, injection.offset()),
                        Arrays.copyOfRange(out, injection.offset() + injection.fragmentLength(), out.length));
                assertThat(back).as(text.toString()).isEqualTo(page);
            }
        }
    }

    @Test
    void asciiFragmentGoesInAsIsAndMatchesTheEncodedOne() {
        byte[] page = "<html><body>caf\u00e9</body></html>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] ascii = "<p>&#xe9;t&#xe9;</p>".getBytes(StandardCharsets.US_ASCII);
        assertThat(injector.injectAscii(page, "ISO-8859-1", Placement.DEFAULT, ascii).bytes())
                .isEqualTo(injector.inject(page, "ISO-8859-1", Placement.DEFAULT, "<p>&#xe9;t&#xe9;</p>").bytes());
    }
}
