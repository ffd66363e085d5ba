package org.coquille.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.coquille.inject.PageBuffer;
import org.coquille.inject.PageBuffers;

/**
 * Holds back a page that Coquille may add its widgets to, and lets everything else through untouched.
 * It decides at the first byte written (or flush), when the status and headers are known: it buffers
 * only a 200 {@code text/html} (or XHTML) response without {@code Content-Encoding} or
 * {@code Content-Disposition: attachment}. It gives up buffering, writing what it held through, as soon as
 * the page grows past the size cap or the application flushes (streaming), or an error or redirect is sent.
 * The page's validators ({@code ETag}, {@code Last-Modified}) are held back with it: a decorated page is another
 * representation, and they go out only with the page as the application wrote it. So does a page whose length
 * disagrees with the {@code Content-Length} the application announced: the container answers it as it would alone.
 * The page is held in a {@link PageBuffer} from the filter's pool, which the filter gives back with {@link #release}.
 */
final class PageResponseWrapper extends HttpServletResponseWrapper {

    private enum Mode { UNDECIDED, BUFFERING, PASSING }

    /** What a page that announced no length is first given room for: most intranet pages fit, without growing. */
    static final int FIRST_ROOM = 64 * 1024;

    private final int maxSize;
    private final boolean mayBuffer;
    private final PageBuffers buffers;
    private Mode mode = Mode.UNDECIDED;
    /** The held page, from the pool once the wrapper decides to hold it; null before and after. */
    private PageBuffer buffer;
    private long withheldContentLength = -1;
    private final List<Runnable> withheldValidators = new ArrayList<>();
    private ServletOutputStream stream;
    private PrintWriter writer;

    /**
     * @param maxSize   the largest page held back, in bytes
     * @param mayBuffer false when the request itself rules decoration out (HEAD, include)
     * @param buffers   where the held page's buffer comes from
     */
    PageResponseWrapper(HttpServletResponse response, int maxSize, boolean mayBuffer, PageBuffers buffers) {
        super(response);
        this.maxSize = maxSize;
        this.mayBuffer = mayBuffer;
        this.buffers = buffers;
    }

    /** Whether the whole page was held back, so Coquille may decorate it. */
    boolean holdsPage() {
        return mode == Mode.BUFFERING;
    }

    /**
     * Whether the application wrote as many bytes as its {@code Content-Length} announced (or announced none). A
     * page that did not is an application error; it passes through, and the container answers it as it would alone.
     */
    boolean lengthAsAnnounced() {
        if (writer != null) {
            writer.flush();
        }
        return withheldContentLength < 0 || withheldContentLength == held();
    }

    /**
     * Decides at the end, for a response the application wrote nothing to (a HEAD), whether it is a page that
     * could take widgets; returns {@link #holdsPage()}.
     */
    boolean holdsPageAtEnd() {
        decide();
        return holdsPage();
    }

    /**
     * The held-back page, after the application finished writing: its first {@link PageBuffer#length()} bytes. Valid
     * until {@link #release}.
     */
    PageBuffer page() {
        if (writer != null) {
            writer.flush();
        }
        return buffer;
    }

    /**
     * Gives the held page's buffer back to the pool: the filter calls it once the response is written or abandoned,
     * also when the application threw. Nothing is held after it: anything written later goes to the container. A
     * request that went asynchronous may still be written to from another thread, so its buffer is not reused, only
     * dropped ({@code reuse} false).
     */
    void release(boolean reuse) {
        PageBuffer held = buffer;
        buffer = null;
        mode = Mode.PASSING;
        if (held != null && reuse) {
            held.release();
        }
    }

    /** How many bytes are held back. */
    private int held() {
        return buffer == null ? 0 : buffer.length();
    }

    /** The charset of the {@code Content-Type} header, or {@code null} when it names none. */
    String headerCharset() {
        return headerCharset(getContentType());
    }

    /** The charset a {@code Content-Type} names, or {@code null} when it names none. */
    static String headerCharset(String type) {
        if (type == null) {
            return null;
        }
        for (String part : type.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    private void decide() {
        if (mode != Mode.UNDECIDED) {
            return;
        }
        mode = mayBuffer && isDecoratable() ? Mode.BUFFERING : Mode.PASSING;
        if (mode == Mode.BUFFERING) {
            // sized from the Content-Length the application announced, so the page is not copied as it grows
            if (buffer == null) { // after a reset(), the page starts again in the buffer it had
                buffer = buffers.take(withheldContentLength > 0 ? (int) withheldContentLength : FIRST_ROOM);
            }
        }
        if (mode == Mode.PASSING) {
            releaseWithheld();
        }
    }

    /** Sends what was held back from the headers: the page goes out as the application wrote it. */
    private void releaseWithheld() {
        if (withheldContentLength >= 0) {
            passContentLength(withheldContentLength);
        }
        withheldValidators.forEach(Runnable::run);
        withheldValidators.clear();
    }

    private boolean isDecoratable() {
        return isDecoratable(this, withheldContentLength, maxSize);
    }

    /**
     * Whether a response can take widgets, from its status and headers: a 200 HTML page, not compressed, not an
     * attachment, of at most {@code maxSize} bytes when its length is known ({@code length}, or -1).
     */
    static boolean isDecoratable(HttpServletResponse response, long length, int maxSize) {
        // the cheap checks first: most pages that are held back are HTML, so the header lookups come last
        if (response.getStatus() != SC_OK || length > maxSize || !isHtml(response.getContentType())
                || response.containsHeader("Content-Encoding")) {
            return false;
        }
        String disposition = response.getHeader("Content-Disposition");
        return disposition == null || !disposition.regionMatches(true, 0, "attachment", 0, 10);
    }

    /** Whether a Content-Type names an HTML page ({@code text/html} or {@code application/xhtml+xml}). */
    static boolean isHtml(String type) {
        if (type == null) {
            return false;
        }
        int start = 0;
        while (start < type.length() && Character.isWhitespace(type.charAt(start))) {
            start++;
        }
        return type.regionMatches(true, start, "text/html", 0, 9)
                || type.regionMatches(true, start, "application/xhtml+xml", 0, 21);
    }

    /** Stops holding back: what was buffered goes out, and the rest streams. */
    void passThrough() throws IOException {
        if (mode == Mode.PASSING) {
            return;
        }
        boolean wasBuffering = mode == Mode.BUFFERING;
        mode = Mode.PASSING;
        releaseWithheld();
        if (wasBuffering && held() > 0) {
            getResponse().getOutputStream().write(buffer.bytes(), 0, buffer.length());
            buffer.clear();
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        decide();
        if (mode == Mode.BUFFERING && (held() + len > maxSize
                || withheldContentLength >= 0 && held() + len > withheldContentLength)) {
            passThrough();
        }
        if (mode == Mode.BUFFERING) {
            buffer.write(b, off, len);
        } else {
            getResponse().getOutputStream().write(b, off, len);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        if (stream == null) {
            stream = new Stream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            writer = new PrintWriter(new EncodingWriter(new Stream(), writerCharset()), false);
            // as the container's own getWriter() does: the charset becomes the response's, and so shows in its
            // Content-Type (Tomcat sends a JSP's redirect as text/html;charset=ISO-8859-1, and so must the filter)
            String charset = getCharacterEncoding();
            if (charset != null) {
                super.setCharacterEncoding(charset);
            }
        }
        return writer;
    }

    private Charset writerCharset() {
        String name = getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        decide();
        passThrough();
        super.flushBuffer();
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        if (mode == Mode.PASSING) {
            passContentLength(length);
        } else {
            withheldContentLength = length;
        }
    }

    /** Servlet 3.0's calls only (setContentLengthLong is 3.1), so that the javax variant runs on Servlet 3.0 containers. */
    private void passContentLength(long length) {
        if (length <= Integer.MAX_VALUE) {
            super.setContentLength((int) length);
        } else {
            super.setHeader("Content-Length", Long.toString(length));
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (isContentLength(name) && mode != Mode.PASSING) {
            withheldContentLength = parseLength(value);
        } else if (isValidator(name) && mode != Mode.PASSING) {
            withheldValidators.add(() -> super.setHeader(name, value));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (isContentLength(name) && mode != Mode.PASSING) {
            withheldContentLength = parseLength(value);
        } else if (isValidator(name) && mode != Mode.PASSING) {
            withheldValidators.add(() -> super.addHeader(name, value));
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (isValidator(name) && mode != Mode.PASSING) {
            withheldValidators.add(() -> super.setDateHeader(name, date));
        } else {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (isValidator(name) && mode != Mode.PASSING) {
            withheldValidators.add(() -> super.addDateHeader(name, date));
        } else {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (isContentLength(name) && mode != Mode.PASSING) {
            withheldContentLength = value;
        } else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        setIntHeader(name, value);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        abandonPage();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        abandonPage();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        abandonPage();
        super.sendRedirect(location);
    }

    /** An error or redirect replaces the page: nothing held back is sent, and nothing more is held. */
    private void abandonPage() {
        mode = Mode.PASSING;
        clearHeld();
        withheldValidators.clear();
    }

    @Override
    public void reset() {
        super.reset();
        clearHeld();
        withheldContentLength = -1;
        withheldValidators.clear();
        if (mode == Mode.BUFFERING) {
            mode = Mode.UNDECIDED;
        }
        stream = null;
        writer = null;
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        clearHeld();
    }

    private void clearHeld() {
        if (buffer != null) {
            buffer.clear();
        }
    }

    @Override
    public boolean isCommitted() {
        return mode != Mode.BUFFERING && super.isCommitted();
    }

    private static boolean isContentLength(String name) {
        return "Content-Length".equalsIgnoreCase(name);
    }

    private static boolean isValidator(String name) {
        return "ETag".equalsIgnoreCase(name) || "Last-Modified".equalsIgnoreCase(name);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    /** The stream the application writes to, through the wrapper's decision. */
    private final class Stream extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            PageResponseWrapper.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            PageResponseWrapper.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (mode == Mode.UNDECIDED) {
                decide();
            }
            if (mode == Mode.PASSING) {
                getResponse().getOutputStream().flush();
            }
            // while buffering, a writer's or stream's flush() is not an intent to stream: only flushBuffer() is
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("Coquille's page buffer does not support non-blocking writes");
        }
    }
}
