package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The title is read from the head's bytes, decoded, with entities resolved and whitespace collapsed. */
class PageTitleTest {

    private static String title(String page, Charset charset) {
        return PageInjector.title(page.getBytes(charset), charset);
    }

    @Test
    void entitiesAreResolvedAndWhitespaceCollapsed() {
        assertThat(title("<html><head><TITLE>\n  Restaurant  d'entreprise\t&amp; caf&eacute;t&#233;ria </TITLE></head>",
                StandardCharsets.ISO_8859_1)).isEqualTo("Restaurant d'entreprise & caf\u00e9t\u00e9ria");
    }

    @Test
    void bytesAreDecodedInThePageCharset() {
        assertThat(title("<title>Caf\u00e9 \u2013 \u65e5\u672c</title>", StandardCharsets.UTF_8)).isEqualTo("Caf\u00e9 \u2013 \u65e5\u672c");
        assertThat(title("<title>Comit\u00e9</title>", StandardCharsets.ISO_8859_1)).isEqualTo("Comit\u00e9");
    }

    @Test
    void latin1PagesAreReadAsWindows1252LikeBrowsersDo() {
        byte[] page = {'<', 't', 'i', 't', 'l', 'e', '>', 'c', (byte) 0x92, 'e', 's', 't', ' ', (byte) 0x80,
            '<', '/', 't', 'i', 't', 'l', 'e', '>'};
        assertThat(PageInjector.title(page, StandardCharsets.ISO_8859_1)).isEqualTo("c\u2019est \u20ac");
    }

    @Test
    void titleTextIsRawUpToItsEndTag() {
        assertThat(title("<title>a <b>bold</b> &lt;c&gt;</title>", StandardCharsets.UTF_8)).isEqualTo("a <b>bold</b> <c>");
    }

    @Test
    void titlesInCommentsScriptsOrAttributesAreNotTheTitle() {
        assertThat(title("<!-- <title>old</title> --><script>'<title>js</title>'</script>"
                + "<meta content=\"<title>m</title>\"><title>real</title>", StandardCharsets.UTF_8)).isEqualTo("real");
    }

    @Test
    void onlyTheHeadIsRead() {
        assertThat(title("<html><head></head><body><title>late</title>", StandardCharsets.UTF_8)).isNull();
        assertThat(title("<html><body><title>late</title>", StandardCharsets.UTF_8)).isNull();
    }

    @Test
    void missingEmptyOrUnterminatedTitleIsNull() {
        assertThat(title("<html><head></head></html>", StandardCharsets.UTF_8)).isNull();
        assertThat(title("<title> \n </title>", StandardCharsets.UTF_8)).isNull();
        assertThat(title("<title>never closed", StandardCharsets.UTF_8)).isNull();
        assertThat(title("", StandardCharsets.UTF_8)).isNull();
    }

    @Test
    void pagesInCharsetsThatAreNotAsciiCompatibleHaveNoTitleHere() {
        assertThat(title("<title>x</title>", StandardCharsets.UTF_16LE)).isNull();
    }
}
