package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page's charset comes from its byte order mark, else the header, else a meta tag, else ISO-8859-1. */
class CharsetDetectionTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] withBom(byte[] bom, byte[] page) {
        byte[] out = new byte[bom.length + page.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(page, 0, out, bom.length, page.length);
        return out;
    }

    @Test
    void headerWinsOverMeta() {
        byte[] page = ascii("<meta charset=\"windows-1252\"><body></body>");
        assertThat(PageInjector.detectCharset(page, "UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageInjector.detectCharset(page, null)).isEqualTo(WINDOWS_1252);
        assertThat(PageInjector.detectCharset(page, "  ")).isEqualTo(WINDOWS_1252);
    }

    @Test
    void byteOrderMarkWinsOverHeaderAsInBrowsers() {
        byte[] page = withBom(UTF8_BOM, ascii("<meta charset=\"windows-1252\"><body></body>"));
        assertThat(PageInjector.detectCharset(page, "ISO-8859-1")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageInjector.detectCharset(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, ascii("<")), "UTF-8"))
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(PageInjector.detectCharset(withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, ascii("<")), null))
                .isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(PageInjector.detectCharset(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, null))
                .isEqualTo(Charset.forName("UTF-32LE"));
    }

    @Test
    void headerLabelsAreTrimmedUnquotedAndAliased() {
        byte[] page = ascii("<body></body>");
        assertThat(PageInjector.detectCharset(page, " \"utf-8\" ")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageInjector.detectCharset(page, "latin1")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(PageInjector.detectCharset(page, "Cp1252")).isEqualTo(WINDOWS_1252);
    }

    @Test
    void unknownCharsetGivesNull() {
        assertThat(PageInjector.detectCharset(ascii("<body></body>"), "x-no-such-charset")).isNull();
        assertThat(PageInjector.detectCharset(ascii("<body></body>"), "utf 8")).isNull();
        assertThat(PageInjector.detectCharset(ascii("<meta charset=klingon><body></body>"), null)).isNull();
    }

    @Test
    void metaHttpEquivContentTypeDeclaresTheCharset() {
        assertThat(PageInjector.detectCharset(ascii("<META HTTP-EQUIV=\"Content-Type\" "
                + "CONTENT=\"text/html; charset=ISO-8859-15\">"), null)).isEqualTo(Charset.forName("ISO-8859-15"));
        assertThat(PageInjector.detectCharset(ascii("<meta content='text/html;charset = \"utf-8\"' "
                + "http-equiv='content-type'>"), null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void contentWithoutHttpEquivDeclaresNothing() {
        assertThat(PageInjector.detectCharset(ascii("<meta name=\"x\" content=\"text/html; charset=utf-8\">"), null))
                .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void metaInACommentOrAnAttributeIsNotADeclaration() {
        assertThat(PageInjector.detectCharset(ascii("<!-- a > b <meta charset=utf-8> --><meta charset=windows-1252>"), null))
                .isEqualTo(WINDOWS_1252);
        assertThat(PageInjector.detectCharset(ascii("<link title=\"a > <meta charset=utf-8>\"><meta charset=koi8-r>"),
                null)).isEqualTo(Charset.forName("KOI8-R"));
    }

    @Test
    void onlyTheFirst1024BytesArePrescanned() {
        String padding = "<p>" + "x".repeat(1100) + "</p>";
        assertThat(PageInjector.detectCharset(ascii(padding + "<meta charset=utf-8>"), null))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        String almost = "<p>" + "x".repeat(1000) + "</p>";
        assertThat(PageInjector.detectCharset(ascii(almost + "<meta charset=utf-8>"), null))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void metaSayingUtf16MeansUtf8() {
        assertThat(PageInjector.detectCharset(ascii("<meta charset=utf-16>"), null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void noDeclarationMeansIso88591() {
        assertThat(PageInjector.detectCharset(ascii("<html><body>caf\u00e9</body></html>"), null))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(PageInjector.detectCharset(new byte[0], null)).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void onlyAsciiCompatibleCharsetsAreSpliced() {
        assertThat(AsciiCompatible.test(StandardCharsets.UTF_8)).isTrue();
        assertThat(AsciiCompatible.test(StandardCharsets.ISO_8859_1)).isTrue();
        assertThat(AsciiCompatible.test(WINDOWS_1252)).isTrue();
        assertThat(AsciiCompatible.test(Charset.forName("Shift_JIS"))).isTrue();
        assertThat(AsciiCompatible.test(Charset.forName("EUC-KR"))).isTrue();
        assertThat(AsciiCompatible.test(StandardCharsets.UTF_16)).isFalse();
        assertThat(AsciiCompatible.test(StandardCharsets.UTF_16LE)).isFalse();
        assertThat(AsciiCompatible.test(Charset.forName("UTF-32"))).isFalse();
        assertThat(AsciiCompatible.test(Charset.forName("ISO-2022-JP"))).isFalse();
        if (Charset.isSupported("IBM037")) {
            assertThat(AsciiCompatible.test(Charset.forName("IBM037"))).isFalse(); // EBCDIC
        }
    }
}
