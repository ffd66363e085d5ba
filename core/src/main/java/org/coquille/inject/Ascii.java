package org.coquille.inject;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level ASCII helpers for scanning markup in ASCII-compatible charsets. */
final class Ascii {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Ascii() {
    }

    /** HTML's ASCII whitespace: tab, line feed, form feed, carriage return, space. */
    static boolean isWhitespace(byte b) {
        return b <= ' ' && (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f');
    }

    static boolean isLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    static byte toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /** Whether {@code page[from, to)} equals {@code lowerCaseName}, ignoring ASCII case. */
    static boolean equalsIgnoreCase(byte[] page, int from, int to, String lowerCaseName) {
        return to - from == lowerCaseName.length() && startsWithIgnoreCase(page, from, page.length, lowerCaseName);
    }

    /** Whether {@code page[at, limit)} starts with {@code lowerCase}, ignoring ASCII case. */
    static boolean startsWithIgnoreCase(byte[] page, int at, int limit, String lowerCase) {
        int length = lowerCase.length();
        if (at < 0 || at + length > limit) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (toLower(page[at + k]) != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code page[at, limit)} starts with {@code text}, exactly. */
    static boolean startsWith(byte[] page, int at, int limit, String text) {
        int length = text.length();
        if (at < 0 || at + length > limit) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (page[at + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@code b} in {@code page[from, to)}, or -1; eight bytes at a time. */
    static int indexOf(byte[] page, byte b, int from, int to) {
        int i = from;
        long pattern = (b & 0xFFL) * ONES;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(page, i) ^ pattern; // a zero byte where page has b
            long found = (word - ONES) & ~word & HIGH_BITS; // the lowest flag marks the first zero byte
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (page[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The lower-cased ASCII text of {@code page[from, to)}; other bytes become U+FFFD. */
    static String lowerCaseString(byte[] page, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            byte b = page[i];
            chars[i - from] = b >= 0 ? (char) toLower(b) : '\uFFFD';
        }
        return new String(chars);
    }
}
