package io.mlgates.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data set reduces to for the data checks: its rows, and the profile of each column, in the file's order.
 *
 * @param rows rows read
 * @param columns each column's profile, every one over all {@code rows}
 */
public record DataProfile(long rows, List<ColumnProfile> columns) {
    public DataProfile {
        columns = List.copyOf(columns);
        Map<String, ColumnProfile> byName = new LinkedHashMap<>();
        for (ColumnProfile column : columns) {
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("column '" + column.name() + "' is profiled twice");
            }
            if (column.rows() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.rows()
                        + " rows, not " + rows);
            }
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0: " + rows);
        }
    }

    /** The profile of a column, if the data has it. */
    public Optional<ColumnProfile> column(String name) {
        Objects.requireNonNull(name, "name");
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The column names, in order. */
    public List<String> names() {
        return columns.stream().map(ColumnProfile::name).toList();
    }
}
