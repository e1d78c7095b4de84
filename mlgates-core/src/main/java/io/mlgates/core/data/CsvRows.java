package io.mlgates.core.data;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 CSV read as bytes: the records of one range of a file, each field a range of a large buffer, nothing
 * made per field. A quoted field may hold the delimiter, doubled quotes and line breaks (LF, CRLF or CR); a quote
 * inside an unquoted field is a character; after a closing quote only the delimiter or the end of the line may
 * follow; empty lines are skipped. Lines are counted from the range's first line, so a range read on its own names
 * lines that the caller shifts once it knows where the range starts.
 *
 * <p>A range owns the records that start before its limit: the last one may run past it. Many ranges of one file
 * read from one channel at once (positional reads).
 */
final class CsvRows extends RecordReader {
    /** Bytes read from the file at once; a longer record grows the buffer. */
    static final int BUFFER = 1 << 20;
    /**
     * Longest record read: an unclosed quote early in a large file would otherwise grow the buffer toward the file's
     * size before the end of the file tells it. A row of predictions is far shorter.
     */
    static final int MAX_RECORD = 16 << 20;
    private static final int NEED_MORE = -1;
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long LOW_SEVEN = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long LINE_FEEDS = ONES * '\n';
    private static final long CARRIAGE_RETURNS = ONES * '\r';

    private final FileChannel channel;
    private final long size;
    private final byte delimiter;
    /** The delimiter in each of a long's bytes. */
    private final long delimiters;
    private final int[] slotOfField;
    private final int headerSize;
    private final long limit;
    private byte[] buf;
    /** File offset of {@code buf[0]}. */
    private long base;
    private int pos;
    private int filled;
    /** Whether the channel said end of file (before the size the file had when opened, if it shrank). */
    private boolean ended;
    /** Line number at {@link #pos}. */
    private long nextLine;
    /** Fields of the record being read whose doubled quotes are to be undone, once it is complete. */
    private int[] escaped = new int[8];
    private int escapedCount;
    /** Header mode: every field's range, in order. */
    private final List<int[]> allFields;
    /** Where the quoted field that the buffer ended in opened (file offsets), while more of it is read; else -1. */
    private long openQuoteAt = -1;
    private long openQuoteLineStartAt;
    private long openQuoteLine;

    private CsvRows(String file, List<String> wanted, FileChannel channel, long size, byte delimiter,
                    int[] slotOfField, int headerSize, long start, long firstLine, long limit, boolean header) {
        super(file, wanted);
        this.channel = channel;
        this.size = size;
        this.delimiter = delimiter;
        this.delimiters = ONES * (delimiter & 0xFF);
        this.slotOfField = slotOfField;
        this.headerSize = headerSize;
        this.limit = limit;
        this.base = start;
        this.nextLine = firstLine;
        this.buf = new byte[(int) Math.min(BUFFER, Math.max(64, size - start))];
        this.allFields = header ? new ArrayList<>() : null;
    }

    /** The header of a CSV file: its column names and where the data starts. */
    record Header(List<String> columns, long dataStart, long dataLine) {
    }

    /** Reads the header row: the first record, each name stripped of white space and of a byte order mark. */
    static Header header(String file, FileChannel channel, long size, char delimiter) throws BadInputException {
        long start = 0;
        try {
            ByteBuffer bom = ByteBuffer.allocate(3);
            while (bom.hasRemaining() && channel.read(bom, bom.position()) > 0) {
                // a short read is read on
            }
            if (bom.position() == 3 && (bom.get(0) & 0xFF) == 0xEF && (bom.get(1) & 0xFF) == 0xBB
                    && (bom.get(2) & 0xFF) == 0xBF) {
                start = 3;
            }
        } catch (IOException e) {
            throw new BadInputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        CsvRows rows = new CsvRows(file, List.of(), channel, size, (byte) delimiter, new int[0], 0, start, 1,
                Long.MAX_VALUE, true);
        try {
            if (!rows.nextRecord()) {
                throw new BadInputException(file, 1, 0, "the file is empty; expected a header row naming the columns");
            }
        } catch (InvalidRecordException e) {
            throw new IllegalStateException("the header has no width to check", e);
        }
        List<String> names = new ArrayList<>();
        java.nio.charset.CharsetDecoder strict = Fields.strictUtf8();
        for (int[] field : rows.allFields) {
            int bad = Fields.notUtf8(rows.buf, field[0], field[1], strict);
            if (bad >= 0) {
                throw new BadInputException(file, 1, rows.column(0, bad), notUtf8("the header", rows.buf[bad]));
            }
            String name = new String(rows.buf, field[0], field[1] - field[0], java.nio.charset.StandardCharsets.UTF_8)
                    .strip();
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (names.contains(name)) {
                throw new BadInputException(file, 1, 0, "column '" + clip(name) + "' appears twice in the header");
            }
            names.add(name);
        }
        return new Header(List.copyOf(names), rows.base + rows.pos, rows.nextLine);
    }

    /**
     * The records that start in {@code [start, limit)}, the first at line {@code firstLine}.
     *
     * @param start where a record starts (the data's start, or just after a line break)
     */
    static CsvRows range(String file, List<String> wanted, FileChannel channel, long size, char delimiter,
                         Header header, long start, long firstLine, long limit) {
        int[] slotOfField = new int[header.columns().size()];
        Arrays.fill(slotOfField, -1);
        for (int i = 0; i < wanted.size(); i++) {
            int field = header.columns().indexOf(wanted.get(i));
            // The first role of a column is filled from the file, the others from it (shareRoles).
            if (field >= 0 && slotOfField[field] < 0) {
                slotOfField[field] = i;
            }
        }
        return new CsvRows(file, wanted, channel, size, (byte) delimiter, slotOfField, header.columns().size(),
                start, firstLine, limit, false);
    }

    /** The position just after the first line feed at or after {@code from}; the file's size if none. */
    static long afterLineBreak(String file, FileChannel channel, long from, long size) throws BadInputException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long at = from;
        try {
            while (at < size) {
                buffer.clear();
                int n = channel.read(buffer, at);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer.get(i) == '\n') {
                        return at + i + 1;
                    }
                }
                at += n;
            }
        } catch (IOException e) {
            throw new BadInputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return size;
    }

    @Override
    boolean hasColumn(int index) {
        for (int slot : slotOfField) {
            if (slot >= 0 && wanted.get(slot).equals(wanted.get(index))) {
                return true;
            }
        }
        return false;
    }

    @Override
    List<String> availableColumns() {
        throw new UnsupportedOperationException("the header tells the columns");
    }

    /** Where the next record starts: after the last one, the end of the range (the next range's start). */
    long position() {
        return base + pos;
    }

    /** The line at {@link #position()}. */
    long nextLine() {
        return nextLine;
    }

    @Override
    long bytesRead() {
        return base + pos;
    }

    @Override
    String digest() {
        throw new UnsupportedOperationException("the file's digest is taken beside the ranges");
    }

    @Override
    boolean next() throws BadInputException, InvalidRecordException {
        return nextRecord();
    }

    private boolean nextRecord() throws BadInputException, InvalidRecordException {
        while (true) {
            if (pos >= filled && !fill()) {
                return false;
            }
            if (base + pos >= limit) {
                return false;
            }
            byte b = buf[pos];
            if (b == '\n') {
                pos++;
                nextLine++;
                continue;
            }
            if (b == '\r') {
                if (pos + 1 >= filled) {
                    fill();
                }
                pos += pos + 1 < filled && buf[pos + 1] == '\n' ? 2 : 1;
                nextLine++;
                continue;
            }
            if (allFields == null && plainRecord()) {
                shareRoles();
                return true;
            }
            int fieldCount;
            while ((fieldCount = tokenize(atEnd())) == NEED_MORE) {
                fill();
            }
            if (allFields == null && fieldCount != headerSize) {
                throw new InvalidRecordException(line, 0,
                        "expected " + headerSize + " fields as in the header, found " + fieldCount);
            }
            shareRoles();
            return true;
        }
    }

    private boolean atEnd() {
        return ended || base + filled >= size;
    }

    /**
     * Reads the record at {@link #pos} if the buffer holds all of it: its field count, or {@link #NEED_MORE}.
     * At the end of the file, a record ends there.
     */
    private int tokenize(boolean eof) throws BadInputException {
        fields.clear();
        fields.bytes = buf;
        fields.recordStart = pos;
        escapedCount = 0;
        openQuoteAt = -1;
        if (allFields != null) {
            allFields.clear();
        }
        long ln = nextLine;
        int lineStart = pos;
        int i = pos;
        int field = 0;
        while (true) {
            int slot = field < slotOfField.length ? slotOfField[field] : -1;
            int from;
            int to;
            boolean doubledField = false;
            if (i < filled && buf[i] == '"') {
                int open = i;
                long openLine = ln;
                int openLineStart = lineStart;
                boolean doubled = false;
                from = ++i;
                while (true) {
                    if (i >= filled) {
                        if (!eof) {
                            openQuoteAt = base + open;
                            openQuoteLineStartAt = base + openLineStart;
                            openQuoteLine = openLine;
                            return NEED_MORE;
                        }
                        throw new BadInputException(file, openLine, column(openLineStart, open), "unclosed quote:"
                                + " the quoted field that opens here has no closing quote before the end of the file;"
                                + " expected a closing \" (a quote inside a quoted field is written twice: \"\")");
                    }
                    byte c = buf[i];
                    if (c == '"') {
                        if (i + 1 >= filled && !eof) {
                            return NEED_MORE;
                        }
                        if (i + 1 < filled && buf[i + 1] == '"') {
                            doubled = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        ln++;
                        lineStart = i + 1;
                    } else if (c == '\r') {
                        if (i + 1 >= filled && !eof) {
                            return NEED_MORE;
                        }
                        if (i + 1 < filled && buf[i + 1] == '\n') {
                            i++;
                        }
                        ln++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                to = i++;
                if (i >= filled && !eof) {
                    return NEED_MORE;
                }
                if (i < filled && buf[i] != delimiter && buf[i] != '\n' && buf[i] != '\r') {
                    throw new BadInputException(file, ln, column(lineStart, i), "malformed CSV: '"
                            + (char) (buf[i] & 0xFF) + "' after the closing quote of a quoted field; expected the"
                            + " delimiter or the end of the line (a quote inside a quoted field is written twice: \"\")");
                }
                doubledField = doubled;
                if (doubled && slot >= 0) {
                    if (escapedCount == escaped.length) {
                        escaped = Arrays.copyOf(escaped, escaped.length * 2);
                    }
                    escaped[escapedCount++] = slot;
                }
            } else {
                from = i;
                i = fieldEnd(i);
                if (i >= filled && !eof) {
                    return NEED_MORE;
                }
                to = i;
            }
            if (slot >= 0) {
                fields.set(slot, from, to);
            }
            if (allFields != null) {
                allFields.add(new int[] {from, to, doubledField ? 1 : 0});
            }
            field++;
            if (i < filled && buf[i] == delimiter) {
                i++;
                continue;
            }
            if (i < filled) {
                if (buf[i] == '\r') {
                    if (i + 1 >= filled && !eof) {
                        return NEED_MORE;
                    }
                    i += i + 1 < filled && buf[i + 1] == '\n' ? 2 : 1;
                } else {
                    i++;
                }
                ln++;
            }
            break;
        }
        for (int e = 0; e < escapedCount; e++) {
            int slot = escaped[e];
            fields.end[slot] = undouble(fields.start[slot], fields.end[slot]);
        }
        if (allFields != null) {
            for (int[] f : allFields) {
                if (f[2] == 1) {
                    f[1] = undouble(f[0], f[1]);
                }
            }
        }
        line = nextLine;
        nextLine = ln;
        pos = i;
        return field;
    }

    /**
     * Reads the record at {@link #pos} the short way if it is the common one: no field opens with a quote, the
     * header's number of fields, and a line break (LF or CRLF) within the buffer. Otherwise false, with nothing
     * read: {@link #tokenize} reads it, and tells what is wrong with it. A full record sets every wanted field the
     * header has, so the fields need no clearing (the others stay absent).
     */
    private boolean plainRecord() {
        byte[] b = buf;
        int n = filled;
        byte d = delimiter;
        int[] slots = slotOfField;
        int[] start = fields.start;
        int[] end = fields.end;
        int last = headerSize - 1;
        int i = pos;
        for (int field = 0; ; field++) {
            int from = i;
            if (i < n && b[i] == '"') {
                return false;
            }
            i = special(b, i, n);
            if (i >= n || field > last) {
                return false;
            }
            byte c = b[i];
            int slot = slots[field];
            if (slot >= 0) {
                start[slot] = from;
                end[slot] = i;
            }
            if (c != d) {
                if (field != last || c == '\r' && (i + 1 >= n || b[i + 1] != '\n')) {
                    return false;
                }
                i += c == '\r' ? 2 : 1;
                break;
            }
            i++;
        }
        fields.bytes = b;
        fields.recordStart = pos;
        escapedCount = 0;
        openQuoteAt = -1;
        line = nextLine;
        nextLine++;
        pos = i;
        return true;
    }

    /**
     * The first delimiter or line break ({@code \n}, {@code \r}) at or after {@code i} and before {@code n}, else
     * {@code n}: eight bytes at a time, each compared at once with the three (one branch a field, not one a byte).
     */
    private int special(byte[] b, int i, int n) {
        long delimiters = this.delimiters;
        while (i + Long.BYTES <= n) {
            long w = (long) WORD.get(b, i);
            long found = zeroBytes(w ^ delimiters) | zeroBytes(w ^ LINE_FEEDS) | zeroBytes(w ^ CARRIAGE_RETURNS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < n) {
            byte c = b[i];
            if (c == delimiter || c == '\n' || c == '\r') {
                return i;
            }
            i++;
        }
        return n;
    }

    /** The high bit of each byte of {@code x} that is zero, and no other bit (exact: no carry between bytes). */
    private static long zeroBytes(long x) {
        return ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
    }

    /** Where the unquoted field at {@code i} ends: the delimiter, a line break, or the end of what is read. */
    private int fieldEnd(int i) {
        byte[] b = buf;
        int n = filled;
        byte d = delimiter;
        while (i < n) {
            byte c = b[i];
            if (c == d || c == '\n' || c == '\r') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** The problem of a byte that is not UTF-8 text in {@code what}. */
    static String notUtf8(String what, byte bad) {
        return what + " holds a byte that is not UTF-8 text (" + String.format("0x%02X", bad & 0xFF) + "); expected"
                + " the file in UTF-8: re-encode it (from Latin-1, for example: iconv -f latin1 -t utf-8)";
    }

    /** Undoes the doubled quotes of a quoted field in place; its new end. */
    private int undouble(int from, int to) {
        int w = from;
        for (int r = from; r < to; r++) {
            buf[w++] = buf[r];
            if (buf[r] == '"') {
                r++;
            }
        }
        return w;
    }

    /** The 1-based column, in characters, of {@code at} in the line that starts at {@code lineStart}. */
    private int column(int lineStart, int at) {
        int column = 1;
        for (int i = lineStart; i < at; i++) {
            if ((buf[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }

    /**
     * Keeps the record being read and reads more of the file after it, growing the buffer when the record fills it.
     * False at the end of the file.
     */
    private boolean fill() throws BadInputException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, filled - pos);
            base += pos;
            filled -= pos;
            pos = 0;
        }
        if (filled == buf.length) {
            if (buf.length >= MAX_RECORD) {
                throw tooLong();
            }
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD));
        }
        int before = filled;
        try {
            while (filled < buf.length && base + filled < size) {
                int n = channel.read(ByteBuffer.wrap(buf, filled, buf.length - filled), base + filled);
                if (n < 0) {
                    ended = true;
                    break;
                }
                filled += n;
            }
        } catch (IOException e) {
            throw new BadInputException(file, nextLine, 0, "cannot read: " + e.getMessage(), e);
        }
        return filled > before;
    }

    /** The error for a record that fills {@link #MAX_RECORD} bytes: at the quote that opened it, if one did. */
    private BadInputException tooLong() {
        String limit = (MAX_RECORD >> 20) + " MiB";
        if (openQuoteAt >= 0) {
            return new BadInputException(file, openQuoteLine, column((int) (openQuoteLineStartAt - base),
                    (int) (openQuoteAt - base)), "unclosed quote: the quoted field that opens here runs on for more than "
                    + limit + " without a closing quote; expected a closing \" (a quote inside a quoted field is"
                    + " written twice: \"\")");
        }
        return new BadInputException(file, nextLine, 0, "a record of more than " + limit + " without a line break;"
                + " expected rows of predictions, one a line");
    }

    @Override
    public void close() {
        // the channel is the caller's
    }
}
