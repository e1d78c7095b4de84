package io.mlgates.core.data;

import io.mlgates.core.BadInputException;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads records of a tabular file in one streaming pass, keeping only the wanted columns. Package-private:
 * the public face of this package is {@link PredictionReader}.
 */
abstract class RecordReader implements Closeable {
    final String file;
    final List<String> wanted;
    /** Values of the current record, aligned with {@link #wanted}; absent where the record lacks the column. */
    final Fields fields;
    /**
     * For each wanted index, the first index naming the same column: one column may serve several roles (a slice by
     * the label), and the reader fills the first and copies it to the others.
     */
    private final int[] firstOfName;
    /** Whether any column serves several roles. */
    private final boolean shared;
    long line;

    RecordReader(String file, List<String> wanted) {
        this.file = file;
        this.wanted = List.copyOf(wanted);
        this.fields = new Fields(wanted.size());
        this.firstOfName = new int[wanted.size()];
        boolean any = false;
        for (int i = 0; i < firstOfName.length; i++) {
            firstOfName[i] = this.wanted.indexOf(this.wanted.get(i));
            any |= firstOfName[i] != i;
        }
        shared = any;
    }

    /** Copies the value of a column that serves several roles to each of them; call once a record is read. */
    final void shareRoles() {
        if (!shared) {
            return;
        }
        for (int i = 0; i < firstOfName.length; i++) {
            if (firstOfName[i] != i) {
                fields.share(firstOfName[i], i);
            }
        }
    }

    /** A value from the file as messages show it: at most 60 characters, so a huge field makes no huge message. */
    static String clip(String value) {
        if (value.length() <= 60) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(56)) ? 56 : 57;
        return value.substring(0, end) + "... (" + value.length() + " characters)";
    }

    /** Names (the file's columns, the classes found) for a message: the first 20, each clipped. */
    static String shownColumns(List<String> columns) {
        List<String> shown = columns.stream().limit(20).map(RecordReader::clip).toList();
        return String.join(", ", shown) + (columns.size() > 20 ? " and " + (columns.size() - 20) + " more" : "");
    }

    /** Whether the file has the wanted column {@code index} (from the header, or the first JSON record). */
    abstract boolean hasColumn(int index);

    /** The columns the file has, for messages. */
    abstract List<String> availableColumns();

    /** Moves to the next record; false at the end. Throws on a malformed file (not on a bad value). */
    abstract boolean next() throws BadInputException, InvalidRecordException;

    /** Bytes consumed so far, for progress. */
    abstract long bytesRead();

    /** {@code sha256:} digest of the whole file; at the end of the read. */
    abstract String digest() throws IOException;

    /** A record that cannot be read as a row, though the file around it can; the policy may drop it. */
    static final class InvalidRecordException extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;

        InvalidRecordException(long line, long column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }
}
