package io.mlgates.core.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The wanted values of the current record as byte ranges of one array (UTF-8), so that a row is read without an
 * object per field: numbers are parsed from the bytes, labels and group names looked up by their bytes, and text is
 * made only for a message or a value seen for the first time. A reader of text (JSON Lines) encodes its values here.
 */
final class Fields {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};
    /** Largest integer every smaller of which a double holds exactly: 2^53. */
    private static final long EXACT_LIMIT = 1L << 53;

    /** The array the values lie in; set by the reader. */
    byte[] bytes = new byte[0];
    /** Per slot, the first byte of the value, or -1 when the record lacks the column. */
    final int[] start;
    final int[] end;
    /** For readers of text: where the next encoded value goes. */
    private int used;
    /** Where the record's first byte lies in {@link #bytes}: a value's place in its line is counted from there. */
    int recordStart;
    private final CharsetDecoder strict = strictUtf8();

    Fields(int slots) {
        start = new int[slots];
        end = new int[slots];
        Arrays.fill(start, -1);
    }

    void clear() {
        Arrays.fill(start, -1);
        used = 0;
    }

    void set(int slot, int from, int to) {
        start[slot] = from;
        end[slot] = to;
    }

    /** Stores a value read as text (JSON Lines): encoded after the values stored before it in this record. */
    void setText(int slot, String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        if (used + encoded.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(used + encoded.length, bytes.length * 2 + 64));
        }
        System.arraycopy(encoded, 0, bytes, used, encoded.length);
        set(slot, used, used + encoded.length);
        used += encoded.length;
    }

    boolean present(int slot) {
        return start[slot] >= 0;
    }

    int length(int slot) {
        return end[slot] - start[slot];
    }

    /** The value as text; null when absent. Made only where text is needed (messages, first sight of a value). */
    String text(int slot) {
        return start[slot] < 0 ? null : new String(bytes, start[slot], end[slot] - start[slot], StandardCharsets.UTF_8);
    }

    /**
     * Where the first byte of the value that is not part of UTF-8 text lies in {@link #bytes} (a byte that starts no
     * character, a character cut short, an overlong form, a surrogate, a code point past U+10FFFF); -1 if none.
     */
    int notUtf8(int slot) {
        return notUtf8(bytes, start[slot], end[slot], strict);
    }

    /** As {@link #notUtf8(int)}, for the bytes {@code [from, to)}, with a decoder that reports malformed input. */
    static int notUtf8(byte[] bytes, int from, int to, CharsetDecoder strict) {
        int i = from;
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        if (i == to) {
            return -1;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, i, to - i);
        CharBuffer out = CharBuffer.allocate(to - i);
        strict.reset();
        CoderResult result = strict.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    /** A decoder of UTF-8 that reports what is not UTF-8 instead of replacing it. */
    static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether the value is empty or white space only, as {@link String#isBlank()} says. */
    boolean blank(int slot) {
        int from = start[slot];
        if (from < end[slot] && bytes[from] > ' ') {
            return false; // ASCII past the space: no white space
        }
        for (int i = from; i < end[slot]; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return text(slot).isBlank(); // beyond ASCII: Unicode's white space decides
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value as a double, exactly as {@link Double#parseDouble} reads its text: a plain decimal of at most 15
     * significant digits and 22 decimals is one exact integer divided by an exact power of ten, which IEEE division
     * rounds correctly (Clinger's fast path); every other spelling goes to the JDK.
     *
     * @throws NumberFormatException as {@link Double#parseDouble} does
     */
    double number(int slot) {
        byte[] b = bytes;
        int i = start[slot];
        int to = end[slot];
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        // digits, a point, digits: a mantissa of more than 18 digits may wrap, and is then not used
        long mantissa = 0;
        int first = i;
        int digit;
        while (i < to && (digit = b[i] - '0') >= 0 && digit <= 9) {
            mantissa = mantissa * 10 + digit;
            i++;
        }
        int digits = i - first;
        int decimals = 0;
        if (i < to && b[i] == '.') {
            int point = ++i;
            while (i < to && (digit = b[i] - '0') >= 0 && digit <= 9) {
                mantissa = mantissa * 10 + digit;
                i++;
            }
            decimals = i - point;
            digits += decimals;
        }
        if (i == to && digits > 0 && digits <= 18 && mantissa < EXACT_LIMIT && decimals < POWERS_OF_TEN.length) {
            double value = decimals == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[decimals];
            return negative ? -value : value;
        }
        return Double.parseDouble(text(slot));
    }

    /** Lets slot {@code to} show the value of slot {@code from}: one column in two roles. */
    void share(int from, int to) {
        start[to] = start[from];
        end[to] = end[from];
    }
}
