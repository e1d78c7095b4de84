package io.mlgates.core.profile;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.TableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Profiles of data files: a CSV file with a header read in one pass into a {@link TableAccumulator}. */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * A file profiled.
     *
     * @param digest {@code sha256:} digest of the file's bytes
     */
    public record Profiled(String digest, DataProfile profile) {
        public Profiled {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /**
     * Profiles {@code columns} of a CSV file (every column of its header when empty).
     *
     * @param display how messages name the file
     */
    public static Profiled profile(Path file, String display, char delimiter, List<String> columns)
            throws BadInputException {
        List<String> wanted = columns.isEmpty() ? TableReader.columns(file, display, delimiter) : columns;
        TableAccumulator table = new TableAccumulator(wanted);
        try (TableReader reader = TableReader.open(file, display, delimiter, wanted)) {
            while (reader.next()) {
                addRow(table, reader);
            }
            return new Profiled(reader.digest(), table.profile());
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Adds the reader's current row to every column's accumulator: the table's columns are the first the reader was
     * opened with, in the same order (a read may take more columns after them, for another check of the same pass).
     */
    public static void addRow(TableAccumulator table, TableReader reader) {
        table.countRow();
        for (int i = 0; i < table.names().size(); i++) {
            if (reader.hasValue(i)) {
                table.column(i).add(reader.text(i));
            } else {
                table.column(i).addNull();
            }
        }
    }
}
