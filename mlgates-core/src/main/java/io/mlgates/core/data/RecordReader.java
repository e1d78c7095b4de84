package io.mlgates.core.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
    /** Values of the current record, aligned with {@link #wanted}; null where the record lacks the column. */
    final String[] values;
    long line;
    /** Set by the subclass once its parser is open. */
    JsonParser parser;
    /** The file's bytes, counted; subclasses open their parser on it. */
    final CountingInputStream counted;

    RecordReader(String file, List<String> wanted, CountingInputStream counted) {
        this.file = file;
        this.wanted = List.copyOf(wanted);
        this.values = new String[wanted.size()];
        this.counted = counted;
    }

    /** Whether the file has the wanted column {@code index} (from the header, or the first JSON record). */
    abstract boolean hasColumn(int index);

    /** The columns the file has, for messages. */
    abstract List<String> availableColumns();

    /** Moves to the next record; false at the end. Throws on a malformed file (not on a bad value). */
    abstract boolean next() throws BadInputException, InvalidRecordException;

    /** Bytes consumed so far, for progress. */
    final long bytesRead() {
        return counted.count();
    }

    /** A syntax error of the file format, at the parser's position. */
    final BadInputException syntax(String format, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        long l = at == null ? 0 : Math.max(at.getLineNr(), 0);
        long c = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        return new BadInputException(file, l, c, "malformed " + format + ": " + e.getOriginalMessage(), e);
    }

    @Override
    public final void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        counted.close();
    }

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
