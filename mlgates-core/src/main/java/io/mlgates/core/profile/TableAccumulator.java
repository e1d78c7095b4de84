package io.mlgates.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The accumulators of a set of columns, one per column, filled row by row: a shard of a parallel read. Shards merge
 * in any order into what one pass over all their rows gives. Not thread-safe.
 */
public final class TableAccumulator {
    private final List<String> names;
    private final ColumnAccumulator[] columns;
    private long rows;

    public TableAccumulator(List<String> names) {
        this.names = List.copyOf(names);
        this.columns = new ColumnAccumulator[this.names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnAccumulator();
        }
    }

    /**
     * The accumulator that read {@code rows} rows into {@code columns} (restored with
     * {@link ColumnAccumulator#of}), to merge more rows into.
     */
    public static TableAccumulator of(long rows, List<String> names, List<ColumnAccumulator> columns) {
        if (names.size() != columns.size() || rows < 0) {
            throw new IllegalArgumentException("one accumulator per column, and rows >= 0");
        }
        TableAccumulator table = new TableAccumulator(names);
        table.rows = rows;
        for (int i = 0; i < columns.size(); i++) {
            table.columns[i] = columns.get(i);
        }
        return table;
    }

    /** Rows counted. */
    public long rows() {
        return rows;
    }

    public List<String> names() {
        return names;
    }

    /** The accumulator of column {@code index}, to add the current row's value to. */
    public ColumnAccumulator column(int index) {
        return columns[index];
    }

    /** Counts a row; each column's value is added to its accumulator. */
    public void countRow() {
        rows++;
    }

    /** Adds {@code later}'s rows; both hold the same columns. */
    public void merge(TableAccumulator later) {
        if (!names.equals(later.names)) {
            throw new IllegalArgumentException("shards of other columns: " + later.names + ", not " + names);
        }
        rows += later.rows;
        for (int i = 0; i < columns.length; i++) {
            columns[i].merge(later.columns[i]);
        }
    }

    public DataProfile profile() {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            profiles.add(columns[i].profile(names.get(i)));
        }
        return new DataProfile(rows, profiles);
    }
}
