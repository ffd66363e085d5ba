package org.coquille.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.coquille.inject.Injection;
import org.coquille.inject.PageBuffer;
import org.coquille.servlet.ProxiedPage;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet;

/**
 * The body of a page that may get widgets, on its way from the intranet: held whole as its parts arrive (in a buffer
 * of the filter's pool), then sent in one piece with the widgets once the intranet's answer has ended, or as it came
 * when Coquille adds nothing. A page that grows past the size cap goes on as it came: what was held, then the rest as
 * it arrives. Nothing is copied on the way out: the parts sent are views of the held array.
 */
final class HeldPage implements AsyncMiddleManServlet.ContentTransformer {

    private final ProxiedPage page;
    private final HttpServletResponse response;
    private PageBuffer buffer;
    private boolean passing;
    /** The length of what is sent, once known (-1 before, and for a page too big to hold that announced none). */
    private volatile long length = -1;

    /** @param response the visitor's response, with the intranet's status and headers in it */
    HeldPage(ProxiedPage page, HttpServletResponse response) {
        this.page = page;
        this.response = response;
        this.buffer = page.buffer();
    }

    @Override
    public void transform(ByteBuffer input, boolean finished, List<ByteBuffer> output) throws IOException {
        if (passing) {
            output.add(input);
            return;
        }
        if (buffer == null) {
            return; // the response failed and was released: nothing more goes out
        }
        if ((long) buffer.length() + input.remaining() > page.maxPageSize()) {
            // too big to hold: what was held goes first, then each part as it comes (the page announced no length,
            // or it would not have been held)
            passing = true;
            page.passOn(response);
            output.add(ByteBuffer.wrap(buffer.bytes(), 0, buffer.length()));
            output.add(input);
            return;
        }
        buffer.write(input);
        if (!finished) {
            return;
        }
        Injection decorated = page.decorate(response, buffer.bytes(), buffer.length());
        if (decorated == null) {
            length = buffer.length();
            output.add(ByteBuffer.wrap(buffer.bytes(), 0, buffer.length()));
        } else {
            length = decorated.length();
            // in one part when the held array has room for the widgets after the page, else in three
            decorated.writeInOne(new Parts(output));
        }
    }

    /**
     * The length of what is sent, for {@code Content-Length}, or -1 while it is not known: the whole page has not
     * arrived yet, or it is passed on as it comes.
     */
    long length() {
        return length;
    }

    /** The intranet's answer has ended: a page that had no body at all goes as it came, with its validators. */
    void ended() {
        if (length < 0 && !passing) {
            page.passOn(response);
        }
    }

    /**
     * Gives the held array back to the pool once the response is written; after a failure a write may still be reading
     * it, so it is only dropped ({@code reuse} false).
     */
    void release(boolean reuse) {
        PageBuffer held = buffer;
        if (held != null && reuse) {
            held.release();
        }
        buffer = null;
    }

    /** Collects what is written to it as views of the written arrays, in order: the parts to send. */
    private static final class Parts extends OutputStream {

        private final List<ByteBuffer> parts;

        Parts(List<ByteBuffer> parts) {
            this.parts = parts;
        }

        @Override
        public void write(int b) {
            parts.add(ByteBuffer.wrap(new byte[] {(byte) b}));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                parts.add(ByteBuffer.wrap(b, off, len));
            }
        }
    }
}
