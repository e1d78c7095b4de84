package io.mlgates.core.gate;

import java.util.Locale;

/** What a gate judged: the prediction rows themselves, or statistics files that summarise them. */
public enum DataSource {
    /** A prediction file, read row by row. */
    ROWS,
    /** Statistics files (docs/statistics.md), merged: the counts and sums of rows read elsewhere. */
    STATISTICS;

    /** The name results use: {@code rows}, {@code statistics}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source of {@link #id()}; an unknown name is refused. */
    public static DataSource of(String id) {
        for (DataSource source : values()) {
            if (source.id().equals(id)) {
                return source;
            }
        }
        throw new IllegalArgumentException("a data source is rows or statistics, not '" + id + "'");
    }
}
