package io.mlgates.core.data;

import io.mlgates.core.BadInputException;
import io.mlgates.core.workspace.RegularFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads chosen columns of a CSV file with a header in one streaming pass, row by row, as a cursor: the reference
 * data and feature files of the data checks. A row with another number of fields than the header is bad input at its
 * line; values are given as written, for the caller to type.
 */
public final class TableReader implements Closeable {
    private final String file;
    private final FileChannel channel;
    private final CsvRows rows;
    private long read;

    private TableReader(String file, FileChannel channel, CsvRows rows) {
        this.file = file;
        this.channel = channel;
        this.rows = rows;
    }

    /** The columns the file's header names, in order. */
    public static List<String> columns(Path path, String displayName, char delimiter) throws BadInputException {
        try (FileChannel channel = openChannel(path, displayName, delimiter)) {
            return CsvRows.header(displayName, channel, channel.size(), delimiter).columns();
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the file to read {@code wanted}, each a column of its header (see {@link #columns}).
     *
     * @param displayName how messages name the file
     */
    public static TableReader open(Path path, String displayName, char delimiter, List<String> wanted)
            throws BadInputException {
        FileChannel channel = openChannel(path, displayName, delimiter);
        try {
            long size = channel.size();
            CsvRows.Header header = CsvRows.header(displayName, channel, size, delimiter);
            for (String column : wanted) {
                if (!header.columns().contains(column)) {
                    throw new BadInputException(displayName, 1, 0, "no column '" + RecordReader.clip(column)
                            + "' in the header; the file has " + RecordReader.shownColumns(header.columns()));
                }
            }
            return new TableReader(displayName, channel, CsvRows.range(displayName, wanted, channel, size, delimiter,
                    header, header.dataStart(), header.dataLine(), Long.MAX_VALUE));
        } catch (BadInputException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BadInputException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static FileChannel openChannel(Path path, String displayName, char delimiter) throws BadInputException {
        if (delimiter >= 0x80) {
            throw new BadInputException(displayName, 0, 0, "delimiter '" + delimiter + "' is not ASCII; a data file"
                    + " is read with an ASCII delimiter such as ',' or ';'");
        }
        RegularFiles.requireRegular(path, displayName);
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, 0, "file not found; expected a CSV file with a header row");
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, 0, "cannot open: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the original error is what the user needs to see
        }
    }

    /** Moves to the next row; false at the end. A malformed row is bad input at its line. */
    public boolean next() throws BadInputException {
        try {
            if (!rows.next()) {
                return false;
            }
        } catch (RecordReader.InvalidRecordException e) {
            throw new BadInputException(file, e.line, e.column, e.getMessage());
        }
        read++;
        return true;
    }

    /** Whether the current row has a value for wanted column {@code index} that is not blank. */
    public boolean hasValue(int index) {
        return rows.fields.present(index) && !rows.fields.blank(index);
    }

    /** The current row's value of wanted column {@code index}, as written; call when {@link #hasValue}. */
    public String text(int index) {
        return rows.fields.text(index);
    }

    /** The current row's line. */
    public long line() {
        return rows.line;
    }

    public long rowsRead() {
        return read;
    }

    /** {@code sha256:} digest of the whole file. */
    public String digest() throws BadInputException {
        try {
            return FileDigest.of(channel);
        } catch (IOException e) {
            throw new BadInputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
        channel.close();
    }
}
