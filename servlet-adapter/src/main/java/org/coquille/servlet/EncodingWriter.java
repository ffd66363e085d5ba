package org.coquille.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * A writer that encodes each write at once into the stream, keeping nothing back but half of a split
 * surrogate pair, so that whatever the application writes is where the wrapper decided it should be.
 */
final class EncodingWriter extends Writer {

    private final OutputStream out;
    private final Charset charset;
    private char pendingHighSurrogate;

    EncodingWriter(OutputStream out, Charset charset) {
        this.out = out;
        this.charset = charset;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        StringBuilder text = new StringBuilder(len + 1);
        if (pendingHighSurrogate != 0) {
            text.append(pendingHighSurrogate);
            pendingHighSurrogate = 0;
        }
        text.append(chars, off, len);
        char last = text.charAt(text.length() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHighSurrogate = last;
            text.setLength(text.length() - 1);
        }
        if (text.length() > 0) {
            out.write(text.toString().getBytes(charset));
        }
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        write(text.toCharArray(), off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
