package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A page held in a pooled array, longer than the page, whose tail holds what an earlier page left: the injector reads
 * only the page's own bytes, and decorates it exactly as it decorates the page alone.
 */
class PageInLongerArrayTest {

    private static final byte[] FRAGMENT = "<div id=\"w\">widgets</div>".getBytes(StandardCharsets.US_ASCII);
    /** What an earlier, longer page left in the array: a body end, a charset, a selector's element. */
    private static final byte[] LEFT_OVER = ("</body></html><meta charset=\"utf-16\"><div id=\"anchor\"></div></body>"
            + "<!-- ").getBytes(StandardCharsets.US_ASCII);

    private static final List<String> PAGES = List.of(
            "<html><head><title>One</title></head><body><p>one</p></body></html>",
            "<!DOCTYPE html><html><body><div id=\"anchor\">x</div><p>two</p>",
            "<html><body><table><tr><td>left open",
            "<html><body><p>a comment never closed <!-- ",
            "<p>a fragment of a page, no body",
            "\u00ef\u00bb\u00bf<html><body>UTF-8 with a BOM</body></html>",
            "<html><head><meta charset=\"windows-1252\"></head><body>caf\u00e9</body></html>");

    private static byte[] inLongerArray(byte[] page) {
        byte[] array = Arrays.copyOf(page, page.length + LEFT_OVER.length + 100);
        System.arraycopy(LEFT_OVER, 0, array, page.length, LEFT_OVER.length);
        return array;
    }

    @Test
    void aPageInALongerArrayIsDecoratedAsThePageAlone() {
        for (Placement placement : List.of(Placement.DEFAULT, Placement.after("#anchor"))) {
            PageInjector alone = new PageInjector(100);
            PageInjector pooled = new PageInjector(100);
            for (int round = 0; round < 2; round++) { // the second round finds the pages remembered
                for (String text : PAGES) {
                    byte[] page = text.getBytes(StandardCharsets.ISO_8859_1);
                    Injection expected = alone.injectAscii(page, null, placement, FRAGMENT);
                    Injection actual = pooled.injectAscii(inLongerArray(page), page.length, text, null, placement, FRAGMENT);
                    if (expected == null) {
                        assertThat(actual).as(text).isNull();
                    } else {
                        assertThat(actual).as(text).isNotNull();
                        assertThat(actual.bytes()).as(text).isEqualTo(expected.bytes());
                        assertThat(actual.charset()).as(text).isEqualTo(expected.charset());
                    }
                }
            }
        }
    }

    @Test
    void aPageThatChangedUnderItsKeyIsPlacedAfresh() {
        for (Placement placement : List.of(Placement.DEFAULT, Placement.after("#anchor"))) {
            PageInjector alone = new PageInjector(100);
            PageInjector keyed = new PageInjector(100);
            for (String text : List.of(PAGES.get(1), PAGES.get(0), PAGES.get(1) + "<p>more</p>", PAGES.get(1))) {
                byte[] page = text.getBytes(StandardCharsets.ISO_8859_1);
                Injection expected = alone.injectAscii(page, null, placement, FRAGMENT);
                Injection actual = keyed.injectAscii(inLongerArray(page), page.length, "/one/address", null, placement,
                        FRAGMENT);
                if (expected == null) {
                    assertThat(actual).as(text).isNull();
                } else {
                    assertThat(actual.bytes()).as(text).isEqualTo(expected.bytes());
                }
            }
        }
    }

    @Test
    void writeInOneSendsTheInjectedPageWhetherTheArrayHasRoomOrNot() throws Exception {
        byte[] page = PAGES.get(0).getBytes(StandardCharsets.ISO_8859_1);
        byte[] expected = new PageInjector(10).injectAscii(page, null, Placement.DEFAULT, FRAGMENT).bytes();
        for (byte[] array : List.of(page.clone(), inLongerArray(page))) {
            Injection injection = new PageInjector(10).injectAscii(array, page.length, null, null, Placement.DEFAULT, FRAGMENT);
            CountingStream out = new CountingStream();
            injection.writeInOne(out);
            assertThat(out.toByteArray()).isEqualTo(expected);
            assertThat(out.writes).isEqualTo(array.length >= expected.length ? 1 : 3);
        }
    }

    /** Counts the writes it gets. */
    private static final class CountingStream extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }
    }
}
