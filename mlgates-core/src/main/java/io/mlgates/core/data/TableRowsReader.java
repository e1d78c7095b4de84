package io.mlgates.core.data;

import java.io.IOException;
import java.util.List;

/** {@link TableRows} as records: a row's number within the rows handed over stands for its line. */
final class TableRowsReader extends RecordReader {
    private final TableRows rows;
    /** Per wanted slot, the table's column, or -1. */
    private final int[] columnOf;

    TableRowsReader(String file, List<String> wanted, TableRows rows) {
        super(file, wanted);
        this.rows = rows;
        List<String> columns = rows.columns();
        this.columnOf = this.wanted.stream().mapToInt(columns::indexOf).toArray();
    }

    @Override
    boolean hasColumn(int index) {
        return columnOf[index] >= 0;
    }

    @Override
    List<String> availableColumns() {
        return rows.columns();
    }

    @Override
    boolean next() {
        if (!rows.next()) {
            return false;
        }
        line++;
        fields.clear();
        for (int i = 0; i < columnOf.length; i++) {
            if (columnOf[i] >= 0) {
                String text = rows.text(columnOf[i]);
                // as JSON Lines reads null: a blank value, which a needed column refuses
                fields.setText(i, text == null ? "" : text);
            }
        }
        return true;
    }

    @Override
    long bytesRead() {
        return 0;
    }

    @Override
    String digest() throws IOException {
        throw new IOException("rows handed over by another engine have no file digest");
    }

    @Override
    public void close() {
        // the engine that handed the rows over owns them
    }
}
